package org.laimark.actors.sandbox;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Splits of test texts, least recently used evicted first. Owned by the pool actor alone, so it
 * needs no locking. The same tests are judged many times (K calibration samples, G rollouts, the
 * verifier's trivial solutions), so most jobs skip the split request.
 */
final class SplitCache {

  private final Map<String, TestSplit> entries;

  SplitCache(int capacity) {
    this.entries =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, TestSplit> eldest) {
            return size() > capacity;
          }
        };
  }

  /** The cached split, or null. */
  TestSplit get(String tests) {
    return entries.get(tests);
  }

  void put(String tests, TestSplit split) {
    entries.put(tests, split);
  }

  int size() {
    return entries.size();
  }
}
