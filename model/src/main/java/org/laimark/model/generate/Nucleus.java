package org.laimark.model.generate;

import java.util.Arrays;
import org.laimark.model.policy.SamplingParams;

/** Top-k and top-p truncation of one row of tempered log-probs, then a draw. */
final class Nucleus {

  private Nucleus() {}

  static int draw(
      float[] logProbs, int offset, int vocab, float max, SamplingParams params, double u) {
    // Candidates, sorted by log-prob descending (index ascending on ties) via packed sortable keys.
    long[] keys = new long[vocab];
    int n = 0;
    for (int i = 0; i < vocab; i++) {
      if (logProbs[offset + i] >= max - TokenSampler.CUTOFF) {
        keys[n++] = ((long) descendingKey(logProbs[offset + i]) << 32) | i;
      }
    }
    keys = Arrays.copyOf(keys, n);
    Arrays.sort(keys);
    int[] ids = new int[n];
    double[] weights = new double[n];
    for (int j = 0; j < n; j++) {
      ids[j] = (int) (keys[j] & 0xffffffffL);
      weights[j] = Math.exp(logProbs[offset + ids[j]] - max);
    }
    int kept = n;
    if (params.topK() > 0 && params.topK() < n) {
      kept = params.topK();
      float kth = logProbs[offset + ids[kept - 1]];
      while (kept < n && logProbs[offset + ids[kept]] == kth) {
        kept++; // ties with the k-th survive, as in transformers
      }
    }
    if (params.topP() < 1) {
      kept = nucleusSize(weights, kept, params.topP());
    }
    double total = 0;
    for (int j = 0; j < kept; j++) {
      total += weights[j];
    }
    double target = u * total;
    double cumulative = 0;
    for (int j = 0; j < kept; j++) {
      cumulative += weights[j];
      if (target < cumulative) {
        return ids[j];
      }
    }
    return ids[kept - 1];
  }

  /**
   * transformers' rule: drop from the bottom while the dropped mass is at most 1 - p; keep at least
   * one.
   */
  private static int nucleusSize(double[] weights, int kept, double topP) {
    double total = 0;
    for (int j = 0; j < kept; j++) {
      total += weights[j];
    }
    double dropped = 0;
    int size = kept;
    while (size > 1) {
      double next = dropped + weights[size - 1] / total;
      if (next > 1 - topP) {
        break;
      }
      dropped = next;
      size--;
    }
    return size;
  }

  /** An int that sorts ascending as the float sorts descending. */
  private static int descendingKey(float value) {
    int bits = Float.floatToIntBits(value);
    int ascending = bits >= 0 ? bits ^ 0x80000000 : ~bits; // unsigned-ascending order of floats
    return ~ascending ^ 0x80000000; // flip to descending, then bias for signed comparison
  }
}
