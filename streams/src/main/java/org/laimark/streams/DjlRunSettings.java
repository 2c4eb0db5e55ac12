package org.laimark.streams;

import com.typesafe.config.Config;
import java.nio.file.Files;
import java.nio.file.Path;
import org.laimark.config.InvalidSettingException;
import org.laimark.config.SettingsBlock;

/**
 * What a run with the real model ({@code run.policy = djl}) needs beyond the stage settings: the model
 * folder, the span of the learning-rate schedule, and the size of the held-out evaluation.
 *
 * @param modelDir the Hugging Face Qwen3 folder (config.json, safetensors, tokenizer.json), as configured
 * @param scheduleSteps optimizer steps the cosine learning-rate schedule spans (it reaches 0 there)
 * @param heldOutTasks the first this many HumanEval tasks are the held-out set; 0 = all 164
 * @param heldOutMaxNewTokens new-token cap of a held-out answer (greedy)
 */
public record DjlRunSettings(String modelDir, int scheduleSteps, int heldOutTasks, int heldOutMaxNewTokens) {

  static final String MODEL_DIR = "laimark.pipeline.run.model-dir";

  public static DjlRunSettings fromConfig(Config config) {
    SettingsBlock run = new SettingsBlock(config, "laimark.pipeline.run");
    SettingsBlock eval = new SettingsBlock(config, "laimark.pipeline.evaluation");
    return new DjlRunSettings(run.text("model-dir"), run.positiveInt("schedule-steps"),
        eval.nonNegativeInt("tasks"), eval.positiveInt("max-new-tokens"));
  }

  /**
   * The model folder, a relative path taken against the current directory.
   *
   * @throws InvalidSettingException naming the key when it is empty or not a directory
   */
  public Path modelDirectory() {
    if (modelDir.isBlank()) {
      throw new InvalidSettingException(MODEL_DIR + ": empty; run.policy = djl needs a Hugging Face Qwen3"
          + " folder (config.json, model safetensors, tokenizer.json)");
    }
    Path dir = Path.of(modelDir).toAbsolutePath().normalize();
    if (!Files.isDirectory(dir)) {
      throw new InvalidSettingException(MODEL_DIR + ": '" + modelDir + "' is not a directory (resolved to "
          + dir + "); expected a Hugging Face Qwen3 folder");
    }
    return dir;
  }
}
