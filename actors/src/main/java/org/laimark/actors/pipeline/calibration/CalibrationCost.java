package org.laimark.actors.pipeline.calibration;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.laimark.config.CalibratorSettings;

/**
 * Measures what adaptive K saves: every problem of a workload (a list of true pass rates) gets one
 * seeded sequence of K pass/fail samples; fixed K decides on all of them, the sequential rule on
 * the prefix it asks for, in its batches. Reports samples spent per kept problem both ways, and how
 * often the two decisions agree (overall and on clear cases: true pass rate 0 or 1). Pure
 * arithmetic on the rule, so large workloads run in milliseconds; {@code laimark bench pipeline}
 * prints it beside the actor-level run.
 */
public final class CalibrationCost {

  /** The two ways side by side on one workload. */
  public record Comparison(
      int problems,
      long fixedSamples,
      int fixedKept,
      long adaptiveSamples,
      int adaptiveKept,
      int agreed,
      int clearProblems,
      int clearAgreed) {

    public double fixedSamplesPerKept() {
      return (double) fixedSamples / Math.max(1, fixedKept);
    }

    public double adaptiveSamplesPerKept() {
      return (double) adaptiveSamples / Math.max(1, adaptiveKept);
    }

    /**
     * Adaptive cost per kept problem over fixed cost per kept problem (the target is at most 0.6).
     */
    public double ratio() {
      return adaptiveSamplesPerKept() / fixedSamplesPerKept();
    }

    public String summary() {
      return String.format(
          Locale.ROOT,
          "problems %d | fixed K: %d samples, %d kept, %.2f samples/kept | adaptive: %d samples, %d"
              + " kept, %.2f samples/kept | ratio %.3f | decisions agree %.1f%% (clear cases"
              + " %d/%d)",
          problems,
          fixedSamples,
          fixedKept,
          fixedSamplesPerKept(),
          adaptiveSamples,
          adaptiveKept,
          adaptiveSamplesPerKept(),
          ratio(),
          100.0 * agreed / problems,
          clearAgreed,
          clearProblems);
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

  /** Compares fixed K with the rule configured by {@code settings} (adaptive is forced on). */
  public static Comparison compare(CalibratorSettings settings, List<Double> passRates, long seed) {
    CalibratorSettings adaptiveSettings =
        new CalibratorSettings(
            settings.samples(),
            settings.lo(),
            settings.hi(),
            true,
            settings.batchSize(),
            settings.futilityThreshold(),
            settings.priorAlpha(),
            settings.priorBeta(),
            settings.timeout(),
            settings.sandboxTimeout());
    SequentialCalibration adaptive = new SequentialCalibration(adaptiveSettings);
    int k = settings.samples();
    Random random = new Random(seed);
    long fixedSamples = 0;
    long adaptiveSamples = 0;
    int fixedKept = 0;
    int adaptiveKept = 0;
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
      fixedSamples += k;
      adaptiveSamples += drawn;
      fixedKept += fixed == CalibrationDecision.KEEP ? 1 : 0;
      adaptiveKept += decision == CalibrationDecision.KEEP ? 1 : 0;
      boolean same = (fixed == CalibrationDecision.KEEP) == (decision == CalibrationDecision.KEEP);
      agreed += same ? 1 : 0;
      if (p == 0 || p == 1) {
        clear++;
        clearAgreed += same ? 1 : 0;
      }
    }
    return new Comparison(
        passRates.size(),
        fixedSamples,
        fixedKept,
        adaptiveSamples,
        adaptiveKept,
        agreed,
        clear,
        clearAgreed);
  }
}
