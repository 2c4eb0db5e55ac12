package org.laimark.actors.pipeline;

import java.time.Duration;
import java.util.function.Function;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.SupervisorStrategy;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.laimark.actors.pipeline.calibration.SequentialCalibration;
import org.laimark.actors.pipeline.tasks.TaskMixQuota;
import org.laimark.actors.pipeline.tasks.TaskPrompts;
import org.laimark.actors.sandbox.Sandbox;
import org.laimark.actors.verify.ProblemVerifier;
import org.laimark.config.CalibratorSettings;
import org.laimark.config.GeneratorSettings;
import org.laimark.config.TaskMixSettings;
import org.laimark.config.TrainerSettings;
import org.laimark.model.policy.Policy;

/**
 * The parent of the pipeline's stage actors: spawns them with their supervision declared here and
 * hands out their references ({@link GetStages}) for the stream to ask. Stateless stages
 * (generator, verifier, calibrator, trainer, evaluator, model access) restart with backoff after a
 * crash; the deduplicator resumes (its memory of accepted problems must survive a bad message). The
 * trainer's quota object lives outside the trainer, so its counts survive a restart.
 */
public final class PipelineStages {

  public sealed interface Command {}

  public record GetStages(ActorRef<Stages> replyTo) implements Command {}

  /** The stage actors, each answering its request records exactly once. */
  public record Stages(
      ActorRef<ModelAccess.Command> modelAccess,
      ActorRef<Generator.Command> generator,
      ActorRef<Verifier.Command> verifier,
      ActorRef<Deduplicator.Command> deduplicator,
      ActorRef<Calibrator.Command> calibrator,
      ActorRef<Trainer.Command> trainer,
      ActorRef<Evaluator.Command> evaluator) {}

  /**
   * Everything the stages are built from. {@code heldOut} makes the evaluation once the
   * model-access actor exists (e.g. a {@link SandboxedPassAtOne} over it).
   */
  public record Dependencies(
      Policy policy,
      Sandbox sandbox,
      ProblemVerifier problemVerifier,
      Verifier.ContaminationCheck contamination,
      Function<ActorRef<ModelAccess.Command>, HeldOutEvaluation> heldOut,
      TaskMixQuota quota,
      GeneratorSettings generator,
      CalibratorSettings calibrator,
      TrainerSettings trainer,
      TaskMixSettings tasks,
      DedupSettings dedup,
      ModelAccessSettings modelAccess) {}

  private static final SupervisorStrategy RESTART =
      SupervisorStrategy.restartWithBackoff(Duration.ofMillis(200), Duration.ofSeconds(10), 0.2);

  private PipelineStages() {}

  public static Behavior<Command> create(Dependencies deps) {
    return Behaviors.setup(
        context -> {
          Stages stages = spawnAll(context, deps);
          return Behaviors.receive(Command.class)
              .onMessage(
                  GetStages.class,
                  q -> {
                    q.replyTo().tell(stages);
                    return Behaviors.same();
                  })
              .build();
        });
  }

  private static Stages spawnAll(ActorContext<Command> context, Dependencies d) {
    TaskPrompts prompts = new TaskPrompts(d.tasks());
    ActorRef<ModelAccess.Command> model =
        context.spawn(
            Behaviors.supervise(ModelAccess.create(d.policy(), d.modelAccess())).onFailure(RESTART),
            "model-access");
    return new Stages(
        model,
        context.spawn(
            Behaviors.supervise(Generator.create(d.generator(), model, d.sandbox())).onFailure(RESTART),
            "generator"),
        context.spawn(
            Behaviors.supervise(Verifier.create(d.problemVerifier(), d.contamination()))
                .onFailure(RESTART),
            "verifier"),
        context.spawn(
            Behaviors.supervise(Deduplicator.create(d.dedup()))
                .onFailure(SupervisorStrategy.resume()),
            "deduplicator"),
        context.spawn(
            Behaviors.supervise(Calibrator.create(d.calibrator(), prompts, d.sandbox(), model))
                .onFailure(RESTART),
            "calibrator"),
        context.spawn(
            Behaviors.supervise(
                    Trainer.create(
                        d.trainer(),
                        new SequentialCalibration(d.calibrator()),
                        prompts,
                        d.sandbox(),
                        model,
                        d.quota()))
                .onFailure(RESTART),
            "trainer"),
        context.spawn(
            Behaviors.supervise(
                    Evaluator.create(
                        d.heldOut().apply(model), d.trainer().rollbackRegression(), 0, null, null))
                .onFailure(RESTART),
            "evaluator"));
  }
}
