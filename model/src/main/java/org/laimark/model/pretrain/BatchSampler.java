package org.laimark.model.pretrain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Hands out training batches: every example once per epoch, in an order reshuffled each epoch from the
 * seed, so a run is reproducible and its data order is known from its step number.
 */
public final class BatchSampler {

  private final List<TokenizedExample> examples;
  private final int batchSize;
  private final Random rng;
  private final List<Integer> order = new ArrayList<>();
  private int next;
  private int epoch;

  public BatchSampler(List<TokenizedExample> examples, int batchSize, long seed) {
    if (examples.isEmpty()) {
      throw new IllegalArgumentException("no examples to train on");
    }
    if (batchSize <= 0) {
      throw new IllegalArgumentException("batch size must be positive, got " + batchSize);
    }
    this.examples = List.copyOf(examples);
    this.batchSize = batchSize;
    this.rng = new Random(seed);
    for (int i = 0; i < examples.size(); i++) {
      order.add(i);
    }
    reshuffle();
  }

  public List<TokenizedExample> next() {
    List<TokenizedExample> batch = new ArrayList<>(batchSize);
    while (batch.size() < batchSize) {
      if (next == order.size()) {
        reshuffle();
        epoch++;
      }
      batch.add(examples.get(order.get(next++)));
    }
    return batch;
  }

  /** Completed passes over the data (0 during the first). */
  public int epoch() {
    return epoch;
  }

  private void reshuffle() {
    Collections.shuffle(order, rng);
    next = 0;
  }
}
