package org.laimark.actors.pipeline;

/**
 * The published policy version minus the policy's own counter. Zero until a rollback: the policy's
 * counter went back with its weights while the published version went forward, so the two differ
 * from then on. A restore takes it from the {@code published-version} file beside the checkpoint.
 *
 * <p>Made by {@link ModelAccess#create} outside the actor, so an actor its supervisor restarts after
 * a rollback keeps it (the policy, which keeps its weights and counter across the restart, is owned
 * the same way); held in the actor's fields it would be lost and the actor would report the
 * policy's own counter, a version the journal already holds. Only the actor (one incarnation at a
 * time) touches it; volatile because an incarnation may run on another thread than the last.
 */
final class PublishedVersionOffset {

  private volatile long offset;

  /** The published number of the policy's counter {@code policyCounter}. */
  long published(long policyCounter) {
    return policyCounter + offset;
  }

  /** A rollback published the restored weights as {@code publishedBefore + 1}. */
  void rolledBack(long publishedBefore, long policyCounter) {
    offset = publishedBefore + 1 - policyCounter;
  }

  /**
   * A checkpoint was restored; {@code published} is the version it was published as (null for a
   * checkpoint written before rollbacks existed: its own counter is its published version).
   */
  void restored(Long published, long policyCounter) {
    offset = published == null ? 0 : published - policyCounter;
  }
}
