package org.laimark.model.train;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Which examples form the batch of each optimizer step: epoch after epoch, each a seeded shuffle of the
 * dataset, read in consecutive slices of {@code batchSize} (a batch may span two epochs). A pure function of
 * (dataset size, batch size, seed, step), so a resumed run needs only its step count to continue with the
 * very batches the uninterrupted run would have used.
 */
public final class BatchOrder {

  private final int size;
  private final int batchSize;
  private final long seed;
  private long cachedEpoch = -1;
  private int[] cachedPermutation;

  public BatchOrder(int size, int batchSize, long seed) {
    if (size <= 0 || batchSize <= 0) {
      throw new IllegalArgumentException(
          "need at least one example and a positive batch size, got " + size + " and " + batchSize);
    }
    this.size = size;
    this.batchSize = batchSize;
    this.seed = seed;
  }

  /** Dataset indexes of the batch of 0-based optimizer step {@code step}. */
  public List<Integer> batch(long step) {
    List<Integer> indexes = new ArrayList<>(batchSize);
    for (long i = step * batchSize; i < (step + 1) * batchSize; i++) {
      indexes.add(permutation(i / size)[(int) (i % size)]);
    }
    return indexes;
  }

  /** Optimizer steps that cover {@code epochs} passes over the data (rounded up). */
  public static int stepsFor(double epochs, int size, int batchSize) {
    return (int) Math.max(1, Math.ceil(epochs * size / batchSize));
  }

  private int[] permutation(long epoch) {
    if (epoch != cachedEpoch) {
      // Fisher-Yates from a generator seeded by (seed, epoch) alone: no state carried between epochs.
      SplittableRandom random = new SplittableRandom(seed ^ (0x9E3779B97F4A7C15L * (epoch + 1)));
      int[] order = new int[size];
      for (int i = 0; i < size; i++) {
        order[i] = i;
      }
      for (int i = size - 1; i > 0; i--) {
        int j = random.nextInt(i + 1);
        int swap = order[i];
        order[i] = order[j];
        order[j] = swap;
      }
      cachedEpoch = epoch;
      cachedPermutation = order;
    }
    return cachedPermutation;
  }
}
