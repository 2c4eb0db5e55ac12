package org.laimark.actors.pipeline;

import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.actor.typed.javadsl.StashBuffer;

/**
 * Measures held-out pass@1 with a supplied {@link HeldOutEvaluation}, one evaluation at a time
 * (others wait in a stash): on request ({@link Evaluate}), and on a schedule when {@code
 * everyVersions > 0} (every that many new policy versions, reported to a listener). Keeps the best
 * version seen; when a score falls more than {@code rollbackRegression} below the best, the report
 * names the best version to roll back to. Rolling back is the caller's move (the stream restores the
 * best checkpoint through {@link ModelAccess.RollBack} and publishes it as a new version).
 */
public final class Evaluator extends AbstractBehavior<Evaluator.Command> {

  public sealed interface Command {}

  /** Evaluate the current policy version. */
  public record Evaluate(ActorRef<EvaluationReply> replyTo) implements Command {}

  /** After a resume: the best evaluation recorded so far. */
  public record RestoreBest(long policyVersion, double passRate) implements Command {}

  public record GetBest(ActorRef<BestVersion> replyTo) implements Command {}

  /** The best version so far, or version -1 before any evaluation. */
  public record BestVersion(long policyVersion, double passRate) {}

  public sealed interface EvaluationReply {}

  /**
   * A score; {@code newBest} when it beats every earlier one; {@code rollbackTo} is the best
   * version when this score regressed past the threshold, else -1.
   */
  public record EvaluationReport(
      HeldOutEvaluation.Score score, boolean newBest, BestVersion best, long rollbackTo)
      implements EvaluationReply {}

  public record EvaluationFailed(String reason) implements EvaluationReply {}

  private record Finished(Evaluate request, HeldOutEvaluation.Score score, Throwable error)
      implements Command {}

  private record VersionPublished(long version) implements Command {}

  private final HeldOutEvaluation evaluation;
  private final double rollbackRegression;
  private final long everyVersions;
  private final ActorRef<EvaluationReply> listener;
  private final StashBuffer<Command> waiting;
  private BestVersion best = new BestVersion(-1, 0);
  private long lastScheduled = Long.MIN_VALUE;
  private boolean running;

  /**
   * @param everyVersions evaluate every this many versions (0 = only on request); needs {@code
   *     modelAccess} and {@code listener}, which may otherwise be null
   */
  public static Behavior<Command> create(
      HeldOutEvaluation evaluation,
      double rollbackRegression,
      long everyVersions,
      ActorRef<ModelAccess.Command> modelAccess,
      ActorRef<EvaluationReply> listener) {
    return Behaviors.withStash(
        100,
        stash ->
            Behaviors.setup(
                context -> {
                  if (everyVersions > 0) {
                    modelAccess.tell(
                        new ModelAccess.SubscribeVersions(
                            context.messageAdapter(
                                ModelAccess.PolicyVersion.class,
                                v -> new VersionPublished(v.version()))));
                  }
                  return new Evaluator(
                      context, evaluation, rollbackRegression, everyVersions, listener, stash);
                }));
  }

  private Evaluator(
      ActorContext<Command> context,
      HeldOutEvaluation evaluation,
      double rollbackRegression,
      long everyVersions,
      ActorRef<EvaluationReply> listener,
      StashBuffer<Command> waiting) {
    super(context);
    this.evaluation = evaluation;
    this.rollbackRegression = rollbackRegression;
    this.everyVersions = everyVersions;
    this.listener = listener;
    this.waiting = waiting;
  }

  @Override
  public Receive<Command> createReceive() {
    return newReceiveBuilder()
        .onMessage(Evaluate.class, this::onEvaluate)
        .onMessage(Finished.class, this::onFinished)
        .onMessage(VersionPublished.class, this::onVersionPublished)
        .onMessage(RestoreBest.class, this::onRestoreBest)
        .onMessage(GetBest.class, this::onGetBest)
        .build();
  }

  private Behavior<Command> onEvaluate(Evaluate request) {
    if (running) {
      waiting.stash(request);
      return this;
    }
    running = true;
    getContext()
        .pipeToSelf(evaluation.evaluate(), (score, error) -> new Finished(request, score, error));
    return this;
  }

  private Behavior<Command> onFinished(Finished done) {
    running = false;
    if (done.error() != null) {
      done.request().replyTo().tell(new EvaluationFailed("evaluation failed: " + done.error()));
      return waiting.unstashAll(this);
    }
    HeldOutEvaluation.Score score = done.score();
    boolean newBest = best.policyVersion() < 0 || score.passRate() > best.passRate();
    long rollbackTo =
        !newBest && best.passRate() - score.passRate() > rollbackRegression
            ? best.policyVersion()
            : -1;
    if (newBest) {
      best = new BestVersion(score.policyVersion(), score.passRate());
    }
    done.request().replyTo().tell(new EvaluationReport(score, newBest, best, rollbackTo));
    return waiting.unstashAll(this);
  }

  private Behavior<Command> onVersionPublished(VersionPublished published) {
    if (lastScheduled == Long.MIN_VALUE) {
      // The version the run started from: the schedule counts from here.
      lastScheduled = published.version();
      return this;
    }
    if (published.version() >= lastScheduled + everyVersions) {
      lastScheduled = published.version();
      return onEvaluate(new Evaluate(listener));
    }
    return this;
  }

  private Behavior<Command> onRestoreBest(RestoreBest restore) {
    best = new BestVersion(restore.policyVersion(), restore.passRate());
    return this;
  }

  private Behavior<Command> onGetBest(GetBest query) {
    query.replyTo().tell(best);
    return this;
  }
}
