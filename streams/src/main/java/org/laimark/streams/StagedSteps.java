package org.laimark.streams;

import java.util.Locale;
import java.util.Optional;
import org.laimark.model.train.CosineSchedule;
import org.laimark.model.train.OptimizerSettings;

/**
 * How a staged round's training fits the learning-rate schedule. The round's step count is known only once
 * calibration has kept its problems, while {@code run.schedule-steps} is fixed when the policy is made; a
 * mismatch either spends rounds at learning rate 0 (measured: 15-33 of ~200 in session 16's runs) or ends
 * training before the rate has come down.
 *
 * @param kept problems the round trains on
 * @param epochs passes over them ({@code staged.epochs})
 * @param roundSize problems per training round, one optimizer step each ({@code stream.round-size})
 * @param stepsTaken optimizer steps the policy has already taken (its published versions)
 * @param scheduleSteps {@code run.schedule-steps}
 */
record StagedSteps(int kept, int epochs, int roundSize, long stepsTaken, int scheduleSteps) {

  /** Below this share of its peak the learning rate counts as annealed. */
  private static final double ANNEALED = 0.1;

  /** Training steps the round will take. */
  long planned() {
    return (long) epochs * ((kept + roundSize - 1) / roundSize);
  }

  /** A one-line warning when the round's steps and the schedule do not end together, else empty. */
  Optional<String> warning() {
    long planned = planned();
    if (planned == 0) {
      return Optional.empty();
    }
    long end = stepsTaken + planned;
    String steps = String.format(Locale.ROOT, "this staged round trains %d kept problems x %d epochs in rounds of %d = %d steps"
        + " (after %d taken)", kept, epochs, roundSize, planned, stepsTaken);
    if (end > scheduleSteps) {
      return Optional.of(String.format(Locale.ROOT, "%s, but laimark.pipeline.run.schedule-steps = %d brings the learning rate to 0"
          + " at step %d: its last %d rounds will not change the policy (set schedule-steps to about %d)",
          steps, scheduleSteps, scheduleSteps, end - Math.max(scheduleSteps, stepsTaken), end));
    }
    CosineSchedule schedule = OptimizerSettings.study(scheduleSteps).schedule();
    double last = schedule.learningRate(end - 1) / schedule.peakLearningRate();
    if (last > ANNEALED) {
      return Optional.of(String.format(Locale.ROOT, "%s; laimark.pipeline.run.schedule-steps = %d leaves the learning rate at %.0f%%"
          + " of its peak at the last one (set schedule-steps to about %d to anneal it)", steps, scheduleSteps,
          100 * last, end));
    }
    return Optional.empty();
  }
}
