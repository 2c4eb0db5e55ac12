package org.laimark.actors.pipeline.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.laimark.config.InvalidSettingException;
import org.junit.jupiter.api.Test;
import org.laimark.config.CalibratorSettings;

class SequentialCalibrationTest {

  private static SequentialCalibration rule(
      int k, double lo, double hi, boolean adaptive, double futility) {
    return new SequentialCalibration(
        new CalibratorSettings(
            k,
            lo,
            hi,
            adaptive,
            1,
            futility,
            0.5,
            0.5,
            Duration.ofMinutes(1),
            Duration.ofMinutes(1)));
  }

  /**
   * The decision after sampling the sequence (bit i = sample i passed) under the rule, and samples
   * used.
   */
  private static int[] run(SequentialCalibration rule, int bits, int k) {
    int passes = 0;
    for (int n = 1; n <= k; n++) {
      passes += (bits >> (n - 1)) & 1;
      CalibrationDecision d = rule.decide(passes, n);
      if (d != CalibrationDecision.CONTINUE) {
        return new int[] {d.ordinal(), n};
      }
    }
    throw new AssertionError("undecided after K samples");
  }

  @Test
  void bothEndsOfTheWindowAreKeptAndJustOutsideIsRejected() {
    SequentialCalibration fixed = rule(8, 0.2, 0.8, false, 0);

    assertEquals(2, fixed.minPasses());
    assertEquals(6, fixed.maxPasses());
    assertEquals(CalibrationDecision.TOO_HARD, fixed.decide(1, 8));
    assertEquals(CalibrationDecision.KEEP, fixed.decide(2, 8));
    assertEquals(CalibrationDecision.KEEP, fixed.decide(6, 8));
    assertEquals(CalibrationDecision.TOO_EASY, fixed.decide(7, 8));
  }

  @Test
  void windowEdgesThatAreExactFractionsAreInclusive() {
    SequentialCalibration fourSamples = rule(4, 0.25, 0.75, false, 0);
    SequentialCalibration fiveSamples = rule(5, 0.2, 0.6, false, 0);

    assertEquals(CalibrationDecision.KEEP, fourSamples.decide(1, 4));
    assertEquals(CalibrationDecision.KEEP, fourSamples.decide(3, 4));
    assertEquals(CalibrationDecision.TOO_EASY, fourSamples.decide(4, 4));
    assertEquals(CalibrationDecision.KEEP, fiveSamples.decide(1, 5));
    assertEquals(CalibrationDecision.KEEP, fiveSamples.decide(3, 5));
    assertEquals(CalibrationDecision.TOO_EASY, fiveSamples.decide(4, 5));
  }

  @Test
  void fixedKNeverStopsEarly() {
    assertEquals(CalibrationDecision.CONTINUE, rule(8, 0.2, 0.8, false, 0).decide(7, 7));
  }

  @Test
  void exactCurtailmentAgreesWithFixedKOnEverySequence() {
    SequentialCalibration fixed = rule(8, 0.2, 0.8, false, 0);
    SequentialCalibration exact = rule(8, 0.2, 0.8, true, 0);
    int saved = 0;

    for (int bits = 0; bits < 256; bits++) {
      int[] f = run(fixed, bits, 8);
      int[] e = run(exact, bits, 8);
      assertEquals(f[0], e[0], "sequence " + Integer.toBinaryString(bits));
      saved += f[1] - e[1];
    }

    assertTrue(saved > 0);
  }

  @Test
  void exactCurtailmentKeepsAsSoonAsTheWindowIsCertain() {
    SequentialCalibration exact = rule(8, 0.2, 0.8, true, 0);

    assertEquals(CalibrationDecision.KEEP, exact.decide(2, 4));
    assertEquals(CalibrationDecision.CONTINUE, exact.decide(3, 4));
    assertEquals(CalibrationDecision.TOO_EASY, exact.decide(7, 7));
    assertEquals(CalibrationDecision.TOO_HARD, exact.decide(0, 7));
  }

  @Test
  void theFutilityStopRejectsAfterFourUnanimousSamplesButNotThree() {
    SequentialCalibration adaptive = rule(8, 0.2, 0.8, true, 0.1);

    assertEquals(CalibrationDecision.CONTINUE, adaptive.decide(3, 3));
    assertEquals(CalibrationDecision.TOO_EASY, adaptive.decide(4, 4));
    assertEquals(CalibrationDecision.CONTINUE, adaptive.decide(0, 3));
    assertEquals(CalibrationDecision.TOO_HARD, adaptive.decide(0, 4));
  }

  @Test
  void problemsKeptEarlyHaveARateInsideTheWindow() {
    SequentialCalibration adaptive = rule(8, 0.2, 0.8, true, 0.1);

    for (int n = 1; n < 8; n++) {
      for (int s = 0; s <= n; s++) {
        if (adaptive.decide(s, n) == CalibrationDecision.KEEP) {
          double rate = (double) s / n;
          assertTrue(rate >= 0.2 && rate <= 0.8, s + "/" + n);
        }
      }
    }
  }

  @Test
  void evidenceBeyondKIsJudgedByItsRate() {
    SequentialCalibration rule = rule(8, 0.2, 0.8, true, 0.1);

    assertEquals(CalibrationDecision.KEEP, rule.judgeEvidence(9, 12));
    assertEquals(CalibrationDecision.TOO_EASY, rule.judgeEvidence(10, 12));
    assertEquals(CalibrationDecision.TOO_HARD, rule.judgeEvidence(2, 12));
    assertEquals(CalibrationDecision.TOO_EASY, rule.judgeEvidence(4, 4));
  }

  @Test
  void betaBinomialSharesSumToOne() {
    double[] s = BetaBinomial.outcomeShares(5, 1.5, 2.5, 2, 3);

    assertEquals(1.0, s[0] + s[1] + s[2], 1e-12);
  }

  private static SequentialCalibration provisional(double acceptConfidence) {
    return new SequentialCalibration(
        new CalibratorSettings(
                8, 0.2, 0.8, true, 2, 0.1, 0.5, 0.5, Duration.ofMinutes(1), Duration.ofMinutes(1))
            .withAcceptConfidence(acceptConfidence));
  }

  @Test
  void posteriorInTheWindowAfterOneOfTwoIsAboutSevenInTen() {
    SequentialCalibration rule = provisional(0.7);

    assertEquals(0.7152430201347059, rule.posteriorInWindow(1, 2), 1e-12);
    assertEquals(0.6370151825061775, rule.posteriorInWindow(1, 4), 1e-12);
    assertEquals(rule.posteriorInWindow(1, 4), rule.posteriorInWindow(3, 4), 1e-12);
  }

  @Test
  void provisionalAcceptanceKeepsAfterOnePassAndOneFailureAtSevenInTen() {
    SequentialCalibration rule = provisional(0.7);

    assertEquals(CalibrationDecision.KEEP, rule.decide(1, 2));
    assertEquals(CalibrationDecision.CONTINUE, rule.decide(1, 4));
    assertEquals(CalibrationDecision.CONTINUE, rule.decide(3, 4));
    assertEquals(CalibrationDecision.CONTINUE, rule.decide(0, 2));
    assertEquals(CalibrationDecision.CONTINUE, rule.decide(2, 2));
  }

  @Test
  void aLowerConfidenceAlsoKeepsOneOfFourAndThreeOfFour() {
    SequentialCalibration rule = provisional(0.6);

    assertEquals(CalibrationDecision.KEEP, rule.decide(1, 4));
    assertEquals(CalibrationDecision.KEEP, rule.decide(3, 4));
  }

  @Test
  void provisionalAcceptanceNeverKeepsWithoutBothAPassAndAFailure() {
    SequentialCalibration rule = provisional(0.11);

    for (int n = 1; n < 8; n++) {
      assertTrue(rule.decide(0, n) != CalibrationDecision.KEEP, "0/" + n);
      assertTrue(rule.decide(n, n) != CalibrationDecision.KEEP, n + "/" + n);
    }
  }

  @Test
  void provisionalAcceptanceLeavesTheFullKDecisionAndTheTrainersRetirementsAlone() {
    SequentialCalibration rule = provisional(0.7);
    SequentialCalibration without = rule(8, 0.2, 0.8, true, 0.1);

    for (int s = 0; s <= 8; s++) {
      assertEquals(without.decide(s, 8), rule.decide(s, 8));
    }
    for (int n = 1; n <= 12; n++) {
      for (int s = 0; s <= n; s++) {
        boolean retiredWith = retires(rule.judgeEvidence(s, n));
        assertEquals(retires(without.judgeEvidence(s, n)), retiredWith, s + "/" + n);
      }
    }
  }

  private static boolean retires(CalibrationDecision d) {
    return d == CalibrationDecision.TOO_EASY || d == CalibrationDecision.TOO_HARD;
  }

  @Test
  void anAcceptConfidenceNotAboveTheFutilityThresholdIsRefusedNamingTheKey() {
    CalibratorSettings base =
        new CalibratorSettings(
            8, 0.2, 0.8, true, 2, 0.1, 0.5, 0.5, Duration.ofMinutes(1), Duration.ofMinutes(1));

    for (double bad : new double[] {0.05, 0.1, 1.0, -0.2, Double.NaN}) {
      InvalidSettingException e =
          assertThrows(InvalidSettingException.class, () -> base.withAcceptConfidence(bad));
      assertTrue(
          e.getMessage().startsWith("laimark.pipeline.calibrator.adaptive.accept-confidence: "),
          e.getMessage());
    }
    assertEquals(0, base.withAcceptConfidence(0).acceptConfidence());
  }
}
