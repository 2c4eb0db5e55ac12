package org.laimark.actors.pipeline.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.laimark.config.CalibratorSettings;

class CalibrationCostTest {

  private static final List<Double> WORKLOAD = CalibrationCost.studyLikeWorkload(20_000, 11);
  private static final List<Double> UNIFORM = CalibrationCost.uniformWorkload(20_000, 11);
  private static final int G = 4;

  private static CalibratorSettings settings(int batch, double futility) {
    return new CalibratorSettings(
        8, 0.2, 0.8, true, batch, futility, 0.5, 0.5, Duration.ofMinutes(1), Duration.ofMinutes(1));
  }

  @Test
  void exactCurtailmentAloneSavesSamplesWithoutChangingAnyDecision() {
    CalibrationCost.Comparison c = CalibrationCost.compare(settings(1, 0), G, WORKLOAD, 3);

    assertEquals(c.problems(), c.agreed());
    assertEquals(c.fixed().kept(), c.adaptive().kept());
    assertEquals(c.fixed().keptInWindow(), c.adaptive().keptInWindow());
    assertTrue(c.adaptive().samples() < c.fixed().samples());
  }

  @Test
  void theFutilityStopAgreesOnEveryClearCaseAndCostsLessPerKeptProblem() {
    CalibrationCost.Comparison c = CalibrationCost.compare(settings(2, 0.1), G, WORKLOAD, 3);
    System.out.println("adaptive K, futility stop only: " + c.summary());

    assertEquals(c.clearProblems(), c.clearAgreed());
    assertTrue(c.ratio() < 0.7, c.summary());
  }

  /**
   * The default (provisional acceptance at 0.7): about half the samples per kept problem, a few
   * points of precision and recall against the true window, and every clear case (rate 0 or 1)
   * decided as fixed K decides it, on both mixes.
   */
  @Test
  void provisionalAcceptanceHalvesTheCostForAFewPointsOfPrecisionAndRecall() {
    for (List<Double> mix : List.of(WORKLOAD, UNIFORM)) {
      CalibrationCost.Comparison c =
          CalibrationCost.compare(settings(2, 0.1).withAcceptConfidence(0.7), G, mix, 3);
      System.out.println("adaptive K, provisional acceptance 0.7: " + c.summary());

      assertEquals(c.clearProblems(), c.clearAgreed());
      assertTrue(c.ratio() <= 0.6, c.summary());
      assertTrue(c.adaptive().precision() > c.fixed().precision() - 0.06, c.summary());
      assertTrue(
          c.adaptive().recall(c.inWindow()) > c.fixed().recall(c.inWindow()) - 0.06, c.summary());
    }
  }

  @Test
  void printsTheTradeOffAcrossThresholds() {
    for (List<Double> mix : List.of(WORKLOAD, UNIFORM)) {
      String name = mix == WORKLOAD ? "study-like" : "uniform";
      for (int batch : new int[] {1, 2}) {
        for (double futility : new double[] {0, 0.1, 0.17}) {
          for (double accept : new double[] {0, 0.6, 0.7, 0.8}) {
            CalibratorSettings s = settings(batch, futility);
            if (accept != 0 && accept <= futility) {
              continue;
            }
            CalibrationCost.Comparison c =
                CalibrationCost.compare(s.withAcceptConfidence(accept), G, mix, 3);
            System.out.println(
                name
                    + " batch "
                    + batch
                    + " futility "
                    + futility
                    + " accept "
                    + accept
                    + ": "
                    + c.summary());
            assertEquals(c.clearProblems(), c.clearAgreed());
          }
        }
      }
    }
  }
}
