package org.laimark.model.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.norm.Dropout;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.laimark.model.policy.Completion;

/**
 * A TOY test model (not a transformer): bigram logits {@code E[x] W + dropout(E[x]) A B} with a frozen
 * embedding E and head W and a LoRA pair A, B. It lets the trainer be tested without the Qwen3 decoder:
 * gradients, dropout seeding, checkpoints. Also samples completions with their log-probs, in Java.
 */
final class BigramLoraLm implements TrainableLm {

  final NDArray embedding;
  final NDArray head;
  private final Map<String, NDArray> lora = new LinkedHashMap<>();
  private final NDManager manager;
  private final float dropout;
  private boolean adapterEnabled = true;
  private boolean training;

  /** Base weights from {@code baseSeed}; adapter from {@code adapterSeed}; dropout probability as given. */
  BigramLoraLm(int vocab, int hidden, int rank, long baseSeed, long adapterSeed, float dropoutProbability, NDManager parent) {
    manager = parent.newSubManager();
    dropout = dropoutProbability;
    Random random = new Random(baseSeed);
    embedding = gaussian(new Shape(vocab, hidden), 1.0, random);
    head = gaussian(new Shape(hidden, vocab), 0.3, random);
    random = new Random(adapterSeed);
    lora.put("lora_A", gaussian(new Shape(hidden, rank), 0.3, random));
    lora.put("lora_B", gaussian(new Shape(rank, vocab), 0.05, random));
    lora.values().forEach(p -> p.setRequiresGradient(true));
  }

  private NDArray gaussian(Shape shape, double std, Random random) {
    float[] values = new float[(int) shape.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = (float) (random.nextGaussian() * std);
    }
    return manager.create(values, shape);
  }

  @Override
  public NDArray logits(NDArray inputIds, NDArray attentionMask) {
    NDArray x = embedding.get(new NDIndex("{}", inputIds)); // (B, T, C)
    NDArray logits = x.matMul(head);
    if (!adapterEnabled) {
      return logits;
    }
    NDArray dropped = Dropout.dropout(x, dropout, training).singletonOrThrow();
    return logits.add(dropped.matMul(lora.get("lora_A")).matMul(lora.get("lora_B")));
  }

  @Override
  public Map<String, NDArray> trainableParameters() {
    return lora;
  }

  @Override
  public void setAdapterEnabled(boolean enabled) {
    adapterEnabled = enabled;
  }

  @Override
  public void setTraining(boolean training) {
    this.training = training;
  }

  @Override
  public void saveAdapter(Path directory) {
    try {
      Files.createDirectories(directory);
      NDList list = new NDList();
      lora.forEach((name, p) -> {
        NDArray copy = p.duplicate();
        copy.setName(name);
        list.add(copy);
      });
      try (OutputStream out = Files.newOutputStream(directory.resolve("adapter.ndlist"))) {
        list.encode(out);
      }
      list.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void loadAdapter(Path directory) {
    try (InputStream in = Files.newInputStream(directory.resolve("adapter.ndlist"));
        NDManager scratch = manager.newSubManager()) {
      for (NDArray saved : NDList.decode(scratch, in)) {
        saved.copyTo(lora.get(saved.getName()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Samples {@code length} tokens after {@code prompt} at temperature 1, recording their log-probs. */
  Completion sample(int[] prompt, int length, Random random) {
    int[] sequence = java.util.Arrays.copyOf(prompt, prompt.length + length);
    float[] logProbs = new float[length];
    try (NDManager scratch = manager.newSubManager()) {
      for (int j = 0; j < length; j++) {
        int last = sequence[prompt.length + j - 1];
        NDArray ids = scratch.create(new long[] {last}, new Shape(1, 1));
        float[] lp = logits(ids, null).logSoftmax(-1).toFloatArray();
        double u = random.nextDouble();
        int token = lp.length - 1;
        double cumulative = 0;
        for (int v = 0; v < lp.length; v++) {
          cumulative += Math.exp(lp[v]);
          if (u < cumulative) {
            token = v;
            break;
          }
        }
        sequence[prompt.length + j] = token;
        logProbs[j] = lp[token];
      }
    }
    int[] completion = java.util.Arrays.copyOfRange(sequence, prompt.length, sequence.length);
    return new Completion(prompt, completion, "", logProbs, 0);
  }
}
