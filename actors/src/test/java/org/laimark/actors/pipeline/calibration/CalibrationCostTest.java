package org.laimark.actors.pipeline.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.laimark.config.CalibratorSettings;

class CalibrationCostTest {

  private static final List<Double> WORKLOAD = CalibrationCost.studyLikeWorkload(20_000, 11);

  private static CalibratorSettings settings(int batch, double futility) {
    return new CalibratorSettings(
        8, 0.2, 0.8, true, batch, futility, 0.5, 0.5, Duration.ofMinutes(1), Duration.ofMinutes(1));
  }

  @Test
  void exactCurtailmentAloneSavesSamplesWithoutChangingAnyDecision() {
    CalibrationCost.Comparison c = CalibrationCost.compare(settings(1, 0), WORKLOAD, 3);

    assertEquals(c.problems(), c.agreed());
    assertEquals(c.fixedKept(), c.adaptiveKept());
    assertTrue(c.adaptiveSamples() < c.fixedSamples());
  }

  @Test
  void theDefaultRuleAgreesOnEveryClearCaseAndCostsLessPerKeptProblem() {
    CalibrationCost.Comparison c = CalibrationCost.compare(settings(2, 0.1), WORKLOAD, 3);
    System.out.println("adaptive K, default rule: " + c.summary());

    assertEquals(c.clearProblems(), c.clearAgreed());
    assertTrue(c.ratio() < 0.7, c.summary());
  }

  @Test
  void printsTheTradeOffAcrossThresholds() {
    for (int batch : new int[] {1, 2}) {
      for (double futility : new double[] {0, 0.05, 0.1, 0.17, 0.3}) {
        CalibrationCost.Comparison c =
            CalibrationCost.compare(settings(batch, futility), WORKLOAD, 3);
        System.out.println("batch " + batch + " futility " + futility + ": " + c.summary());
        assertEquals(c.clearProblems(), c.clearAgreed());
      }
    }
  }
}
