package org.laimark.config;

import com.typesafe.config.Config;

/**
 * The {@code laimark.pipeline.evaluation} (when held-out pass@1 is measured during a run) and
 * {@code laimark.pipeline.staged} blocks.
 *
 * @param evaluateEveryRounds evaluate after every this many GRPO rounds; 0 = never during the run
 * @param evaluateAtStart evaluate the starting policy before the first round (the baseline)
 * @param evaluateAtEnd evaluate the final policy when a run stops, unless that version was evaluated
 * @param stagedProblems candidates generated per staged round (the study's ~1000)
 * @param stagedEpochs GRPO epochs over the kept problems in a staged round (the study's 2)
 * @param stagedRounds staged rounds (generate, verify, calibrate, train, evaluate) per run
 */
public record ScheduleSettings(
    int evaluateEveryRounds,
    boolean evaluateAtStart,
    boolean evaluateAtEnd,
    int stagedProblems,
    int stagedEpochs,
    int stagedRounds) {

  public static ScheduleSettings fromConfig(Config config) {
    SettingsBlock e = new SettingsBlock(config, "laimark.pipeline.evaluation");
    SettingsBlock s = new SettingsBlock(config, "laimark.pipeline.staged");
    return new ScheduleSettings(
        e.nonNegativeInt("every-rounds"),
        e.flag("at-start"),
        e.flag("at-end"),
        s.positiveInt("problems"),
        s.positiveInt("epochs"),
        s.positiveInt("rounds"));
  }
}
