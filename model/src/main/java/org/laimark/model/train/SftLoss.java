package org.laimark.model.train;

import ai.djl.ndarray.NDArray;

/**
 * Supervised fine-tuning, the study's first baseline: cross-entropy on the completion tokens only (prompt
 * tokens are context, not targets), averaged over every completion token of the (accumulated) batch.
 */
public final class SftLoss {

  private SftLoss() {}

  /**
   * @param logProbs (B, T) log-probs of the target tokens
   * @param completionMask (B, T) 1 on completion tokens
   * @param tokensInBatch completion tokens in the whole batch, so micro-batches sum to the batch mean
   */
  public static NDArray compute(NDArray logProbs, NDArray completionMask, long tokensInBatch) {
    return logProbs.mul(completionMask).sum().neg().div(Math.max(1L, tokensInBatch));
  }
}
