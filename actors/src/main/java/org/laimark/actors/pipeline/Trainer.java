package org.laimark.actors.pipeline;

import java.util.List;
import java.util.Map;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.ChildFailed;
import org.apache.pekko.actor.typed.SupervisorStrategy;
import org.apache.pekko.actor.typed.Terminated;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.actor.typed.javadsl.StashBuffer;
import org.laimark.actors.pipeline.calibration.SequentialCalibration;
import org.laimark.actors.pipeline.tasks.TaskMixQuota;
import org.laimark.actors.pipeline.tasks.TaskPrompts;
import org.laimark.actors.sandbox.Sandbox;
import org.laimark.config.TrainerSettings;
import org.laimark.data.Problem;
import org.laimark.data.TaskType;
import org.laimark.model.policy.TrainingMetrics;

/**
 * Runs GRPO rounds one at a time over problems from the bank. The task-mix quota first picks which
 * offered problems the round trains (the rest are deferred, not lost); a {@link TrainingRound}
 * child then samples G rollouts per problem, grades them, takes one training step and judges each
 * problem's pass-rate evidence under the sampled version, reporting the ones that left the window
 * as retired. Rounds that arrive while one runs wait in a stash. A round child that crashes is
 * stopped (declared at spawn) and its round answered {@link RoundFailed}: every request is answered
 * exactly once.
 */
public final class Trainer extends AbstractBehavior<Trainer.Command> {

  public sealed interface Command {}

  /** Train one round on (some of) {@code problems}; {@code round} numbers rounds in a run. */
  public record TrainRound(long round, List<RoundProblem> problems, ActorRef<RoundOutcome> replyTo)
      implements Command {
    public TrainRound {
      problems = List.copyOf(problems);
    }
  }

  /** A bank problem offered for training, with its latest pass-rate evidence (may be null). */
  public record RoundProblem(String problemId, Problem problem, Evidence evidence) {}

  /** {@code passes} of {@code attempts} samples from {@code policyVersion} passed. */
  public record Evidence(long policyVersion, int passes, int attempts) {
    public double passRate() {
      return attempts == 0 ? 0 : (double) passes / attempts;
    }
  }

  public sealed interface RoundOutcome {
    long round();
  }

  /**
   * The round ran: rollouts drawn from {@code sampledVersion}; {@code newVersion} is the version
   * after the step ({@code metrics} is null and the version unchanged when no group had a learning
   * signal). {@code deferred} lists the offered problems the quota held back.
   */
  public record RoundTrained(
      long round,
      long sampledVersion,
      long newVersion,
      TrainingMetrics metrics,
      List<ProblemResult> results,
      List<String> deferred)
      implements RoundOutcome {}

  /** The quota admitted none of the offered problems: nothing was sampled or trained. */
  public record RoundDeferred(long round, List<String> deferred, Map<TaskType, Long> trainedMix)
      implements RoundOutcome {}

  /** The round did not finish (model, sandbox or time); nothing was trained. */
  public record RoundFailed(long round, String reason) implements RoundOutcome {}

  /** One problem's part in a round, and its evidence afterwards (retired: it left the window). */
  public record ProblemResult(
      String problemId,
      int passes,
      int rollouts,
      Evidence estimate,
      boolean retired,
      String retireReason) {}

  record RoundFinished(TrainRound request, RoundOutcome outcome) implements Command {}

  record Dependencies(
      TrainerSettings settings,
      SequentialCalibration rule,
      TaskPrompts prompts,
      Sandbox sandbox,
      ActorRef<ModelAccess.Command> modelAccess) {}

  private final Dependencies deps;
  private final TaskMixQuota quota;
  private final StashBuffer<Command> waiting;
  private TrainRound running;
  private List<RoundProblem> runningProblems;
  private List<String> runningDeferred;
  private long spawned;

  /** {@code quota} carries the counts trained so far (restored on resume). */
  public static Behavior<Command> create(
      TrainerSettings settings,
      SequentialCalibration rule,
      TaskPrompts prompts,
      Sandbox sandbox,
      ActorRef<ModelAccess.Command> modelAccess,
      TaskMixQuota quota) {
    Dependencies deps = new Dependencies(settings, rule, prompts, sandbox, modelAccess);
    return Behaviors.withStash(
        1_000, stash -> Behaviors.setup(context -> new Trainer(context, deps, quota, stash)));
  }

  private Trainer(
      ActorContext<Command> context,
      Dependencies deps,
      TaskMixQuota quota,
      StashBuffer<Command> waiting) {
    super(context);
    this.deps = deps;
    this.quota = quota;
    this.waiting = waiting;
  }

  @Override
  public Receive<Command> createReceive() {
    return newReceiveBuilder()
        .onMessage(TrainRound.class, this::onTrainRound)
        .onMessage(RoundFinished.class, this::onRoundFinished)
        .onSignal(ChildFailed.class, this::onRoundCrashed)
        .onSignal(Terminated.class, signal -> this)
        .build();
  }

  private Behavior<Command> onTrainRound(TrainRound request) {
    if (running != null) {
      waiting.stash(request);
      return this;
    }
    TaskMixQuota.Selection<RoundProblem> pick =
        quota.select(request.problems(), p -> p.problem().taskType(), request.problems().size());
    List<String> deferred = pick.deferred().stream().map(RoundProblem::problemId).toList();
    if (pick.chosen().isEmpty()) {
      request.replyTo().tell(new RoundDeferred(request.round(), deferred, quota.counts()));
      return this;
    }
    running = request;
    runningProblems = pick.chosen();
    runningDeferred = deferred;
    ActorRef<TrainingRound.Command> child =
        getContext()
            .spawn(
                Behaviors.supervise(
                        TrainingRound.create(request, pick.chosen(), deps, getContext().getSelf()))
                    .onFailure(SupervisorStrategy.stop()),
                "round-" + request.round() + "-" + (++spawned));
    getContext().watch(child);
    return this;
  }

  private Behavior<Command> onRoundFinished(RoundFinished finished) {
    RoundOutcome outcome = finished.outcome();
    if (outcome instanceof RoundTrained) {
      RoundTrained t = (RoundTrained) outcome;
      runningProblems.forEach(p -> quota.record(p.problem().taskType()));
      outcome =
          new RoundTrained(
              t.round(),
              t.sampledVersion(),
              t.newVersion(),
              t.metrics(),
              t.results(),
              runningDeferred);
    }
    return answer(outcome);
  }

  private Behavior<Command> onRoundCrashed(ChildFailed failed) {
    if (running == null) {
      return this;
    }
    getContext().getLog().error("training round {} crashed", running.round(), failed.getCause());
    return answer(new RoundFailed(running.round(), "training round crashed: " + failed.getCause()));
  }

  private Behavior<Command> answer(RoundOutcome outcome) {
    running.replyTo().tell(outcome);
    running = null;
    runningProblems = null;
    runningDeferred = null;
    return waiting.unstashAll(this);
  }
}
