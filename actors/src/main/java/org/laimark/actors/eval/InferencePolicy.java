package org.laimark.actors.eval;

import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.laimark.model.generate.Generation;
import org.laimark.model.generate.Generator;
import org.laimark.model.generate.PromptRequest;
import org.laimark.model.policy.Completion;
import org.laimark.model.policy.ExclusiveUse;
import org.laimark.model.policy.GenerationRequest;
import org.laimark.model.policy.Policy;
import org.laimark.model.policy.RolloutGroup;
import org.laimark.model.policy.TrainingMetrics;
import org.laimark.model.qwen3.Qwen3Model;
import org.laimark.model.tokenizer.Qwen3Tokenizer;

/**
 * A frozen Qwen3 checkpoint (with an optional PEFT adapter applied) that only generates: each chat is
 * rendered through the checkpoint's own chat template and continued by model-core's {@link Generator} until
 * a stop token or the token cap. Evaluation never trains, so the training half of {@link Policy} refuses;
 * loading is lighter than the trainable policy (no optimizer, no reference copy).
 */
public final class InferencePolicy implements Policy {
  private final NDManager manager;
  private final Qwen3Model model;
  private final Qwen3Tokenizer tokenizer;
  private final Generator generator;
  private final String description;
  private final ExclusiveUse use;

  private InferencePolicy(NDManager manager, Qwen3Model model, Qwen3Tokenizer tokenizer, String description) {
    this.manager = manager;
    this.model = model;
    this.tokenizer = tokenizer;
    this.generator = new Generator(model, tokenizer);
    this.description = description;
    this.use = new ExclusiveUse(description, generator::stop);
  }

  /** Loads {@code modelDir} (config.json, safetensors, tokenizer) and, when given, the adapter in it. */
  public static InferencePolicy load(Path modelDir, Path adapterDir) {
    NDManager manager = NDManager.newBaseManager();
    try {
      Qwen3Model model = Qwen3Model.load(modelDir, manager);
      if (adapterDir != null) {
        model.loadAdapter(adapterDir);
      }
      Qwen3Tokenizer tokenizer = Qwen3Tokenizer.load(modelDir);
      return new InferencePolicy(manager, model, tokenizer,
          "qwen3 " + modelDir + (adapterDir == null ? "" : " + adapter " + adapterDir));
    } catch (RuntimeException e) {
      manager.close();
      throw e;
    }
  }

  @Override
  public String description() {
    return description;
  }

  @Override
  public boolean simulated() {
    return false;
  }

  @Override
  public long version() {
    return 0;
  }

  @Override
  public List<Completion> generate(List<GenerationRequest> requests) {
    return use.call(() -> sample(requests));
  }

  private List<Completion> sample(List<GenerationRequest> requests) {
    List<int[]> prompts = new ArrayList<>();
    List<PromptRequest> batch = new ArrayList<>();
    for (GenerationRequest r : requests) {
      int[] ids = tokenizer.encodeChat(r.messages(), true, null);
      prompts.add(ids);
      batch.add(new PromptRequest(ids, r.sampling(), tokenizer.stopTokenIds()));
    }
    List<Generation> generated = generator.generate(batch);
    List<Completion> out = new ArrayList<>();
    for (int i = 0; i < generated.size(); i++) {
      Generation g = generated.get(i);
      out.add(new Completion(prompts.get(i), g.tokenIds(), g.text(), g.logProbs(), 0));
    }
    return out;
  }

  @Override
  public TrainingMetrics train(List<RolloutGroup> groups) {
    throw new UnsupportedOperationException("an evaluation policy does not train");
  }

  @Override
  public TrainingMetrics imitate(List<RolloutGroup> groups) {
    throw new UnsupportedOperationException("an evaluation policy does not train");
  }

  @Override
  public void save(Path directory) {
    throw new UnsupportedOperationException("an evaluation policy has no training state to save");
  }

  @Override
  public void restore(Path directory) {
    throw new UnsupportedOperationException("an evaluation policy has no training state to restore");
  }

  /** Stops a running generation at its next token and waits for it before freeing the model (once). */
  @Override
  public void close() {
    use.close(() -> {
      tokenizer.close();
      model.close();
      manager.close();
    });
  }
}
