package org.laimark.streams;

import com.typesafe.config.Config;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.laimark.config.InvalidSettingException;
import org.laimark.config.ModelDirectory;
import org.laimark.config.SettingsBlock;
import org.laimark.model.lora.LoraConfig;
import org.laimark.model.train.GrpoSettings;
import org.laimark.model.train.LossNormalization;

/**
 * What a run with the real model ({@code run.policy = djl}) needs beyond the stage settings: the model
 * folder, the span of the learning-rate schedule, and the held-out evaluation.
 *
 * @param modelDir "embedded" or the Hugging Face Qwen3 folder (config.json, safetensors, tokenizer.json)
 * @param scheduleSteps optimizer steps the cosine learning-rate schedule spans (it reaches 0 there)
 * @param learningRate AdamW's peak learning rate for the adapter
 * @param heldOutBenchmark humaneval, mbpp-test or a problem file (the study's JSONL)
 * @param heldOutTasks the first this many tasks of it are the held-out set; 0 = all
 * @param heldOutMaxNewTokens new-token cap of a held-out answer (greedy)
 * @param lora the adapter GRPO trains ({@code run.lora}: rank, alpha, dropout, target modules)
 * @param grpo the GRPO surrogate's knobs ({@code trainer.grpo}: clipping, KL weight, normalisation)
 */
public record DjlRunSettings(String modelDir, int scheduleSteps, double learningRate, String heldOutBenchmark, int heldOutTasks,
    int heldOutMaxNewTokens, LoraConfig lora, GrpoSettings grpo) {

  static final String MODEL_DIR = "laimark.pipeline.run.model-dir";

  /** The Qwen3 projections a LoRA target may name (by suffix), besides "all-linear". */
  public static final List<String> PROJECTIONS =
      List.of("q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj", "down_proj");

  /** The first of {@code targets} that is neither "all-linear" nor a Qwen3 projection, if any. */
  public static Optional<String> unknownLoraTarget(List<String> targets) {
    return targets.stream()
        .filter(t -> !t.equals("all-linear") && PROJECTIONS.stream().noneMatch(t::endsWith))
        .findFirst();
  }

  public static DjlRunSettings fromConfig(Config config) {
    SettingsBlock run = new SettingsBlock(config, "laimark.pipeline.run");
    SettingsBlock eval = new SettingsBlock(config, "laimark.pipeline.evaluation");
    return new DjlRunSettings(run.text("model-dir"), run.positiveInt("schedule-steps"),
        run.positiveNumber("learning-rate"), eval.text("benchmark"),
        eval.nonNegativeInt("tasks"), eval.positiveInt("max-new-tokens"), lora(run.block("lora")),
        grpo(new SettingsBlock(config, "laimark.pipeline.trainer.grpo")));
  }

  private static GrpoSettings grpo(SettingsBlock grpo) {
    double low = grpo.fractionBelowOne("epsilon-low");
    double high = grpo.nonNegativeNumber("epsilon-high");
    double beta = grpo.nonNegativeNumber("beta");
    String normalization = grpo.oneOf("normalization", List.of("grpo", "dapo", "dr-grpo"));
    GrpoSettings defaults = GrpoSettings.defaults();
    return new GrpoSettings(low, high, beta, defaults.scaleByStd(),
        LossNormalization.valueOf(normalization.toUpperCase(Locale.ROOT).replace('-', '_')),
        defaults.maxCompletionLength());
  }

  private static LoraConfig lora(SettingsBlock lora) {
    int rank = lora.positiveInt("rank");
    double alpha = lora.positiveNumber("alpha");
    double dropout = lora.fractionBelowOne("dropout");
    List<String> targets = lora.textList("target-modules");
    unknownLoraTarget(targets).ifPresent(target -> {
      throw InvalidSettingException.forKey(lora.key("target-modules"),
          "must name Qwen3 projections (" + String.join(", ", PROJECTIONS) + ") or all-linear", "'" + target + "'");
    });
    return new LoraConfig(rank, alpha, dropout, targets);
  }

  /**
   * The model folder: the embedded model for "embedded", else a path, a relative one taken against the
   * current directory.
   *
   * @throws InvalidSettingException naming the key when it is empty or not a directory
   */
  public Path modelDirectory() {
    return ModelDirectory.resolve(modelDir, MODEL_DIR);
  }
}
