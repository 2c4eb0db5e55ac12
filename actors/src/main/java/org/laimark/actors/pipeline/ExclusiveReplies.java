package org.laimark.actors.pipeline;

import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.laimark.model.policy.Policy;
import org.laimark.model.policy.TrainingMetrics;
import org.slf4j.Logger;

/**
 * The model-access actor's exclusive jobs (train, save, restore): the blocking call each makes, and
 * the reply each gets. Kept apart so the actor reads as its protocol and its scheduling.
 */
final class ExclusiveReplies {

  private ExclusiveReplies() {}

  static Supplier<Object> call(ModelAccess.Command job, Policy policy) {
    if (job instanceof ModelAccess.Train) {
      return () -> policy.train(((ModelAccess.Train) job).groups());
    }
    if (job instanceof ModelAccess.SaveCheckpoint) {
      return () -> {
        policy.save(((ModelAccess.SaveCheckpoint) job).directory());
        return Boolean.TRUE;
      };
    }
    if (job instanceof ModelAccess.RestoreCheckpoint) {
      return () -> {
        policy.restore(((ModelAccess.RestoreCheckpoint) job).directory());
        return Boolean.TRUE;
      };
    }
    throw new IllegalArgumentException("not an exclusive job: " + job);
  }

  /** The failure inside a CompletionException, which says what happened. */
  static Throwable cause(Throwable error) {
    return error instanceof CompletionException && error.getCause() != null
        ? error.getCause()
        : error;
  }

  static void reply(
      ModelAccess.Command job, Object result, Throwable error, long version, Logger log) {
    if (error != null) {
      log.warn(
          "policy call {} failed: {}", job.getClass().getSimpleName(), cause(error).toString());
    }
    String reason = error == null ? "" : String.valueOf(cause(error));
    if (job instanceof ModelAccess.Train) {
      ModelAccess.Train t = (ModelAccess.Train) job;
      t.replyTo()
          .tell(
              error == null
                  ? new ModelAccess.Trained((TrainingMetrics) result, version)
                  : new ModelAccess.TrainingFailed("training step failed: " + reason));
    } else if (job instanceof ModelAccess.SaveCheckpoint) {
      ModelAccess.SaveCheckpoint s = (ModelAccess.SaveCheckpoint) job;
      s.replyTo()
          .tell(
              error == null
                  ? new ModelAccess.CheckpointSaved(s.directory(), version)
                  : new ModelAccess.CheckpointFailed(s.directory(), "saving failed: " + reason));
    } else if (job instanceof ModelAccess.RestoreCheckpoint) {
      ModelAccess.RestoreCheckpoint r = (ModelAccess.RestoreCheckpoint) job;
      r.replyTo()
          .tell(
              error == null
                  ? new ModelAccess.CheckpointRestored(r.directory(), version)
                  : new ModelAccess.CheckpointFailed(r.directory(), "restoring failed: " + reason));
    }
  }
}
