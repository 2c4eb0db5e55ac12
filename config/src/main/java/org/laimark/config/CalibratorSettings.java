package org.laimark.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import java.time.Duration;

/**
 * The {@code laimark.pipeline.calibrator} block: the learnability window, K, and the adaptive
 * (sequential) stopping rule (defaults and the reason for each in {@code laimark/pipeline.conf}).
 *
 * @param samples K, the samples a fixed-K calibration draws
 * @param lo lower end of the pass-rate window, inclusive
 * @param hi upper end of the pass-rate window, inclusive
 * @param adaptive stop sampling once the decision is certain or the problem is clearly outside the
 *     window
 * @param batchSize samples requested at once; the stopping rule is checked after each batch
 * @param futilityThreshold stop and reject when the predictive probability of ending inside the
 *     window is below this (0 = stop only when it is impossible)
 * @param priorAlpha Beta prior of the pass rate used by the predictive probability
 * @param priorBeta Beta prior of the pass rate used by the predictive probability
 * @param acceptConfidence provisional acceptance: keep a problem before K samples once it has at
 *     least one pass and one failure and the posterior probability that its pass rate is inside the
 *     window reaches this (0 = keep early only when the K-sample count is certain to land inside)
 * @param timeout the longest one calibration may take, all samples and sandbox runs included
 * @param sandboxTimeout the longest one sandbox verdict may take before it counts as an
 *     infrastructure error
 */
public record CalibratorSettings(
    int samples,
    double lo,
    double hi,
    boolean adaptive,
    int batchSize,
    double futilityThreshold,
    double priorAlpha,
    double priorBeta,
    double acceptConfidence,
    Duration timeout,
    Duration sandboxTimeout) {

  static final String PREFIX = "laimark.pipeline.calibrator.";

  public CalibratorSettings {
    if (samples <= 0) {
      throw InvalidSettingException.forKey(PREFIX + "samples", "must be positive", samples);
    }
    if (!(lo >= 0 && lo <= 1)) {
      throw InvalidSettingException.forKey(PREFIX + "window.lo", "must be between 0 and 1", lo);
    }
    if (!(hi >= lo && hi <= 1)) {
      throw InvalidSettingException.forKey(
          PREFIX + "window.hi", "must be between lo (" + lo + ") and 1", hi);
    }
    if (minPasses(samples, lo) > maxPasses(samples, hi)) {
      throw InvalidSettingException.forKey(
          PREFIX + "window",
          "must contain at least one pass rate reachable with "
              + samples
              + " samples (k/"
              + samples
              + ")",
          "[" + lo + ", " + hi + "]");
    }
    if (batchSize <= 0 || batchSize > samples) {
      throw InvalidSettingException.forKey(
          PREFIX + "adaptive.batch-size",
          "must be between 1 and samples (" + samples + ")",
          batchSize);
    }
    if (!(futilityThreshold >= 0 && futilityThreshold < 1)) {
      throw InvalidSettingException.forKey(
          PREFIX + "adaptive.futility-threshold", "must be in [0, 1)", futilityThreshold);
    }
    if (!(priorAlpha > 0) || !(priorBeta > 0)) {
      throw InvalidSettingException.forKey(
          PREFIX + "adaptive.prior",
          "must have positive alpha and beta",
          "[" + priorAlpha + ", " + priorBeta + "]");
    }
    if (!(acceptConfidence == 0 || (acceptConfidence > futilityThreshold && acceptConfidence < 1))) {
      throw InvalidSettingException.forKey(
          PREFIX + "adaptive.accept-confidence",
          "must be 0 (off) or in (futility-threshold (" + futilityThreshold + "), 1)",
          acceptConfidence);
    }
    positive(PREFIX + "timeout", timeout);
    positive(PREFIX + "sandbox-timeout", sandboxTimeout);
  }

  /** Settings without provisional acceptance ({@code accept-confidence = 0}). */
  public CalibratorSettings(
      int samples,
      double lo,
      double hi,
      boolean adaptive,
      int batchSize,
      double futilityThreshold,
      double priorAlpha,
      double priorBeta,
      Duration timeout,
      Duration sandboxTimeout) {
    this(
        samples,
        lo,
        hi,
        adaptive,
        batchSize,
        futilityThreshold,
        priorAlpha,
        priorBeta,
        0,
        timeout,
        sandboxTimeout);
  }

  /** The same settings with {@code accept-confidence} replaced. */
  public CalibratorSettings withAcceptConfidence(double confidence) {
    return new CalibratorSettings(
        samples,
        lo,
        hi,
        adaptive,
        batchSize,
        futilityThreshold,
        priorAlpha,
        priorBeta,
        confidence,
        timeout,
        sandboxTimeout);
  }

  /** The same settings with sequential stopping switched on or off. */
  public CalibratorSettings withAdaptive(boolean enabled) {
    return new CalibratorSettings(
        samples,
        lo,
        hi,
        enabled,
        batchSize,
        futilityThreshold,
        priorAlpha,
        priorBeta,
        acceptConfidence,
        timeout,
        sandboxTimeout);
  }

  /**
   * The smallest pass count k with k / samples >= lo (exact in double arithmetic: k / n is rounded
   * once).
   */
  public static int minPasses(int samples, double lo) {
    int k = 0;
    while (k <= samples && (double) k / samples < lo) {
      k++;
    }
    return k;
  }

  /** The largest pass count k with k / samples <= hi. */
  public static int maxPasses(int samples, double hi) {
    int k = samples;
    while (k >= 0 && (double) k / samples > hi) {
      k--;
    }
    return k;
  }

  public static CalibratorSettings fromConfig(Config root) {
    try {
      Config c = root.getConfig("laimark.pipeline.calibrator");
      Config a = c.getConfig("adaptive");
      return new CalibratorSettings(
          c.getInt("samples"),
          c.getDouble("window.lo"),
          c.getDouble("window.hi"),
          a.getBoolean("enabled"),
          a.getInt("batch-size"),
          a.getDouble("futility-threshold"),
          a.getDouble("prior.alpha"),
          a.getDouble("prior.beta"),
          a.getDouble("accept-confidence"),
          c.getDuration("timeout"),
          c.getDuration("sandbox-timeout"));
    } catch (ConfigException e) {
      throw new InvalidSettingException(e.getMessage());
    }
  }

  static void positive(String key, Duration d) {
    if (d == null || d.isZero() || d.isNegative()) {
      throw InvalidSettingException.forKey(key, "must be a positive duration", d);
    }
  }

  static void sampling(String prefix, double temperature, double topP, int maxNewTokens) {
    if (!(temperature >= 0)) {
      throw InvalidSettingException.forKey(
          prefix + "temperature", "must be >= 0 (0 = greedy)", temperature);
    }
    if (!(topP > 0 && topP <= 1)) {
      throw InvalidSettingException.forKey(prefix + "top-p", "must be in (0, 1]", topP);
    }
    if (maxNewTokens <= 0) {
      throw InvalidSettingException.forKey(
          prefix + "max-new-tokens", "must be positive", maxNewTokens);
    }
  }

  static void placeholders(String key, String template, String... required) {
    if (template == null) {
      throw InvalidSettingException.forKey(key, "must be a string", null);
    }
    for (String placeholder : required) {
      if (!template.contains(placeholder)) {
        throw InvalidSettingException.forKey(
            key, "must contain the placeholder " + placeholder, template);
      }
    }
  }
}
