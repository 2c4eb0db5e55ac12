package org.laimark.actors.pipeline.calibration;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.laimark.config.CalibratorSettings;

/**
 * Measures what adaptive K saves and what it costs in accuracy: every problem of a workload (a list
 * of true pass rates) gets one seeded sequence of K pass/fail samples plus G more for its first GRPO
 * round; fixed K decides on the K samples, the sequential rule on the prefix it asks for, in its
 * batches. Because the true pass rate is known, each side is also scored against the true window:
 * precision (share of kept problems whose true rate is in [lo, hi]) and recall (share of the truly
 * learnable problems kept). The first GRPO round continues the test for both sides alike: a kept
 * problem whose G rollouts the trainer's rule ({@link SequentialCalibration#judgeEvidence}, on the
 * rollouts alone, as after a version change) puts outside the window is retired there. Pure
 * arithmetic on the rule, so large workloads run in milliseconds; {@code laimark bench pipeline}
 * prints it beside the actor-level run.
 */
public final class CalibrationCost {

  /**
   * One rule's totals on a workload.
   *
   * @param samples calibration samples spent on all problems
   * @param kept problems kept
   * @param keptInWindow kept problems whose true pass rate is in [lo, hi]
   * @param keptSignal expected number of kept problems whose first GRPO group has mixed rewards (sum
   *     of 1 - p^G - (1 - p)^G): the learning signal the kept problems carry into training
   * @param retiredAfterFirstRound kept problems the trainer retires after their first round
   * @param survivorsInWindow kept problems not retired after the first round whose true rate is in
   *     the window
   */
  public record Side(
      long samples,
      int kept,
      int keptInWindow,
      double keptSignal,
      int retiredAfterFirstRound,
      int survivorsInWindow) {

    public double samplesPerKept() {
      return (double) samples / Math.max(1, kept);
    }

    /** Share of kept problems whose true pass rate is inside the window. */
    public double precision() {
      return (double) keptInWindow / Math.max(1, kept);
    }

    /** Share of the truly learnable problems ({@code inWindow} of them) that were kept. */
    public double recall(int inWindow) {
      return (double) keptInWindow / Math.max(1, inWindow);
    }

    /** Expected share of kept problems whose first GRPO group carries a learning signal. */
    public double signalShare() {
      return keptSignal / Math.max(1, kept);
    }

    /** Share of kept problems retired by the trainer after their first round. */
    public double retiredShare() {
      return (double) retiredAfterFirstRound / Math.max(1, kept);
    }

    /** Precision of what is still trained after the first round. */
    public double survivorPrecision() {
      return (double) survivorsInWindow / Math.max(1, kept - retiredAfterFirstRound);
    }
  }

  /** The two ways side by side on one workload. */
  public record Comparison(
      int problems,
      int inWindow,
      int groupSize,
      Side fixed,
      Side adaptive,
      int agreed,
      int clearProblems,
      int clearAgreed) {

    /**
     * Adaptive cost per kept problem over fixed cost per kept problem (the target is at most 0.6).
     */
    public double ratio() {
      return adaptive.samplesPerKept() / fixed.samplesPerKept();
    }

    public String summary() {
      return String.format(
          Locale.ROOT,
          "problems %d (%d truly in the window) | fixed K: %s | adaptive: %s | ratio %.3f |"
              + " decisions agree %.1f%% (clear cases %d/%d)",
          problems,
          inWindow,
          describe(fixed),
          describe(adaptive),
          ratio(),
          100.0 * agreed / problems,
          clearAgreed,
          clearProblems);
    }

    private String describe(Side s) {
      return String.format(
          Locale.ROOT,
          "%d samples, %d kept, %.2f samples/kept, precision %.3f, recall %.3f, G=%d signal %.3f,"
              + " retired after round 1 %.3f, precision after it %.3f",
          s.samples(),
          s.kept(),
          s.samplesPerKept(),
          s.precision(),
          s.recall(inWindow),
          groupSize,
          s.signalShare(),
          s.retiredShare(),
          s.survivorPrecision());
    }
  }

  private CalibrationCost() {}

  /**
   * A workload shaped like the study's verified problems: most are solved always (60%) or never
   * (15%) by the calibrating policy, the rest have a pass rate spread uniformly over (0, 1); fixed
   * K = 8 then keeps about 14%, in the range the study reports (22 of about 100 verified at K = 4).
   */
  public static List<Double> studyLikeWorkload(int problems, long seed) {
    Random random = new Random(seed);
    List<Double> rates = new ArrayList<>(problems);
    for (int i = 0; i < problems; i++) {
      double u = random.nextDouble();
      rates.add(u < 0.60 ? 1.0 : u < 0.75 ? 0.0 : random.nextDouble());
    }
    return rates;
  }

  /** Every pass rate uniform in [0, 1). */
  public static List<Double> uniformWorkload(int problems, long seed) {
    Random random = new Random(seed);
    List<Double> rates = new ArrayList<>(problems);
    for (int i = 0; i < problems; i++) {
      rates.add(random.nextDouble());
    }
    return rates;
  }

  /**
   * Compares fixed K with the rule configured by {@code settings} (adaptive is forced on), with
   * first GRPO rounds of {@code groupSize} rollouts.
   */
  public static Comparison compare(
      CalibratorSettings settings, int groupSize, List<Double> passRates, long seed) {
    SequentialCalibration adaptive = new SequentialCalibration(settings.withAdaptive(true));
    int k = settings.samples();
    Random random = new Random(seed);
    Tally fixedTally = new Tally();
    Tally adaptiveTally = new Tally();
    int inWindow = 0;
    int agreed = 0;
    int clear = 0;
    int clearAgreed = 0;
    for (double p : passRates) {
      boolean[] outcomes = new boolean[k];
      int total = 0;
      for (int i = 0; i < k; i++) {
        outcomes[i] = random.nextDouble() < p;
        total += outcomes[i] ? 1 : 0;
      }
      int rolloutPasses = 0;
      for (int i = 0; i < groupSize; i++) {
        rolloutPasses += random.nextDouble() < p ? 1 : 0;
      }
      boolean learnable = p >= settings.lo() && p <= settings.hi();
      inWindow += learnable ? 1 : 0;
      CalibrationDecision fixed = adaptive.decide(total, k);
      int drawn = 0;
      int passes = 0;
      CalibrationDecision decision = CalibrationDecision.CONTINUE;
      while (decision == CalibrationDecision.CONTINUE) {
        int next = adaptive.nextBatch(drawn);
        for (int i = drawn; i < drawn + next; i++) {
          passes += outcomes[i] ? 1 : 0;
        }
        drawn += next;
        decision = adaptive.decide(passes, drawn);
      }
      CalibrationDecision firstRound = adaptive.judgeEvidence(rolloutPasses, groupSize);
      boolean retired =
          firstRound == CalibrationDecision.TOO_EASY || firstRound == CalibrationDecision.TOO_HARD;
      double signal = 1 - Math.pow(p, groupSize) - Math.pow(1 - p, groupSize);
      fixedTally.add(k, fixed == CalibrationDecision.KEEP, learnable, signal, retired);
      adaptiveTally.add(drawn, decision == CalibrationDecision.KEEP, learnable, signal, retired);
      boolean same = (fixed == CalibrationDecision.KEEP) == (decision == CalibrationDecision.KEEP);
      agreed += same ? 1 : 0;
      if (p == 0 || p == 1) {
        clear++;
        clearAgreed += same ? 1 : 0;
      }
    }
    return new Comparison(
        passRates.size(),
        inWindow,
        groupSize,
        fixedTally.side(),
        adaptiveTally.side(),
        agreed,
        clear,
        clearAgreed);
  }

  private static final class Tally {
    private long samples;
    private int kept;
    private int keptInWindow;
    private double keptSignal;
    private int retired;
    private int survivorsInWindow;

    void add(int drawn, boolean keep, boolean learnable, double signal, boolean retiredAfterRound) {
      samples += drawn;
      if (!keep) {
        return;
      }
      kept++;
      keptInWindow += learnable ? 1 : 0;
      keptSignal += signal;
      retired += retiredAfterRound ? 1 : 0;
      survivorsInWindow += !retiredAfterRound && learnable ? 1 : 0;
    }

    Side side() {
      return new Side(samples, kept, keptInWindow, keptSignal, retired, survivorsInWindow);
    }
  }
}
