package org.laimark.actors.pipeline;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.laimark.actors.pipeline.SampleGrader.SampleResult;
import org.laimark.actors.pipeline.calibration.CalibrationDecision;
import org.laimark.data.Calibration;
import org.laimark.data.LearnabilityZone;
import org.laimark.data.Problem;

/**
 * Calibrates one problem, then stops: asks {@link ModelAccess} for samples in batches, grades them
 * in the sandbox, and applies the sequential rule after each batch until it decides. Evidence
 * counts only for one policy version: if a batch comes back from a newer version, the count
 * restarts under it (at most {@code 3 K} samples in all). Replies to the requester exactly once and
 * stops; spawned and watched by {@link Calibrator}, which answers for it if it crashes.
 */
final class CalibrationSession extends AbstractBehavior<CalibrationSession.Command> {

  sealed interface Command {}

  private record WrappedSamples(ModelAccess.GenerateReply reply, Throwable error, int from)
      implements Command {}

  private record BatchGraded(List<SampleResult> results, long version) implements Command {}

  private enum Deadline implements Command {
    INSTANCE
  }

  private final Calibrator.Calibrate request;
  private final Calibrator.Dependencies deps;
  private final Map<String, Integer> outcomes = new TreeMap<>();
  private long version = -1;
  private int passes;
  private int drawn;
  private int requested;

  static Behavior<Command> create(Calibrator.Calibrate request, Calibrator.Dependencies deps) {
    return Behaviors.setup(
        context ->
            Behaviors.withTimers(
                timers -> {
                  timers.startSingleTimer(Deadline.INSTANCE, deps.settings().timeout());
                  return new CalibrationSession(context, request, deps).requestBatch();
                }));
  }

  private CalibrationSession(
      ActorContext<Command> context, Calibrator.Calibrate request, Calibrator.Dependencies deps) {
    super(context);
    this.request = request;
    this.deps = deps;
  }

  @Override
  public Receive<Command> createReceive() {
    return newReceiveBuilder()
        .onMessage(WrappedSamples.class, this::onSamples)
        .onMessage(BatchGraded.class, this::onBatchGraded)
        .onMessageEquals(Deadline.INSTANCE, this::onDeadline)
        .build();
  }

  private Behavior<Command> requestBatch() {
    int count = deps.rule().nextBatch(drawn);
    int from = requested;
    requested += count;
    getContext()
        .ask(
            ModelAccess.GenerateReply.class,
            deps.modelAccess(),
            deps.settings().timeout(),
            ref ->
                new ModelAccess.Generate(
                    deps.prompts().requests(request.problem(), "calibrate", 0, from, count), ref),
            (reply, error) -> new WrappedSamples(reply, error, from));
    return this;
  }

  private Behavior<Command> onSamples(WrappedSamples wrapped) {
    if (!(wrapped.reply() instanceof ModelAccess.Generated)) {
      return fail(
          wrapped.error() != null
              ? "no samples from the model: " + wrapped.error()
              : ((ModelAccess.GenerationFailed) wrapped.reply()).reason());
    }
    ModelAccess.Generated samples = (ModelAccess.Generated) wrapped.reply();
    String prefix = "calibrate/" + request.problem().id() + "/" + samples.policyVersion();
    getContext()
        .pipeToSelf(
            SampleGrader.grade(
                deps.sandbox(),
                request.problem(),
                samples.completions(),
                deps.settings().sandboxTimeout(),
                prefix,
                wrapped.from()),
            (results, error) -> new BatchGraded(results, samples.policyVersion()));
    return this;
  }

  private Behavior<Command> onBatchGraded(BatchGraded graded) {
    for (SampleResult r : graded.results()) {
      if (r.infraError()) {
        return fail("the sandbox failed on our side: " + r.detail());
      }
    }
    if (graded.version() != version) {
      // Calibrate against the current policy: older evidence no longer describes it.
      version = graded.version();
      passes = 0;
      drawn = 0;
      outcomes.clear();
    }
    for (SampleResult r : graded.results()) {
      passes += r.passed() ? 1 : 0;
      drawn++;
      outcomes.merge(r.outcome(), 1, Integer::sum);
    }
    CalibrationDecision decision = deps.rule().decide(passes, drawn);
    if (decision != CalibrationDecision.CONTINUE) {
      return reply(decision);
    }
    if (requested >= 3 * deps.rule().samples()) {
      return fail("the policy version changed too often to finish calibrating");
    }
    return requestBatch();
  }

  private Behavior<Command> onDeadline() {
    return fail("calibration took longer than " + deps.settings().timeout());
  }

  private Behavior<Command> reply(CalibrationDecision decision) {
    double rate = (double) passes / drawn;
    Problem calibrated =
        request.problem().toBuilder()
            .calibration(
                new Calibration(
                    rate, drawn, new LearnabilityZone(deps.settings().lo(), deps.settings().hi())))
            .build();
    request
        .replyTo()
        .tell(
            new Calibrator.Calibrated(
                calibrated,
                decision,
                passes,
                drawn,
                version,
                drawn < deps.rule().samples(),
                Map.copyOf(outcomes)));
    return Behaviors.stopped();
  }

  private Behavior<Command> fail(String reason) {
    request.replyTo().tell(new Calibrator.CalibrationFailed(request.problem(), reason));
    return Behaviors.stopped();
  }
}
