package org.laimark.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import java.time.Duration;

/**
 * The {@code laimark.pipeline.trainer} block: GRPO group size, the trainer's waits, and when an
 * evaluation regression asks for a rollback (defaults and reasons in {@code
 * laimark/pipeline.conf}).
 *
 * @param groupSize G, rollouts per problem in a GRPO group
 * @param sampleTimeout the longest a round's rollouts may take to be sampled
 * @param trainTimeout the longest one training step may take (queueing included)
 * @param sandboxTimeout the longest one rollout's verdict may take before it is an infrastructure
 *     error
 * @param rollbackRegression a held-out pass@1 this far below the best version's signals a rollback
 *     (1 disables rollback)
 * @param demonstrateUnsolved whether a group in which no rollout passed gets the problem's verified
 *     reference answer as one more member, rewarded 1 (induction problems with a reference only)
 * @param update what a round's step learns: GRPO from the rewarded rollouts, or supervised from the
 *     round's verified reference answers
 */
public record TrainerSettings(
    int groupSize,
    Duration sampleTimeout,
    Duration trainTimeout,
    Duration sandboxTimeout,
    double rollbackRegression,
    boolean demonstrateUnsolved,
    Update update) {

  /** What a training round's one optimizer step learns from. */
  public enum Update {
    /** The study's: GRPO on the G rewarded rollouts of each problem. */
    GRPO,
    /**
     * Cross-entropy on each induction problem's verified reference answer (what follows the stub); the G
     * rollouts are still sampled and graded, as each problem's pass-rate evidence.
     */
    SUPERVISED;

    static Update parse(String value) {
      return switch (value) {
        case "grpo" -> GRPO;
        case "supervised" -> SUPERVISED;
        default -> throw InvalidSettingException.forKey(
            PREFIX + "update", "must be grpo or supervised", value);
      };
    }
  }

  static final String PREFIX = "laimark.pipeline.trainer.";

  public TrainerSettings {
    if (groupSize < 2) {
      throw InvalidSettingException.forKey(
          PREFIX + "group-size",
          "must be at least 2 (GRPO compares rollouts within a group)",
          groupSize);
    }
    CalibratorSettings.positive(PREFIX + "sample-timeout", sampleTimeout);
    CalibratorSettings.positive(PREFIX + "train-timeout", trainTimeout);
    CalibratorSettings.positive(PREFIX + "sandbox-timeout", sandboxTimeout);
    if (!(rollbackRegression > 0 && rollbackRegression <= 1)) {
      throw InvalidSettingException.forKey(
          PREFIX + "rollback-regression",
          "must be in (0, 1] (1 disables rollback)",
          rollbackRegression);
    }
    if (update == null) {
      throw InvalidSettingException.forKey(PREFIX + "update", "must be grpo or supervised", "nothing");
    }
  }

  public static TrainerSettings fromConfig(Config root) {
    try {
      Config c = root.getConfig("laimark.pipeline.trainer");
      return new TrainerSettings(
          c.getInt("group-size"),
          c.getDuration("sample-timeout"),
          c.getDuration("train-timeout"),
          c.getDuration("sandbox-timeout"),
          c.getDouble("rollback-regression"),
          c.getBoolean("demonstrate-unsolved"),
          Update.parse(c.getString("update")));
    } catch (ConfigException e) {
      throw new InvalidSettingException(e.getMessage());
    }
  }
}
