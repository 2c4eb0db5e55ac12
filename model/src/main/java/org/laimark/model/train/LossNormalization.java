package org.laimark.model.train;

import ai.djl.ndarray.NDArray;

/**
 * How the per-token GRPO losses of a batch are averaged into one number. Expressed as a weight per token, so
 * that a batch split into micro-batches (gradient accumulation) sums to exactly the loss of the whole batch:
 * {@code loss = sum(perTokenLoss * weights)} over all micro-batches.
 */
public enum LossNormalization {
  /**
   * Mean over each sequence's tokens, then mean over sequences (Shao et al. 2024, "DeepSeekMath", arXiv
   * 2402.03300). Length bias: a token of a short completion weighs more than one of a long completion, so
   * long wrong answers are penalised less per token and wrong answers drift longer.
   */
  GRPO,
  /**
   * Mean over every completion token of the whole batch (Yu et al. 2025, "DAPO", arXiv 2503.14476; TRL's
   * current default). Every token weighs the same; the remaining bias is that the weight of a token depends
   * on the other sequences' lengths in the batch.
   */
  DAPO,
  /**
   * Sum over tokens divided by a constant, sequences × maximum completion length (Liu et al. 2025,
   * "Understanding R1-Zero-Like Training", arXiv 2503.20783). Removes the length bias of {@link #GRPO}; the
   * loss scale depends on the configured maximum length rather than on the batch.
   */
  DR_GRPO;

  /**
   * Per-token weights for a micro-batch.
   *
   * @param completionMask (B, T), 1 on completion tokens, 0 elsewhere
   * @param sequencesInBatch sequences in the whole (accumulated) batch
   * @param tokensInBatch completion tokens in the whole batch
   * @param maxCompletionLength the configured maximum completion length (Dr. GRPO's constant)
   * @return (B, T) weights, same dtype as the mask
   */
  public NDArray tokenWeights(
      NDArray completionMask, int sequencesInBatch, long tokensInBatch, int maxCompletionLength) {
    switch (this) {
      case GRPO:
        // clip the length at 1 so an empty completion contributes nothing instead of 0/0
        NDArray lengths = completionMask.sum(new int[] {1}, true).maximum(1);
        return completionMask.div(lengths).div(sequencesInBatch);
      case DAPO:
        return completionMask.div(Math.max(1L, tokensInBatch));
      case DR_GRPO:
        return completionMask.div((double) sequencesInBatch * maxCompletionLength);
      default:
        throw new AssertionError(this);
    }
  }
}
