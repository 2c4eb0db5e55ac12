package org.laimark.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A staged round whose steps and learning-rate schedule do not end together is named before it trains. */
class StagedStepsTest {

  @Test
  void moreStepsThanTheScheduleNamesTheRoundsThatWillNotChangeThePolicy() {
    // Session 16's seed 45: 541 kept, 3 epochs of 8 = 204 steps against a 180-step schedule.
    String warning = new StagedSteps(541, 3, 8, 0, 180).warning().orElseThrow();

    assertTrue(warning.contains("= 204 steps"), warning);
    assertTrue(warning.contains("laimark.pipeline.run.schedule-steps = 180"), warning);
    assertTrue(warning.contains("its last 24 rounds will not change the policy (set schedule-steps to about 204)"),
        warning);
  }

  @Test
  void fewerStepsThanTheScheduleNamesTheLearningRateLeftAtTheEnd() {
    String warning = new StagedSteps(100, 2, 8, 0, 1000).warning().orElseThrow();

    assertTrue(warning.contains("= 26 steps") && warning.contains("of its peak at the last one"), warning);
    assertTrue(warning.contains("set schedule-steps to about 26"), warning);
  }

  @Test
  void aScheduleThatEndsWithTheRoundSaysNothing() {
    assertEquals(Optional.empty(), new StagedSteps(480, 3, 8, 0, 180).warning());
    assertEquals(Optional.empty(), new StagedSteps(480, 3, 8, 0, 190).warning(), "annealed below 10% of the peak");
  }

  @Test
  void aSecondStagedRoundCountsTheStepsTheFirstTook() {
    String warning = new StagedSteps(480, 3, 8, 180, 200).warning().orElseThrow();

    assertTrue(warning.contains("(after 180 taken)") && warning.contains("its last 160 rounds"), warning);
  }
}
