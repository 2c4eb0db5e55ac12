package org.laimark.streams;

import com.typesafe.config.Config;
import java.nio.file.Path;
import org.laimark.config.InvalidSettingException;
import org.laimark.config.ModelDirectory;
import org.laimark.config.SettingsBlock;

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
 */
public record DjlRunSettings(String modelDir, int scheduleSteps, double learningRate, String heldOutBenchmark, int heldOutTasks,
    int heldOutMaxNewTokens) {

  static final String MODEL_DIR = "laimark.pipeline.run.model-dir";

  public static DjlRunSettings fromConfig(Config config) {
    SettingsBlock run = new SettingsBlock(config, "laimark.pipeline.run");
    SettingsBlock eval = new SettingsBlock(config, "laimark.pipeline.evaluation");
    return new DjlRunSettings(run.text("model-dir"), run.positiveInt("schedule-steps"),
        run.positiveNumber("learning-rate"), eval.text("benchmark"),
        eval.nonNegativeInt("tasks"), eval.positiveInt("max-new-tokens"));
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
