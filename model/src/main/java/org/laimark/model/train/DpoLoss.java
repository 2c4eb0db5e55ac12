package org.laimark.model.train;

import ai.djl.ndarray.NDArray;

/**
 * Direct preference optimisation (Rafailov et al. 2023, arXiv 2305.18290), the study's second baseline:
 * {@code -log sigmoid(beta * ((logp(chosen) - ref(chosen)) - (logp(rejected) - ref(rejected))))}, with
 * sequence log-probs summed over completion tokens and the reference being the model with its adapter
 * disabled. Beta 0.1 is the study's (and TRL's) default.
 */
public final class DpoLoss {

  public static final double DEFAULT_BETA = 0.1;

  private final double beta;

  public DpoLoss(double beta) {
    if (beta <= 0) {
      throw new IllegalArgumentException("DPO beta must be positive, got " + beta);
    }
    this.beta = beta;
  }

  /** The loss and two numbers TRL reports: how often the chosen answer wins, and by how much. */
  public record Output(NDArray loss, double rewardAccuracy, double meanRewardMargin) {}

  /** Sums token log-probs (B, T) over the completion mask into sequence log-probs (B). */
  public static NDArray sequenceLogProbs(NDArray logProbs, NDArray completionMask) {
    return logProbs.mul(completionMask).sum(new int[] {1});
  }

  /**
   * All arguments are (P) sequence log-probs of P preference pairs; the reference ones carry no gradient.
   *
   * @param pairsInBatch pairs in the whole (accumulated) batch, so micro-batches sum to the batch mean
   */
  public Output compute(
      NDArray chosen, NDArray rejected, NDArray refChosen, NDArray refRejected, int pairsInBatch) {
    NDArray margin = chosen.sub(refChosen).sub(rejected.sub(refRejected)).mul(beta); // (P)
    // -log sigmoid(x) = softplus(-x) = max(-x, 0) + log(1 + exp(-|x|)), stable for large |x|
    NDArray perPair = margin.neg().maximum(0).add(margin.abs().neg().exp().add(1).log());
    NDArray loss = perPair.sum().div(Math.max(1, pairsInBatch));
    double wins = GrpoLoss.sumOf(margin.gt(0).toType(margin.getDataType(), false));
    long pairs = margin.size();
    return new Output(
        loss, pairs == 0 ? 0 : wins / pairs, pairs == 0 ? 0 : GrpoLoss.sumOf(margin) / beta / pairs);
  }
}
