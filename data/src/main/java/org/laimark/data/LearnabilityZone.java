package org.laimark.data;

/**
 * The pass-rate window a problem was kept for (JSON {@code learnability_zone: [lo, hi]}), both ends
 * inclusive: the study keeps problems whose pass rate under the current policy lies in [0.2, 0.8].
 */
public record LearnabilityZone(double lo, double hi) {

  public LearnabilityZone {
    if (!(lo >= 0 && hi <= 1 && lo <= hi)) {
      throw new IllegalArgumentException(
          "learnability zone must satisfy 0 <= lo <= hi <= 1, got [" + lo + ", " + hi + "]");
    }
  }

  public boolean contains(double passRate) {
    return passRate >= lo && passRate <= hi;
  }
}
