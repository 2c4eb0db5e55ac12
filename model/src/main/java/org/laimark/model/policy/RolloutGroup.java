package org.laimark.model.policy;

import java.util.List;

/** G completions of one prompt with their rewards: the unit GRPO normalises advantages over. */
public record RolloutGroup(List<Completion> completions, double[] rewards) {
  public RolloutGroup {
    completions = List.copyOf(completions);
    if (completions.size() != rewards.length) {
      throw new IllegalArgumentException(
          "one reward per completion: " + completions.size() + " completions, " + rewards.length + " rewards");
    }
  }
}
