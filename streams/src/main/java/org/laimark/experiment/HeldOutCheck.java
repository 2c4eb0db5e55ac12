package org.laimark.experiment;

import com.typesafe.config.Config;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.laimark.actors.pipeline.HeldOutEvaluation;
import org.laimark.actors.pipeline.ModelAccess;
import org.laimark.actors.pipeline.ModelAccessSettings;
import org.laimark.streams.Workload;

/**
 * Held-out pass@1 of one policy, outside a run: the run's own workload ({@link Workload#from}: the same
 * policy, sandbox and held-out evaluation a {@code laimark run} with this configuration uses), a
 * ModelAccess actor in front of the policy, optionally a checkpoint restored into it, then one evaluation.
 * The paper table uses it for the base row (the starting policy, nothing trained) and for a run whose
 * last published version the run itself did not evaluate (stopped by a limit before its evaluation).
 */
final class HeldOutCheck {

  private HeldOutCheck() {}

  /** Evaluates the policy {@code config} describes, from {@code checkpoint} when not null. */
  static HeldOutEvaluation.Score evaluate(Config config, Path checkpoint, Duration timeout) {
    Workload workload = Workload.from(config);
    ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), "laimark-heldout", config);
    try {
      ActorRef<ModelAccess.Command> model = system.systemActorOf(
          ModelAccess.create(workload.policy(), ModelAccessSettings.fromConfig(config)), "model-access", Props.empty());
      if (checkpoint != null) {
        ModelAccess.CheckpointReply restored = await(AskPattern.ask(model,
            r -> new ModelAccess.RestoreCheckpoint(checkpoint, r), timeout, system.scheduler()), timeout);
        if (!(restored instanceof ModelAccess.CheckpointRestored)) {
          throw new IllegalStateException(checkpoint + ": cannot restore the checkpoint: " + restored);
        }
      }
      return await(workload.heldOut().apply(model, system.scheduler()).evaluate(), timeout);
    } finally {
      system.terminate();
      try {
        system.getWhenTerminated().toCompletableFuture().get(30, TimeUnit.SECONDS);
      } catch (Exception e) {
        // the workload is closed below either way; a slow shutdown only delays the next run
      }
      workload.close();
    }
  }

  private static <T> T await(CompletionStage<T> stage, Duration timeout) {
    try {
      return stage.toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while evaluating", e);
    } catch (Exception e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      throw new IllegalStateException("held-out evaluation failed: " + cause, cause);
    }
  }
}
