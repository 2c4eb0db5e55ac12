package org.laimark.model.train;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.util.ArrayList;
import java.util.List;
import org.laimark.model.policy.Completion;
import org.laimark.model.policy.RolloutGroup;
import org.laimark.model.tokenizer.Qwen3Tokenizer;

/**
 * Turns a group's demonstration (a verified answer, {@link RolloutGroup#demonstration()}) into one more
 * member of the group, rewarded 1: its tokens with the end-of-sequence token, as SFT trains an answer, and
 * as "sampling" log-probs the current weights' own (eval mode, no graph), so GRPO's importance ratio
 * starts at 1 for it as for a sampled rollout. A group of G failures then has an advantage to learn from:
 * positive on the demonstration, negative on the failures.
 */
public final class DemonstrationMembers {

  private DemonstrationMembers() {}

  /** {@code groups} with every demonstration made a member; groups without one are returned as they are. */
  public static List<RolloutGroup> added(
      List<RolloutGroup> groups,
      TrainableLm model,
      Qwen3Tokenizer tokenizer,
      long padId,
      double temperature,
      NDManager manager) {
    List<RolloutGroup> out = new ArrayList<>(groups.size());
    for (RolloutGroup group : groups) {
      if (group.demonstration() == null) {
        out.add(group);
        continue;
      }
      Completion first = group.completions().get(0);
      int[] ids = SupervisedExamples.withStop(tokenizer, group.demonstration());
      float[] logProbs = currentLogProbs(model, first.promptIds(), ids, padId, temperature, manager);
      List<Completion> members = new ArrayList<>(group.completions());
      members.add(new Completion(first.promptIds(), ids, group.demonstration(), logProbs, first.policyVersion()));
      double[] rewards = java.util.Arrays.copyOf(group.rewards(), group.rewards().length + 1);
      rewards[rewards.length - 1] = 1.0;
      out.add(new RolloutGroup(members, rewards));
    }
    return out;
  }

  /** log softmax(logits / T) of each answer token after the prompt, with no gradient recorded. */
  public static float[] currentLogProbs(
      TrainableLm model, int[] prompt, int[] answer, long padId, double temperature, NDManager manager) {
    Completion draft = new Completion(prompt, answer, "", new float[answer.length], 0);
    try (NDManager scoring = manager.newSubManager()) {
      PackedBatch batch = PackedBatch.of(List.of(draft), padId, scoring);
      // One sequence: scoring starts at the prompt's last position, so the (1, S) row is the answer's.
      return batch.logProbsWithoutGraph(model, temperature).toType(DataType.FLOAT32, false).toFloatArray();
    }
  }
}
