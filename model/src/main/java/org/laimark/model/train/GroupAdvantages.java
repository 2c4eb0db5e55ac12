package org.laimark.model.train;

import java.util.List;

/**
 * Group-relative advantages: each completion's reward minus its group's mean, divided by the group's
 * standard deviation (unbiased, as {@code torch.std}) plus {@link #EPSILON} unless {@code scaleByStd} is off
 * (Dr. GRPO leaves the scale out because dividing by the std up-weights groups that are nearly all right or
 * all wrong). A group whose rewards are all equal gets zero advantages: it carries no learning signal, and
 * {@link #nonDegenerateGroupFraction} counts the groups that do.
 *
 * @param advantages one per completion, groups concatenated in order
 */
public record GroupAdvantages(
    double[] advantages, double meanReward, double nonDegenerateGroupFraction) {

  /** TRL's epsilon in the denominator. */
  public static final double EPSILON = 1e-4;

  public static GroupAdvantages of(List<double[]> groupRewards, boolean scaleByStd) {
    int total = groupRewards.stream().mapToInt(r -> r.length).sum();
    double[] advantages = new double[total];
    double rewardSum = 0;
    int nonDegenerate = 0;
    int offset = 0;
    for (double[] rewards : groupRewards) {
      int g = rewards.length;
      double mean = 0;
      for (double r : rewards) {
        mean += r / g;
      }
      double squares = 0;
      boolean allEqual = true;
      for (double r : rewards) {
        squares += (r - mean) * (r - mean);
        allEqual &= r == rewards[0];
      }
      double std = g > 1 ? Math.sqrt(squares / (g - 1)) : 0;
      for (int i = 0; i < g; i++) {
        double centred = allEqual ? 0 : rewards[i] - mean;
        advantages[offset + i] = scaleByStd ? centred / (std + EPSILON) : centred;
        rewardSum += rewards[i];
      }
      nonDegenerate += allEqual ? 0 : 1;
      offset += g;
    }
    int groups = groupRewards.size();
    return new GroupAdvantages(
        advantages,
        total == 0 ? 0 : rewardSum / total,
        groups == 0 ? 0 : (double) nonDegenerate / groups);
  }
}
