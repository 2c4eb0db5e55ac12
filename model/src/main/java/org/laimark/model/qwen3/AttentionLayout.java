package org.laimark.model.qwen3;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;

/**
 * Position ids and the attention mask of one forward pass, derived from the padding mask so
 * left-padded sequences get positions 0, 1, ... from their first real token (as transformers'
 * generate does: {@code cumsum(mask) - 1}).
 *
 * @param positions (B or 1, T) int64
 * @param maskBias (B or 1, 1, T, S) float32, added to attention scores: 0 where query t may attend
 *     to key s (causal, not padding), otherwise -Float.MAX_VALUE. Finite, like transformers' mask,
 *     so a fully masked (padding) row softmaxes to uniform rather than NaN.
 */
record AttentionLayout(NDArray positions, NDArray maskBias) {

  /**
   * @param mask (B, past + T) 1 for real tokens, 0 for padding; null when nothing is padded
   */
  static AttentionLayout of(NDManager manager, NDArray mask, long batch, long t, long past) {
    long s = past + t;
    NDArray queryPositions = manager.arange(past, s, 1, DataType.INT64).reshape(t, 1); // (T, 1)
    NDArray keyPositions = manager.arange(0, s, 1, DataType.INT64).reshape(1, s); // (1, S)
    NDArray causal = keyPositions.lte(queryPositions).reshape(1, 1, t, s); // (1, 1, T, S)
    if (mask == null) {
      return new AttentionLayout(queryPositions.reshape(1, t), bias(causal));
    }
    if (mask.getShape().dimension() != 2
        || mask.getShape().get(0) != batch
        || mask.getShape().get(1) != s) {
      throw new IllegalArgumentException(
          "attention mask must be (B, cached + T) = ("
              + batch
              + ", "
              + s
              + "), got "
              + mask.getShape());
    }
    NDArray real = mask.toType(DataType.INT64, false);
    NDArray positions = real.cumSum(1).sub(1).clip(0, Long.MAX_VALUE).get(":, {}:", past); // (B, T)
    NDArray notPadding = real.eq(1).reshape(batch, 1, 1, s); // (B, 1, 1, S)
    return new AttentionLayout(positions, bias(causal.logicalAnd(notPadding))); // (B, 1, T, S)
  }

  private static NDArray bias(NDArray allowed) {
    // (allowed - 1) * MAX: 0 when allowed, -MAX when not (DJL's where cannot broadcast its
    // condition).
    return allowed.toType(DataType.FLOAT32, false).sub(1).mul(Float.MAX_VALUE);
  }
}
