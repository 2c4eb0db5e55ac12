package org.laimark.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The {@code laimark.eval} block (defaults and the reason for each in {@code laimark/eval.conf}).
 *
 * @param mode how answers are read: {@code auto}, {@code full-function} or {@code body}
 * @param timeLimitFloor lower bound on a sample's CPU limit
 * @param timeLimitFactor multiple of the reference solution's CPU time a sample may use
 * @param referenceMeasurement CPU granted to a reference solution while it is measured
 * @param referenceFailedLimit limit for tasks whose reference fails
 * @param seedCompatLimit the original harness's fixed limit, used with {@code --compat seed}
 * @param parallelism sandbox jobs in flight at once
 * @param jobDeadline a reply later than this is an infrastructure error (the sample is retried on resume)
 * @param k default pass@k values
 * @param generation sampling defaults for {@code --model}
 * @param prompt the prompt templates for {@code --model}
 * @param contamination the contamination guard's measure
 */
public record EvalSettings(
    String mode,
    Duration timeLimitFloor,
    double timeLimitFactor,
    Duration referenceMeasurement,
    Duration referenceFailedLimit,
    Duration seedCompatLimit,
    int parallelism,
    Duration jobDeadline,
    List<Integer> k,
    Generation generation,
    Prompt prompt,
    Contamination contamination) {

  private static final List<String> MODES = List.of("auto", "full-function", "body");

  public EvalSettings {
    if (!MODES.contains(mode)) {
      throw InvalidSettingException.forKey("laimark.eval.mode", "must be one of " + MODES, mode);
    }
    positive("laimark.eval.time-limit.floor", timeLimitFloor);
    if (!(timeLimitFactor >= 1)) {
      throw InvalidSettingException.forKey(
          "laimark.eval.time-limit.factor", "must be at least 1 (a sample gets at least the reference's time)",
          timeLimitFactor);
    }
    positive("laimark.eval.time-limit.reference-measurement", referenceMeasurement);
    positive("laimark.eval.time-limit.reference-failed", referenceFailedLimit);
    positive("laimark.eval.time-limit.seed-compat", seedCompatLimit);
    if (parallelism <= 0) {
      throw InvalidSettingException.forKey("laimark.eval.parallelism", "must be positive", parallelism);
    }
    positive("laimark.eval.job-deadline", jobDeadline);
    k = List.copyOf(k);
    if (k.isEmpty() || k.stream().anyMatch(v -> v <= 0)) {
      throw InvalidSettingException.forKey("laimark.eval.k", "must be a non-empty list of positive integers", k);
    }
  }

  /**
   * Sampling defaults for model evaluation.
   *
   * @param temperature temperature when n > 1 and none is given (n = 1 is greedy)
   * @param topP nucleus mass for sampled decoding
   * @param topK top-k cut for sampled decoding, 0 = off
   * @param maxNewTokens new-token cap per answer
   * @param seed base seed; per-sample seeds derive from it
   * @param batchSize requests handed to the policy at once
   */
  public record Generation(
      double temperature, double topP, int topK, int maxNewTokens, long seed, int batchSize) {
    public Generation {
      if (!(temperature > 0)) {
        throw InvalidSettingException.forKey(
            "laimark.eval.generation.temperature", "must be positive (it is the sampled-decoding default)",
            temperature);
      }
      if (!(topP > 0 && topP <= 1)) {
        throw InvalidSettingException.forKey("laimark.eval.generation.top-p", "must be in (0, 1]", topP);
      }
      if (topK < 0) {
        throw InvalidSettingException.forKey("laimark.eval.generation.top-k", "must be 0 (off) or positive", topK);
      }
      if (maxNewTokens <= 0) {
        throw InvalidSettingException.forKey(
            "laimark.eval.generation.max-new-tokens", "must be positive", maxNewTokens);
      }
      if (batchSize <= 0) {
        throw InvalidSettingException.forKey("laimark.eval.generation.batch-size", "must be positive", batchSize);
      }
    }
  }

  /**
   * Prompt templates.
   *
   * @param system the system prompt
   * @param user the user message, containing {@code {stub}}
   * @param mbppTests appended for MBPP tasks, containing {@code {tests}}
   */
  public record Prompt(String system, String user, String mbppTests) {
    public Prompt {
      if (user == null || !user.contains("{stub}")) {
        throw InvalidSettingException.forKey(
            "laimark.eval.prompt.user", "must contain the placeholder {stub}", user);
      }
      if (mbppTests == null || !mbppTests.contains("{tests}")) {
        throw InvalidSettingException.forKey(
            "laimark.eval.prompt.mbpp-tests", "must contain the placeholder {tests}", mbppTests);
      }
      system = system == null ? "" : system;
    }
  }

  /**
   * The contamination guard's measure.
   *
   * @param ngram word n-gram length
   * @param threshold a score above this is flagged...
   * @param minEvidence ...when the shared IDF mass is at least this
   * @param against benchmark names checked by default
   */
  public record Contamination(int ngram, double threshold, double minEvidence, List<String> against) {
    public Contamination {
      if (ngram <= 0) {
        throw InvalidSettingException.forKey("laimark.eval.contamination.ngram", "must be positive", ngram);
      }
      if (!(threshold > 0 && threshold < 1)) {
        throw InvalidSettingException.forKey(
            "laimark.eval.contamination.threshold", "must be between 0 and 1 (exclusive)", threshold);
      }
      if (!(minEvidence >= 0)) {
        throw InvalidSettingException.forKey(
            "laimark.eval.contamination.min-evidence", "must be >= 0", minEvidence);
      }
      against = List.copyOf(against);
      if (against.isEmpty()) {
        throw InvalidSettingException.forKey(
            "laimark.eval.contamination.against", "must name at least one benchmark", against);
      }
    }
  }

  /** Reads {@code laimark.eval} from a resolved configuration. */
  public static EvalSettings fromConfig(Config root) {
    try {
      Config c = root.getConfig("laimark.eval");
      Config g = c.getConfig("generation");
      Config p = c.getConfig("prompt");
      Config t = c.getConfig("time-limit");
      Config x = c.getConfig("contamination");
      return new EvalSettings(
          c.getString("mode").toLowerCase(Locale.ROOT),
          t.getDuration("floor"),
          t.getDouble("factor"),
          t.getDuration("reference-measurement"),
          t.getDuration("reference-failed"),
          t.getDuration("seed-compat"),
          c.getInt("parallelism"),
          c.getDuration("job-deadline"),
          c.getIntList("k"),
          new Generation(
              g.getDouble("temperature"),
              g.getDouble("top-p"),
              g.getInt("top-k"),
              g.getInt("max-new-tokens"),
              g.getLong("seed"),
              g.getInt("batch-size")),
          new Prompt(p.getString("system"), p.getString("user"), p.getString("mbpp-tests")),
          new Contamination(x.getInt("ngram"), x.getDouble("threshold"), x.getDouble("min-evidence"),
              x.getStringList("against")));
    } catch (ConfigException e) {
      throw new InvalidSettingException(e.getMessage());
    }
  }

  private static void positive(String key, Duration d) {
    if (d == null || d.isZero() || d.isNegative()) {
      throw InvalidSettingException.forKey(key, "must be a positive duration", d);
    }
  }
}
