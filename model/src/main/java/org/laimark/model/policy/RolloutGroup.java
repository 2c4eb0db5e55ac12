package org.laimark.model.policy;

import java.util.List;

/**
 * G completions of one prompt with their rewards: the unit GRPO normalises advantages over.
 *
 * @param demonstration a verified answer to the same prompt that the policy adds to the group as one more
 *     member rewarded 1 before the step (its tokens and the current weights' log-probs of them: off-policy
 *     guidance, as in LUFFY), or null. The trainer attaches one only to a group in which no rollout passed,
 *     when {@code laimark.pipeline.trainer.demonstrate-unsolved} asks for it.
 */
public record RolloutGroup(List<Completion> completions, double[] rewards, String demonstration) {
  public RolloutGroup {
    completions = List.copyOf(completions);
    if (completions.size() != rewards.length) {
      throw new IllegalArgumentException(
          "one reward per completion: " + completions.size() + " completions, " + rewards.length + " rewards");
    }
    if (demonstration != null && (demonstration.isBlank() || completions.isEmpty())) {
      throw new IllegalArgumentException(
          "a demonstration needs a non-blank answer and at least one rollout whose prompt it answers");
    }
  }

  /** A group of sampled rollouts only. */
  public RolloutGroup(List<Completion> completions, double[] rewards) {
    this(completions, rewards, null);
  }

  public RolloutGroup withDemonstration(String answer) {
    return new RolloutGroup(completions, rewards, answer);
  }
}
