package org.laimark.actors.sandbox;

/**
 * What the pool tells an optional observer (metrics, tests): workers coming and going, jobs
 * retried. Observing is optional and never affects the pool.
 */
public sealed interface PoolEvent {

  /**
   * Worker {@code index} answered its first ping; {@code serverPid} is its Python server (host
   * pid).
   */
  record WorkerStarted(int index, long serverPid, long atNanos) implements PoolEvent {}

  /** Worker {@code index} died or hung and will be restarted with back-off. */
  record WorkerLost(int index, String reason, boolean blamedOnJob) implements PoolEvent {}

  /** A job whose worker died is queued again (at most once if it was to blame). */
  record JobRetried(long ticket, String jobId) implements PoolEvent {}
}
