package org.laimark.model.pretrain;

import java.util.Map;
import java.util.TreeMap;

/**
 * Greedy pass@1 on the held-out benchmark, overall and by difficulty (difficulty → {passed, total}).
 */
public record HeldOutScore(int passed, int total, Map<Integer, int[]> byDifficulty) {

  public HeldOutScore {
    byDifficulty = new TreeMap<>(byDifficulty);
  }

  public double passAt1() {
    return total == 0 ? Double.NaN : (double) passed / total;
  }
}
