package org.laimark.actors.verify;

import java.util.EnumMap;
import java.util.Map;

/**
 * Counts of problems per status, and sandbox runs, for the summary line of {@code laimark verify}.
 */
public final class VerificationSummary {
  private final Map<VerificationStatus, Integer> counts = new EnumMap<>(VerificationStatus.class);
  private long runs;

  public synchronized void add(VerificationStatus status, int runsSpent) {
    counts.merge(status, 1, Integer::sum);
    runs += runsSpent;
  }

  public synchronized int count(VerificationStatus status) {
    return counts.getOrDefault(status, 0);
  }

  public synchronized int total() {
    return counts.values().stream().mapToInt(Integer::intValue).sum();
  }

  public synchronized long runs() {
    return runs;
  }

  /**
   * e.g. {@code 22 problems: 20 verified, 1 nondeterministic, 1 reference_failed (1380 sandbox
   * runs)}.
   */
  public synchronized String format() {
    StringBuilder line = new StringBuilder().append(total()).append(" problems:");
    String sep = " ";
    for (VerificationStatus status : VerificationStatus.values()) {
      if (counts.containsKey(status)) {
        line.append(sep).append(counts.get(status)).append(' ').append(status.wireName());
        sep = ", ";
      }
    }
    return line.append(" (").append(runs).append(" sandbox runs)").toString();
  }
}
