package org.laimark.actors.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.apache.pekko.actor.typed.ActorRef;
import org.laimark.model.policy.Policy;
import org.laimark.model.policy.TrainingMetrics;
import org.slf4j.Logger;

/**
 * The model-access actor's exclusive jobs (train, imitate, save, restore): the blocking call each makes, and
 * the reply each gets. Kept apart so the actor reads as its protocol and its scheduling.
 */
final class ExclusiveReplies {

  private ExclusiveReplies() {}

  /**
   * The blocking call of {@code job}. A save also writes {@code published} (the version the actor
   * reports) to {@value #PUBLISHED_VERSION}; a restore returns what that file holds (null when absent,
   * e.g. a checkpoint from before rollbacks existed), so a restored policy reports its published
   * version.
   */
  static Supplier<Object> call(ModelAccess.Command job, Policy policy, long published) {
    if (job instanceof ModelAccess.Train) {
      return () -> policy.train(((ModelAccess.Train) job).groups());
    }
    if (job instanceof ModelAccess.Imitate) {
      return () -> policy.imitate(((ModelAccess.Imitate) job).groups());
    }
    if (job instanceof ModelAccess.SaveCheckpoint) {
      return () -> {
        Path dir = ((ModelAccess.SaveCheckpoint) job).directory();
        policy.save(dir);
        writePublished(dir, published);
        return Boolean.TRUE;
      };
    }
    if (job instanceof ModelAccess.RestoreCheckpoint) {
      return () -> {
        Path dir = ((ModelAccess.RestoreCheckpoint) job).directory();
        policy.restore(dir);
        return readPublished(dir);
      };
    }
    if (job instanceof ModelAccess.RollBack) {
      return () -> {
        policy.restore(((ModelAccess.RollBack) job).directory());
        return Boolean.TRUE;
      };
    }
    throw new IllegalArgumentException("not an exclusive job: " + job);
  }

  /** The file beside a checkpoint's policy files that holds the version it was published as. */
  static final String PUBLISHED_VERSION = "published-version";

  private static void writePublished(Path dir, long version) {
    try {
      Files.writeString(dir.resolve(PUBLISHED_VERSION), version + "\n", StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(dir.resolve(PUBLISHED_VERSION) + ": " + e.getMessage(), e);
    }
  }

  private static Long readPublished(Path dir) {
    Path file = dir.resolve(PUBLISHED_VERSION);
    if (!Files.exists(file)) {
      return null;
    }
    try {
      return Long.parseLong(Files.readString(file, StandardCharsets.UTF_8).strip());
    } catch (IOException | NumberFormatException e) {
      throw new IllegalStateException(file + ": expected the published version (an integer): " + e, e);
    }
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
    if (job instanceof ModelAccess.Train || job instanceof ModelAccess.Imitate) {
      ActorRef<ModelAccess.TrainReply> replyTo =
          job instanceof ModelAccess.Train t ? t.replyTo() : ((ModelAccess.Imitate) job).replyTo();
      replyTo.tell(
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
    } else if (job instanceof ModelAccess.RollBack) {
      ModelAccess.RollBack r = (ModelAccess.RollBack) job;
      r.replyTo()
          .tell(
              error == null
                  ? new ModelAccess.CheckpointRestored(r.directory(), version)
                  : new ModelAccess.CheckpointFailed(r.directory(), "rolling back failed: " + reason));
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
