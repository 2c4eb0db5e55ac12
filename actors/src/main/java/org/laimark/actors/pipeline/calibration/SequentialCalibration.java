package org.laimark.actors.pipeline.calibration;

import org.apache.commons.math3.special.Beta;
import org.laimark.config.CalibratorSettings;

/**
 * The calibration rule: keep a problem when its pass count out of K samples is inside the window
 * [ceil-ish(lo K), floor-ish(hi K)] (both ends inclusive, computed exactly as k / K against lo and
 * hi), with optional sequential stopping (adaptive K) after s passes in n < K samples:
 *
 * <ol>
 *   <li>Exact curtailment, which never changes the fixed-K decision: too easy as soon as s exceeds
 *       the window's top; too hard as soon as even K - n more passes could not reach its bottom;
 *       keep as soon as s has reached the bottom and even K - n more passes could not pass the top.
 *   <li>A Bayesian futility stop: with a Beta(alpha, beta) prior on the pass rate, the remaining K
 *       - n passes follow a beta-binomial; when the probability that the final count lands in the
 *       window is below the threshold, stop and reject on the likelier side. Threshold 0 disables
 *       it. This is the part that can disagree with fixed K, only on problems near the window's
 *       edges; the measured rate is in docs/pipeline-actors.md.
 *   <li>Provisional acceptance (accept-confidence > 0): keep once at least one pass and one failure
 *       have been seen and the posterior probability that the pass rate is inside [lo, hi] (same
 *       prior) reaches the confidence. Calibration does not end the test: every GRPO round adds its
 *       rollouts to the problem's evidence and the trainer retires it when {@link #judgeEvidence}
 *       puts it outside the window; a wrong early keep costs training slots until the rollouts
 *       expose it (docs/pipeline.md measures how many).
 * </ol>
 *
 * <p>A problem kept by curtailment has s / n inside the window (s >= lo K >= lo n and s <= hi K - (K
 * - n) <= hi n); one kept provisionally need not (1 of 2 is 0.5, inside; 1 of 6 is not). The same
 * rule judges a bank problem's evidence during training ({@link #judgeEvidence}).
 */
public final class SequentialCalibration {

  private final int samples;
  private final double lo;
  private final double hi;
  private final int minPasses;
  private final int maxPasses;
  private final boolean adaptive;
  private final int batchSize;
  private final double futilityThreshold;
  private final double alpha;
  private final double beta;
  private final double acceptConfidence;

  public SequentialCalibration(CalibratorSettings s) {
    this.samples = s.samples();
    this.lo = s.lo();
    this.hi = s.hi();
    this.minPasses = CalibratorSettings.minPasses(s.samples(), s.lo());
    this.maxPasses = CalibratorSettings.maxPasses(s.samples(), s.hi());
    this.adaptive = s.adaptive();
    this.batchSize = s.batchSize();
    this.futilityThreshold = s.futilityThreshold();
    this.alpha = s.priorAlpha();
    this.beta = s.priorBeta();
    this.acceptConfidence = s.acceptConfidence();
  }

  public int samples() {
    return samples;
  }

  public int minPasses() {
    return minPasses;
  }

  public int maxPasses() {
    return maxPasses;
  }

  /**
   * How many samples to draw next after {@code drawn}: a batch when adaptive, else all that remain.
   */
  public int nextBatch(int drawn) {
    return adaptive ? Math.min(batchSize, samples - drawn) : samples - drawn;
  }

  /** The decision after {@code passes} of {@code drawn} samples (drawn <= K). */
  public CalibrationDecision decide(int passes, int drawn) {
    if (drawn >= samples) {
      return passes < minPasses
          ? CalibrationDecision.TOO_HARD
          : passes > maxPasses ? CalibrationDecision.TOO_EASY : CalibrationDecision.KEEP;
    }
    if (!adaptive) {
      return CalibrationDecision.CONTINUE;
    }
    int remaining = samples - drawn;
    if (passes > maxPasses) {
      return CalibrationDecision.TOO_EASY;
    }
    if (passes + remaining < minPasses) {
      return CalibrationDecision.TOO_HARD;
    }
    if (passes >= minPasses && passes + remaining <= maxPasses) {
      return CalibrationDecision.KEEP;
    }
    CalibrationDecision futile = futility(passes, drawn);
    if (futile != CalibrationDecision.CONTINUE) {
      return futile;
    }
    return provisionallyLearnable(passes, drawn)
        ? CalibrationDecision.KEEP
        : CalibrationDecision.CONTINUE;
  }

  /**
   * Whether the posterior probability that the pass rate is inside [lo, hi] has reached the accept
   * confidence, after at least one pass and one failure (without both, nothing rules out a rate of
   * 0 or 1, the commonest rates of all).
   */
  private boolean provisionallyLearnable(int passes, int drawn) {
    if (acceptConfidence == 0 || passes == 0 || passes == drawn) {
      return false;
    }
    return posteriorInWindow(passes, drawn) >= acceptConfidence;
  }

  /** P(lo <= p <= hi | passes of drawn) under the Beta(alpha, beta) prior. */
  public double posteriorInWindow(int passes, int drawn) {
    double a = alpha + passes;
    double b = beta + drawn - passes;
    return Beta.regularizedBeta(hi, a, b) - Beta.regularizedBeta(lo, a, b);
  }

  private CalibrationDecision futility(int passes, int drawn) {
    if (futilityThreshold == 0) {
      return CalibrationDecision.CONTINUE;
    }
    double[] final3 =
        BetaBinomial.outcomeShares(
            samples - drawn,
            alpha + passes,
            beta + drawn - passes,
            minPasses - passes,
            maxPasses - passes);
    if (final3[1] >= futilityThreshold) {
      return CalibrationDecision.CONTINUE;
    }
    return final3[2] > final3[0] ? CalibrationDecision.TOO_EASY : CalibrationDecision.TOO_HARD;
  }

  /**
   * Whether a bank problem's evidence under one policy version ({@code passes} of {@code attempts})
   * puts it outside the window: with fewer than K attempts by the sequential rule above, with K or
   * more by the plain rate. KEEP or CONTINUE mean it stays.
   */
  public CalibrationDecision judgeEvidence(int passes, int attempts) {
    if (attempts < samples) {
      return decide(passes, attempts);
    }
    double rate = (double) passes / attempts;
    return rate < lo
        ? CalibrationDecision.TOO_HARD
        : rate > hi ? CalibrationDecision.TOO_EASY : CalibrationDecision.KEEP;
  }
}
