package org.laimark.model.generate;

import java.util.ArrayList;
import java.util.List;
import org.laimark.model.qwen3.Qwen3Config;

/**
 * Where to cut a list of prompts into generation batches so the prefill fits in memory. The prefill of a
 * batch of B prompts padded to P tokens keeps about four float32 (B, heads, P, P) attention arrays per layer
 * (scores, masked scores, softmax, weights) until the batch's prefill ends, so its memory grows with B x P^2.
 * Measured on the embedded model (4 layers, 4 heads): 16 prompts of ~1200 tokens peaked at 9.2 GB; pipeline
 * runs met harder-variant prompts of 1700 tokens and ran out of memory in writer batches of 16. Short
 * prompts still go {@code maxBatch} at a time; a long one goes in a smaller batch, alone if need be.
 */
public final class PrefillBudget {

  /** Four float32 arrays of (heads, P, P) per layer and prompt. */
  private static final long ARRAYS_PER_LAYER = 4;

  /** 2 GiB: 16 prompts of 724 tokens on the embedded model, 2 of 1700. */
  public static final long DEFAULT_BYTES = 2L << 30;

  private final long bytesPerCell;
  private final long budgetBytes;
  private final int maxBatch;

  public PrefillBudget(Qwen3Config config, int maxBatch, long budgetBytes) {
    if (maxBatch <= 0 || budgetBytes <= 0) {
      throw new IllegalArgumentException(
          "maxBatch and budgetBytes must be positive, got " + maxBatch + " and " + budgetBytes);
    }
    this.bytesPerCell = (long) config.numHiddenLayers() * config.numAttentionHeads() * ARRAYS_PER_LAYER * Float.BYTES;
    this.budgetBytes = budgetBytes;
    this.maxBatch = maxBatch;
  }

  /** The batches' sizes, in order: consecutive prompts, at most {@code maxBatch}, each within the budget. */
  public List<Integer> batchSizes(int[] promptLengths) {
    List<Integer> sizes = new ArrayList<>();
    int size = 0;
    long longest = 0;
    for (int length : promptLengths) {
      long widest = Math.max(longest, length);
      if (size > 0 && (size == maxBatch || (size + 1) * widest * widest * bytesPerCell > budgetBytes)) {
        sizes.add(size);
        size = 0;
        widest = length;
      }
      size++;
      longest = widest;
    }
    if (size > 0) {
      sizes.add(size);
    }
    return sizes;
  }
}
