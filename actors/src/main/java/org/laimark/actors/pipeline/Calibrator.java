package org.laimark.actors.pipeline;

import java.util.HashMap;
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
import org.laimark.actors.pipeline.calibration.CalibrationDecision;
import org.laimark.actors.pipeline.calibration.SequentialCalibration;
import org.laimark.actors.pipeline.tasks.TaskPrompts;
import org.laimark.actors.sandbox.Sandbox;
import org.laimark.config.CalibratorSettings;
import org.laimark.data.Problem;

/**
 * Decides whether the current policy solves a problem only sometimes: samples from the current
 * policy version (through {@link ModelAccess}), grades them in the sandbox, and keeps the problem
 * when its pass rate is inside [lo, hi], both ends inclusive. Empty answers are failures; so are
 * programs that hang or crash (the sandbox turns them into timeout and crashed verdicts). With
 * adaptive K it stops early, to reject or to keep provisionally (see {@link SequentialCalibration}):
 * a provisional keep is confirmed or undone by the trainer's rollouts. Works for induction,
 * deduction and abduction problems alike.
 *
 * <p>Each request runs in its own {@link CalibrationSession} child, so calibrations proceed
 * concurrently. A session that crashes is stopped (declared at spawn) and this actor answers its
 * request with {@link CalibrationFailed}: every request is answered exactly once.
 */
public final class Calibrator extends AbstractBehavior<Calibrator.Command> {

  public sealed interface Command {}

  public record Calibrate(Problem problem, ActorRef<CalibrationOutcome> replyTo)
      implements Command {}

  public sealed interface CalibrationOutcome {
    Problem problem();
  }

  /**
   * The decision, on {@code passes} of {@code samples} samples from {@code policyVersion}. The
   * problem comes back with its {@code calibration} set. {@code outcomes} counts the samples by
   * what happened ({@code passed}, {@code failed}, {@code timeout}, {@code crashed}, {@code
   * empty_answer}...).
   */
  public record Calibrated(
      Problem problem,
      CalibrationDecision decision,
      int passes,
      int samples,
      long policyVersion,
      boolean stoppedEarly,
      Map<String, Integer> outcomes)
      implements CalibrationOutcome {

    public boolean kept() {
      return decision == CalibrationDecision.KEEP;
    }
  }

  /**
   * Not decided: the model or the sandbox failed on our side, or time ran out. Says nothing of the
   * problem.
   */
  public record CalibrationFailed(Problem problem, String reason) implements CalibrationOutcome {}

  /** What a session needs; one instance shared by all sessions (all immutable or thread-safe). */
  record Dependencies(
      CalibratorSettings settings,
      SequentialCalibration rule,
      TaskPrompts prompts,
      Sandbox sandbox,
      ActorRef<ModelAccess.Command> modelAccess) {}

  private final Dependencies deps;
  private final Map<ActorRef<CalibrationSession.Command>, Calibrate> running = new HashMap<>();
  private long sessions;

  public static Behavior<Command> create(
      CalibratorSettings settings,
      TaskPrompts prompts,
      Sandbox sandbox,
      ActorRef<ModelAccess.Command> modelAccess) {
    Dependencies deps =
        new Dependencies(
            settings, new SequentialCalibration(settings), prompts, sandbox, modelAccess);
    return Behaviors.setup(context -> new Calibrator(context, deps));
  }

  private Calibrator(ActorContext<Command> context, Dependencies deps) {
    super(context);
    this.deps = deps;
  }

  @Override
  public Receive<Command> createReceive() {
    return newReceiveBuilder()
        .onMessage(Calibrate.class, this::onCalibrate)
        .onSignal(ChildFailed.class, this::onSessionFailed)
        .onSignal(Terminated.class, this::onSessionEnded)
        .build();
  }

  private Behavior<Command> onCalibrate(Calibrate request) {
    ActorRef<CalibrationSession.Command> session =
        getContext()
            .spawn(
                Behaviors.supervise(CalibrationSession.create(request, deps))
                    .onFailure(SupervisorStrategy.stop()),
                "calibration-" + (++sessions));
    getContext().watch(session);
    running.put(session, request);
    return this;
  }

  private Behavior<Command> onSessionFailed(ChildFailed failed) {
    Calibrate request = running.remove(failed.getRef());
    if (request != null) {
      getContext()
          .getLog()
          .error("calibration of {} crashed", request.problem().id(), failed.getCause());
      request
          .replyTo()
          .tell(
              new CalibrationFailed(
                  request.problem(), "calibration crashed: " + failed.getCause()));
    }
    return this;
  }

  private Behavior<Command> onSessionEnded(Terminated ended) {
    running.remove(ended.getRef());
    return this;
  }
}
