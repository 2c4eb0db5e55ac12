package org.laimark.model.qwen3;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.SparseFormat;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.laimark.model.lora.LoraConfig;
import org.laimark.model.lora.PeftFormat;
import org.laimark.model.train.TrainableLm;

/**
 * A Qwen3 causal language model (and the Qwen2/Llama decoders it generalizes): token embeddings, a
 * stack of {@link DecoderBlock}s, a final RMSNorm and the (tied or separate) output projection.
 * Loads {@code model.embed_tokens.weight}, {@code model.layers.*}, {@code model.norm.weight} and,
 * untied, {@code lm_head.weight}. inputIds (B, T) → logits (B, T, V), float32.
 *
 * <p>Memory: the model owns a sub-manager of the one it was built with. The base weights live in a
 * capped child manager, so any operation that would leave a result attached to them fails at once
 * instead of leaking; every forward result lands in the NDManager of {@code inputIds} (the caller's
 * step scope). Base weights are frozen and a LoRA adapter's matrices are the only trainable
 * parameters, unless {@link #trainAllWeights()} turns the model into one trained from scratch (the
 * embedded model's pre-training). Not thread-safe.
 */
public final class Qwen3Model implements TrainableLm, AutoCloseable {

  private final Qwen3Config config;
  private final String source;
  private final NDManager root;
  private final NDArray embedTokens;
  private final List<DecoderBlock> layers;
  private final RmsNorm norm;
  private final Linear lmHead;
  private final Rope rope;
  private final NamedWeights named;
  private LoraAttachment adapter;
  private boolean adapterEnabled = true;
  private boolean training;
  private boolean allWeightsTrainable;
  /** False while the weights are a checkpoint file's read-only mapping: they cannot be trained in place. */
  private final boolean weightsWritable;

  Qwen3Model(
      Qwen3Config config, String source, NDManager root, NamedWeights weights, boolean weightsWritable) {
    this.config = config;
    this.weightsWritable = weightsWritable;
    this.source = source;
    this.root = root;
    this.named = weights;
    this.embedTokens =
        weights.get("model.embed_tokens.weight", config.vocabSize(), config.hiddenSize());
    List<DecoderBlock> blocks = new ArrayList<>();
    for (int i = 0; i < config.numHiddenLayers(); i++) {
      blocks.add(DecoderBlock.load(config, i, weights));
    }
    this.layers = List.copyOf(blocks);
    this.norm =
        RmsNorm.load(weights, "model.norm.weight", config.hiddenSize(), config.rmsNormEps());
    this.lmHead =
        config.tieWordEmbeddings()
            ? new Linear(embedTokens, null)
            : Linear.load(weights, "lm_head", config.vocabSize(), config.hiddenSize(), false);
    this.rope = new Rope(config);
  }

  /**
   * Loads a Hugging Face model folder (config.json plus safetensors weights) onto {@code manager}'s
   * device.
   */
  public static Qwen3Model load(Path directory, NDManager manager) {
    return ModelBuilder.fromCheckpoint(directory, manager);
  }

  /**
   * A randomly initialised model (seeded, identical on every machine), for tests and benchmarks.
   */
  public static Qwen3Model random(Qwen3Config config, long seed, NDManager manager) {
    return ModelBuilder.random(config, seed, RandomSource.STD, manager);
  }

  /**
   * As {@link #random(Qwen3Config, long, NDManager)} with weights of standard deviation {@code
   * std}.
   */
  static Qwen3Model random(Qwen3Config config, long seed, double std, NDManager manager) {
    return ModelBuilder.random(config, seed, std, manager);
  }

  public Qwen3Config config() {
    return config;
  }

  /** Where the weights came from: a folder, or "random(seed)". */
  public String source() {
    return source;
  }

  /** A fresh scope for one step's arrays, on the model's device; close it when the step is done. */
  public NDManager newStepManager() {
    return root.newSubManager();
  }

  /**
   * Next-token logits.
   *
   * @param inputIds (B, T) int64, in the caller's step NDManager (all results land there)
   * @param attentionMask (B, cached + T), 1 for real tokens and 0 for padding; null when nothing is
   *     padded
   * @param cache earlier positions' keys and values, extended by this call; null when not caching
   * @return (B, T, V) float32
   */
  public NDArray forward(NDArray inputIds, NDArray attentionMask, KvCache cache) {
    return logits(hidden(inputIds, attentionMask, cache));
  }

  /** The final normalised hidden states (B, T, C), before the output projection. */
  public NDArray hidden(NDArray inputIds, NDArray attentionMask, KvCache cache) {
    long b = inputIds.getShape().get(0);
    long t = inputIds.getShape().get(1);
    int past = cache == null ? 0 : cache.length();
    if (cache != null) {
      cache.checkRoom(b, t);
    }
    NDManager step = inputIds.getManager();
    AttentionLayout layout = AttentionLayout.of(step, attentionMask, b, t, past);
    Rope.Angles angles = rope.angles(layout.positions());
    AdapterMode mode = new AdapterMode(adapterEnabled, training);
    NDArray x =
        inputIds
            .getNDArrayInternal()
            .embedding(inputIds, embedTokens, SparseFormat.DENSE)
            .singletonOrThrow(); // (B, T, C)
    for (int i = 0; i < layers.size(); i++) {
      x =
          layers
              .get(i)
              .forward(x, angles, layout.maskBias(), cache == null ? null : cache.layer(i), mode);
    }
    if (cache != null) {
      cache.advance((int) t);
    }
    return norm.forward(x);
  }

  /** hidden (B, T, C) → logits (B, T, V). */
  public NDArray logits(NDArray hidden) {
    return lmHead.forward(hidden, new AdapterMode(false, false));
  }

  /** {@link TrainableLm}: {@code forward(inputIds, attentionMask, null)}. */
  @Override
  public NDArray logits(NDArray inputIds, NDArray attentionMask) {
    return forward(inputIds, attentionMask, null);
  }

  /**
   * Applies the output head to the scored positions only: for a small model the head is the largest
   * matmul, and training scores only completion tokens (a prompt is often 3/4 of the sequence).
   */
  @Override
  public NDArray logits(NDArray inputIds, NDArray attentionMask, int fromPosition) {
    NDArray hidden = hidden(inputIds, attentionMask, null); // (B, T, C)
    return logits(fromPosition == 0 ? hidden : hidden.get(":, {}:", fromPosition)); // (B, T - from, V)
  }

  /**
   * Makes every weight trainable, for training from random initialisation (pre-training has no frozen
   * base): {@link #trainableParameters()} then returns all weights by their Hugging Face names (a tied
   * head once, as the embedding), the optimizer updates them in place, and {@link #save} writes them.
   * The weights leave the capped manager because PyTorch hands out gradients in the weight's own manager.
   */
  public void trainAllWeights() {
    if (adapter != null) {
      throw new IllegalStateException("a model with a LoRA adapter trains the adapter; detach it first");
    }
    if (allWeightsTrainable) {
      return;
    }
    if (!weightsWritable) {
      throw new IllegalStateException(
          source
              + ": the weights map the checkpoint file read-only; load it with"
              + " ModelBuilder.fromCheckpointForFullTraining to train every weight");
    }
    NDManager trainable = root.newSubManager();
    for (NDArray weight : named.byName().values()) {
      weight.attach(trainable);
      weight.setRequiresGradient(true);
    }
    allWeightsTrainable = true;
  }

  /**
   * Attaches a fresh adapter with PEFT's initialisation (B = 0: the model's outputs are unchanged).
   */
  public void attachLora(LoraConfig loraConfig, long seed) {
    requireFrozenBase();
    detachAdapter();
    adapter = LoraAttachment.random(layers, loraConfig, seed, root);
  }

  /**
   * Loads a PEFT adapter folder (adapter_config.json + adapter_model.safetensors), replacing any
   * adapter.
   */
  public void loadAdapter(Path directory) {
    requireFrozenBase();
    detachAdapter();
    adapter = LoraAttachment.fromPeft(layers, PeftFormat.read(directory), directory, root);
  }

  /**
   * Writes the adapter in PEFT format; Python PEFT loads it with {@code PeftModel.from_pretrained}.
   */
  public void saveAdapter(Path directory) {
    if (adapter == null) {
      throw new IllegalStateException("no adapter attached");
    }
    adapter.save(directory, source);
  }

  /** Folds the adapter into the base weights and removes it; the merged model needs no adapter. */
  public void mergeAdapter() {
    if (adapter == null) {
      throw new IllegalStateException("no adapter attached");
    }
    NDManager merged = root.newSubManager();
    List<NDArray> replaced = adapter.mergeInto(merged);
    named.refreshProjections(layers);
    replaced.forEach(NDArray::close);
    merged.cap();
    adapter.close();
    adapter = null;
  }

  public boolean hasAdapter() {
    return adapter != null;
  }

  /** The attached adapter's config; throws when none is attached. */
  public LoraConfig loraConfig() {
    if (adapter == null) {
      throw new IllegalStateException("no adapter attached");
    }
    return adapter.config();
  }

  /** With the adapter disabled the model is the frozen base (the DPO/KL reference). */
  @Override
  public void setAdapterEnabled(boolean enabled) {
    this.adapterEnabled = enabled;
  }

  /**
   * Training mode turns on LoRA dropout (drawn from the engine's generator; reseed it per step).
   */
  @Override
  public void setTraining(boolean training) {
    this.training = training;
  }

  /**
   * The adapter's A and B matrices by PEFT key, in model order (empty without an adapter); after {@link
   * #trainAllWeights()}, every weight by its Hugging Face name.
   */
  @Override
  public Map<String, NDArray> trainableParameters() {
    if (allWeightsTrainable) {
      return named.byName();
    }
    return adapter == null ? Map.of() : adapter.parameters();
  }

  /** Writes config.json and model.safetensors (float32) of the base weights, adapter excluded. */
  public void save(Path directory) {
    ModelBuilder.save(this, named, directory);
  }

  private void requireFrozenBase() {
    if (allWeightsTrainable) {
      throw new IllegalStateException(
          "every weight of this model trains (trainAllWeights); save it and load it to attach an adapter");
    }
  }

  private void detachAdapter() {
    if (adapter != null) {
      adapter.close();
      adapter = null;
    }
  }

  @Override
  public void close() {
    root.close();
  }
}
