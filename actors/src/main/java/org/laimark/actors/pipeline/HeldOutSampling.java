package org.laimark.actors.pipeline;

import com.typesafe.config.Config;
import org.laimark.actors.eval.ModelAnswers;
import org.laimark.config.InvalidSettingException;
import org.laimark.config.SettingsBlock;
import org.laimark.model.policy.SamplingParams;

/**
 * How held-out answers are drawn: one greedy answer per task (the study's pass@1), or {@code samples}
 * answers per task at {@code temperature}, whose pass rate estimates pass@1 of the sampling policy (Chen et
 * al. 2021). Greedy answers of a ~1M-parameter model flip on small weight changes, so a 300-task greedy score
 * moves a few points under any update; the mean over several samples moves far less (docs/results.md,
 * session 12). Sample i of task t is drawn with {@code laimark eval}'s seed for (seed, t, i), so the score
 * equals {@code laimark eval --n samples --temperature T --seed seed} on the same tasks.
 */
public record HeldOutSampling(int samples, double temperature, double topP, long seed) {

  public static final String PATH = "laimark.pipeline.evaluation";

  public static final HeldOutSampling GREEDY = new HeldOutSampling(1, 0, 1, 0);

  public HeldOutSampling {
    if (samples < 1) {
      throw InvalidSettingException.forKey(PATH + ".samples", "must be at least 1", samples);
    }
    if (samples > 1 && !(temperature > 0)) {
      throw InvalidSettingException.forKey(PATH + ".temperature",
          "must be positive when samples > 1 (greedy answers are the same every time)", temperature);
    }
    if (!(topP > 0 && topP <= 1)) {
      throw InvalidSettingException.forKey(PATH + ".top-p", "must be in (0, 1]", topP);
    }
  }

  /** {@code samples}, {@code temperature}, {@code top-p} and {@code seed} of {@code laimark.pipeline.evaluation}. */
  public static HeldOutSampling fromConfig(Config root) {
    SettingsBlock e = new SettingsBlock(root, PATH);
    int samples = e.positiveInt("samples");
    return samples == 1 ? GREEDY
        : new HeldOutSampling(samples, e.nonNegativeNumber("temperature"), e.positiveNumber("top-p"), e.anyLong("seed"));
  }

  public boolean greedy() {
    return samples == 1;
  }

  /** The sampler of sample {@code index} of the task with id {@code taskId}. */
  SamplingParams params(String taskId, int index, int maxNewTokens) {
    return greedy() ? SamplingParams.greedy(maxNewTokens)
        : new SamplingParams(temperature, topP, 0, maxNewTokens, ModelAnswers.seedFor(seed, taskId, index));
  }

  /** What the score is: "pass@1" or "pass@1, 8 samples at T=0.8". */
  public String describe() {
    return greedy() ? "pass@1" : "pass@1, " + samples + " samples at T=" + temperature;
  }
}
