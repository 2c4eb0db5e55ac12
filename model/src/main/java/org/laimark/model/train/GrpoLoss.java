package org.laimark.model.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;

/**
 * The GRPO surrogate in TRL's vocabulary, per token: {@code ratio = exp(logp - oldLogp)}, {@code clippedRatio
 * = clip(ratio, 1 - epsilonLow, 1 + epsilonHigh)}, {@code perTokenLoss = -min(ratio * A, clippedRatio * A)},
 * plus {@code beta} times the k3 estimate of KL(policy || reference) when beta > 0, summed with the weights
 * of a {@link LossNormalization}.
 *
 * <p>What we use: token-level importance ratios with asymmetric clipping (DAPO's clip-higher is a setting),
 * the optional k3 KL, three normalisations. What we leave out, and why: TRL's sequence-level ratio (GSPO) and
 * two-sided {@code delta} clipping (only matter far off-policy; our rollouts are one step old at most),
 * entropy masking and reward-model machinery (the reward is a sandbox verdict), and truncated-completion
 * masking (a cut-off program simply fails its tests and gets reward 0, which is the signal we want).
 */
public final class GrpoLoss {

  private final GrpoSettings settings;

  public GrpoLoss(GrpoSettings settings) {
    this.settings = settings;
  }

  /** The loss of one (micro-)batch and what happened in it. */
  public record Output(NDArray loss, Stats stats) {}

  /**
   * Token counts behind the step metrics; sums, so micro-batches add up.
   *
   * @param clippedTokens completion tokens whose ratio was clipped in the direction of the advantage
   * @param completionTokens completion tokens seen
   * @param klSum sum of the per-token k3 KL (0 when beta is 0 and no reference was given)
   */
  public record Stats(double clippedTokens, double completionTokens, double klSum) {
    public static final Stats NONE = new Stats(0, 0, 0);

    public Stats plus(Stats other) {
      return new Stats(
          clippedTokens + other.clippedTokens,
          completionTokens + other.completionTokens,
          klSum + other.klSum);
    }

    public double clipFraction() {
      return completionTokens == 0 ? 0 : clippedTokens / completionTokens;
    }

    public double meanKl() {
      return completionTokens == 0 ? 0 : klSum / completionTokens;
    }
  }

  /**
   * @param logProbs (B, T) log-probs of the completion tokens under the policy being trained (with gradient)
   * @param oldLogProbs (B, T) log-probs under the policy that sampled them
   * @param refLogProbs (B, T) log-probs under the reference policy, or null when beta is 0
   * @param advantages (B) one advantage per sequence
   * @param completionMask (B, T) 1 on completion tokens
   * @param tokenWeights (B, T) from {@link LossNormalization#tokenWeights}
   */
  public Output compute(
      NDArray logProbs,
      NDArray oldLogProbs,
      NDArray refLogProbs,
      NDArray advantages,
      NDArray completionMask,
      NDArray tokenWeights) {
    NDArray a = advantages.expandDims(1); // (B, 1)
    NDArray ratio = logProbs.sub(oldLogProbs).exp();
    NDArray clippedRatio = ratio.clip(1 - settings.epsilonLow(), 1 + settings.epsilonHigh());
    NDArray perTokenLoss = ratio.mul(a).minimum(clippedRatio.mul(a)).neg();
    double klSum = 0;
    if (settings.beta() > 0) {
      if (refLogProbs == null) {
        throw new IllegalArgumentException("beta > 0 needs the reference log-probs, got null");
      }
      // k3 estimator (Schulman 2020): exp(ref - logp) - (ref - logp) - 1, unbiased and never negative
      NDArray delta = refLogProbs.sub(logProbs);
      NDArray perTokenKl = delta.exp().sub(delta).sub(1);
      perTokenLoss = perTokenLoss.add(perTokenKl.mul(settings.beta()));
      klSum = sumOf(perTokenKl.mul(completionMask));
    }
    NDArray loss = perTokenLoss.mul(tokenWeights).sum();
    Stats stats =
        new Stats(clippedTokens(ratio, a, completionMask), sumOf(completionMask), klSum);
    return new Output(loss, stats);
  }

  /** TRL's clip ratio: low-clipped with a negative advantage or high-clipped with a positive one. */
  private double clippedTokens(NDArray ratio, NDArray a, NDArray completionMask) {
    NDArray low = ratio.lt(1 - settings.epsilonLow()).logicalAnd(a.lt(0));
    NDArray high = ratio.gt(1 + settings.epsilonHigh()).logicalAnd(a.gt(0));
    return sumOf(low.logicalOr(high).toType(completionMask.getDataType(), false).mul(completionMask));
  }

  static double sumOf(NDArray values) {
    return values.sum().toType(DataType.FLOAT64, false).getDouble();
  }
}
