package org.laimark.actors.sandbox;

import java.util.ArrayDeque;
import java.util.Deque;
import org.slf4j.Logger;

/**
 * Counts worker restarts and warns when more than {@code warnPerMinute} happen within a minute:
 * back-off keeps a crash loop cheap, this makes it visible. Owned by the pool actor.
 */
final class RestartMonitor {

  private static final long MINUTE_NANOS = 60_000_000_000L;

  private final int warnPerMinute;
  private final Logger log;
  private final Deque<Long> recent = new ArrayDeque<>();
  private long total;
  private long lastWarnNanos = System.nanoTime() - MINUTE_NANOS;

  RestartMonitor(int warnPerMinute, Logger log) {
    this.warnPerMinute = warnPerMinute;
    this.log = log;
  }

  void record(String reason) {
    long now = System.nanoTime();
    total++;
    recent.addLast(now);
    while (!recent.isEmpty() && now - recent.peekFirst() > MINUTE_NANOS) {
      recent.removeFirst();
    }
    log.warn("sandbox {}", reason);
    if (recent.size() > warnPerMinute && now - lastWarnNanos > MINUTE_NANOS) {
      lastWarnNanos = now;
      log.warn(
          "sandbox workers restarted {} times in the last minute; last: {}", recent.size(), reason);
    }
  }

  long total() {
    return total;
  }
}
