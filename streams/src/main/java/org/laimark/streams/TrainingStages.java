package org.laimark.streams;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.apache.pekko.NotUsed;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.stream.javadsl.Flow;
import org.laimark.actors.bank.BankEvent;
import org.laimark.actors.bank.CurriculumBank;
import org.laimark.actors.bank.ProblemHistory;
import org.laimark.actors.bank.RunDirectory;
import org.laimark.actors.pipeline.Evaluator;
import org.laimark.actors.pipeline.ModelAccess;
import org.laimark.actors.pipeline.Trainer;
import org.laimark.config.ScheduleSettings;

/**
 * The training half of the graph: GRPO rounds over fresh problems padded from the bank, each round's
 * checkpoint made durable before its version is published, and held-out evaluation on a schedule. Rounds
 * run one at a time (the model trains one step at a time anyway); that single slot is what pushes back on
 * the problem source when training is slower than generation.
 */
public final class TrainingStages {

  /** What a round produced, for the sink and the evaluation schedule. */
  public record RoundDone(long round, long version, boolean published) {}

  private final ProblemStages.StageContext ctx;
  private final ScheduleSettings schedule;
  private final RunDirectory run;
  private final AtomicLong attempts;
  private volatile boolean stopping;

  /** {@code lastRound}: the last round number the journal holds, so round numbers keep growing on resume. */
  public TrainingStages(ProblemStages.StageContext ctx, ScheduleSettings schedule, RunDirectory run, long lastRound) {
    this.ctx = ctx;
    this.schedule = schedule;
    this.run = run;
    this.attempts = new AtomicLong(lastRound);
  }

  /** Offers each batch of fresh problems, padded with the bank's least-trained problems, to the trainer. */
  public Flow<List<Candidate>, Trainer.RoundOutcome, NotUsed> train(
      ActorRef<CurriculumBank.Command> bank, ActorRef<Trainer.Command> trainer) {
    return Flow.<List<Candidate>>create().mapAsync(1, fresh -> {
      if (stopping) {
        return CompletableFuture.completedFuture((Trainer.RoundOutcome) new Trainer.RoundFailed(-1, "stopping"));
      }
      Set<String> freshIds = fresh.stream().map(Candidate::id).collect(Collectors.toSet());
      int pad = Math.max(0, ctx.stream().roundSize() - fresh.size());
      return AskPattern.<CurriculumBank.Command, CurriculumBank.RoundProblems>ask(bank,
              replyTo -> new CurriculumBank.SelectForRound(freshIds, pad, replyTo),
              ctx.stream().askTimeout(), ctx.scheduler())
          .thenCompose(offer -> {
            List<Trainer.RoundProblem> problems =
                offer.problems().stream().map(TrainingStages::roundProblem).collect(Collectors.toList());
            long round = attempts.incrementAndGet();
            return AskPattern.<Trainer.Command, Trainer.RoundOutcome>ask(trainer,
                replyTo -> new Trainer.TrainRound(round, problems, replyTo), ctx.stream().askTimeout(), ctx.scheduler());
          });
    });
  }

  /** After a stop request no new round starts (the one running finishes and is published). */
  public void stopRounds() {
    stopping = true;
  }

  private static Trainer.RoundProblem roundProblem(ProblemHistory p) {
    ProblemHistory.Estimate e = p.latestEstimate();
    return new Trainer.RoundProblem(p.id(), p.problem(),
        e == null ? null : new Trainer.Evidence(e.policyVersion(), e.passes(), e.samples()));
  }

  /**
   * Makes a round durable: the new adapter and optimizer state are saved and renamed into place, then the
   * trained problems, retirements and the version are journaled as one record. A round without a training
   * step only retires problems; a failed or deferred one records nothing.
   */
  public Flow<Trainer.RoundOutcome, RoundDone, NotUsed> publish(
      ActorRef<CurriculumBank.Command> bank, ActorRef<ModelAccess.Command> model) {
    return Flow.<Trainer.RoundOutcome>create().mapAsync(1, outcome -> {
      if (!(outcome instanceof Trainer.RoundTrained t)) {
        return CompletableFuture.completedFuture(new RoundDone(outcome.round(), -1, false));
      }
      List<BankEvent> retired = t.results().stream().filter(Trainer.ProblemResult::retired)
          .map(r -> (BankEvent) new BankEvent.ProblemRetired(r.problemId(), t.sampledVersion(), r.retireReason(), r.estimate().passRate()))
          .collect(Collectors.toList());
      if (t.metrics() == null || t.newVersion() == t.sampledVersion()) {
        return recordAll(bank, retired).thenApply(x -> new RoundDone(t.round(), t.sampledVersion(), false));
      }
      Checkpoints checkpoints = new Checkpoints(run);
      Path staging = checkpoints.staging(t.newVersion());
      return AskPattern.<ModelAccess.Command, ModelAccess.CheckpointReply>ask(model,
              replyTo -> new ModelAccess.SaveCheckpoint(staging, replyTo), ctx.stream().askTimeout(), ctx.scheduler())
          .thenCompose(saved -> {
            if (!(saved instanceof ModelAccess.CheckpointSaved s) || s.policyVersion() != t.newVersion()) {
              throw new IllegalStateException("checkpoint of version " + t.newVersion() + " failed: " + saved);
            }
            String dir = checkpoints.commit(staging, t.newVersion());
            List<BankEvent> events = new ArrayList<>();
            t.results().forEach(r -> events.add(new BankEvent.ProblemTrained(
                r.problemId(), t.round(), t.sampledVersion(), r.passes(), r.rollouts(), t.newVersion())));
            events.addAll(retired);
            events.add(new BankEvent.PolicyVersionPublished(t.newVersion(), t.round(), dir, t.metrics().loss(),
                t.metrics().meanReward(), t.metrics().nonDegenerateGroupFraction(), -1));
            return recordAll(bank, events);
          })
          .thenApply(x -> new RoundDone(t.round(), t.newVersion(), true));
    });
  }

  /** Held-out pass@1 after every {@code every-rounds} rounds (by round number), journaled. */
  public Flow<RoundDone, RoundDone, NotUsed> evaluate(
      ActorRef<CurriculumBank.Command> bank, ActorRef<Evaluator.Command> evaluator) {
    return Flow.<RoundDone>create().mapAsync(1, done -> {
      int every = schedule.evaluateEveryRounds();
      if (!done.published() || every == 0 || done.round() % every != 0) {
        return CompletableFuture.completedFuture(done);
      }
      return evaluateNow(bank, evaluator).thenApply(x -> done);
    });
  }

  /** Evaluates the current policy and journals the score (a failure is logged in the journal's note). */
  public CompletionStage<Object> evaluateNow(ActorRef<CurriculumBank.Command> bank, ActorRef<Evaluator.Command> evaluator) {
    return AskPattern.<Evaluator.Command, Evaluator.EvaluationReply>ask(evaluator, Evaluator.Evaluate::new,
            ctx.stream().askTimeout(), ctx.scheduler())
        .thenCompose(reply -> {
          if (!(reply instanceof Evaluator.EvaluationReport r)) {
            return CompletableFuture.completedFuture(null);
          }
          String note = r.rollbackTo() >= 0 ? "regressed past the threshold; best is v" + r.rollbackTo() : "";
          return recordAll(bank, List.of(new BankEvent.EvaluationRecorded(r.score().policyVersion(),
              r.score().benchmark(), r.score().passed(), r.score().total(), r.newBest(), note)));
        });
  }

  private CompletionStage<Object> recordAll(ActorRef<CurriculumBank.Command> bank, List<BankEvent> events) {
    if (events.isEmpty()) {
      return CompletableFuture.completedFuture(null);
    }
    return AskPattern.<CurriculumBank.Command, CurriculumBank.Recorded>askWithStatus(bank,
            replyTo -> new CurriculumBank.Record(events, replyTo), ctx.stream().askTimeout(), ctx.scheduler())
        .thenApply(r -> r);
  }
}
