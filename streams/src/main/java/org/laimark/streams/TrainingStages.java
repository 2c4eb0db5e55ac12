package org.laimark.streams;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The training half of the graph: GRPO rounds over fresh problems padded from the bank, each round's
 * checkpoint made durable before its version is published, and held-out evaluation on a schedule. Rounds
 * run one at a time (the model trains one step at a time anyway); that single slot is what pushes back on
 * the problem source when training is slower than generation.
 */
public final class TrainingStages {

  /** What a round produced, for the sink and the evaluation schedule. */
  public record RoundDone(long round, long version, boolean published) {}

  private static final Logger log = LoggerFactory.getLogger(TrainingStages.class);

  private final ProblemStages.StageContext ctx;
  private final ScheduleSettings schedule;
  private final RunDirectory run;
  private final AtomicLong attempts;
  private final Set<CompletableFuture<?>> running = ConcurrentHashMap.newKeySet();
  private volatile boolean stopping;

  /** {@code lastRound}: the last round number the journal holds, so round numbers keep growing on resume. */
  public TrainingStages(ProblemStages.StageContext ctx, ScheduleSettings schedule, RunDirectory run, long lastRound) {
    this.ctx = ctx;
    this.schedule = schedule;
    this.run = run;
    this.attempts = new AtomicLong(lastRound);
  }

  /**
   * Offers each batch of fresh problems, padded with the bank's least-trained problems, to the trainer. An
   * empty batch (a replay round) is all padding, and trains nothing unless the bank fills a whole round.
   */
  public Flow<List<Candidate>, Trainer.RoundOutcome, NotUsed> train(
      ActorRef<CurriculumBank.Command> bank, ActorRef<Trainer.Command> trainer) {
    return Flow.<List<Candidate>>create().mapAsync(1, fresh -> trainOne(bank, trainer, fresh));
  }

  /**
   * One whole round as one step: train, publish, and (when due) evaluate and roll back, before the next
   * round may start. Serialising them keeps every published version in the journal in the order the
   * model produced it (a rollback or a checkpoint save never races the next round's training step).
   */
  public Flow<List<Candidate>, RoundDone, NotUsed> round(ActorRef<CurriculumBank.Command> bank,
      ActorRef<Trainer.Command> trainer, ActorRef<ModelAccess.Command> model, ActorRef<Evaluator.Command> evaluator) {
    return Flow.<List<Candidate>>create().mapAsync(1, fresh -> tracked(() -> trainOne(bank, trainer, fresh)
        .thenCompose(outcome -> publishOne(bank, model, outcome))
        .thenCompose(done -> evaluateIfDue(bank, evaluator, model, done))));
  }

  /** Rounds trained and published one at a time, without evaluation (the staged mode evaluates per stage). */
  public Flow<List<Candidate>, RoundDone, NotUsed> trainAndPublish(ActorRef<CurriculumBank.Command> bank,
      ActorRef<Trainer.Command> trainer, ActorRef<ModelAccess.Command> model) {
    return Flow.<List<Candidate>>create().mapAsync(1, fresh -> tracked(() -> trainOne(bank, trainer, fresh)
        .thenCompose(outcome -> publishOne(bank, model, outcome))));
  }

  /**
   * Completes when every round (train, publish, evaluate, roll back) and every {@link #evaluateNow} started
   * so far has finished or failed. A drain that timed out aborts the stream, but a round it had started
   * goes on and may still publish a version: the run's final version is known only once this completes.
   */
  public CompletionStage<Void> settled() {
    return CompletableFuture.allOf(running.toArray(CompletableFuture[]::new)).handle((x, e) -> null);
  }

  /**
   * Runs {@code step} as tracked work. It is registered before it starts: a round's first message may reach
   * the trainer at once, and {@link #settled} must not miss a round that has already begun.
   */
  private <T> CompletionStage<T> tracked(Supplier<CompletionStage<T>> step) {
    CompletableFuture<T> f = new CompletableFuture<>();
    running.add(f);
    f.whenComplete((x, e) -> running.remove(f));
    try {
      step.get().whenComplete((x, e) -> {
        if (e != null) {
          f.completeExceptionally(e);
        } else {
          f.complete(x);
        }
      });
    } catch (RuntimeException e) {
      f.completeExceptionally(e);
    }
    return f;
  }


  private CompletionStage<Trainer.RoundOutcome> trainOne(
      ActorRef<CurriculumBank.Command> bank, ActorRef<Trainer.Command> trainer, List<Candidate> fresh) {
    if (stopping) {
      return CompletableFuture.completedFuture((Trainer.RoundOutcome) new Trainer.RoundFailed(-1, "stopping"));
    }
    Set<String> freshIds = fresh.stream().map(Candidate::id).collect(Collectors.toSet());
    int pad = Math.max(0, ctx.stream().roundSize() - fresh.size());
    return AskPattern.<CurriculumBank.Command, CurriculumBank.RoundProblems>ask(bank,
            replyTo -> new CurriculumBank.SelectForRound(freshIds, pad, replyTo),
            ctx.stream().askTimeout(), ctx.scheduler())
        .thenCompose(offer -> {
          // A replay round needs a whole round of banked problems: replaying the last one or two alone
          // trains on them until they leave the window (measured: a bank of 1-2 replayed at lr 1e-3 took
          // held-out pass@1 from 23% to 14% in 65 rounds).
          if (fresh.isEmpty() && offer.problems().size() < ctx.stream().roundSize()) {
            return CompletableFuture.completedFuture(
                (Trainer.RoundOutcome) new Trainer.RoundDeferred(-1, List.of(), Map.of()));
          }
          List<Trainer.RoundProblem> problems =
              offer.problems().stream().map(TrainingStages::roundProblem).collect(Collectors.toList());
          long round = attempts.incrementAndGet();
          return AskPattern.<Trainer.Command, Trainer.RoundOutcome>ask(trainer,
              replyTo -> new Trainer.TrainRound(round, problems, replyTo), ctx.stream().askTimeout(), ctx.scheduler());
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
    return Flow.<Trainer.RoundOutcome>create().mapAsync(1, outcome -> publishOne(bank, model, outcome));
  }

  private CompletionStage<RoundDone> publishOne(
      ActorRef<CurriculumBank.Command> bank, ActorRef<ModelAccess.Command> model, Trainer.RoundOutcome outcome) {
    if (!(outcome instanceof Trainer.RoundTrained t)) {
      return CompletableFuture.completedFuture(new RoundDone(outcome.round(), -1, false));
    }
    List<BankEvent> retired = t.results().stream().filter(Trainer.ProblemResult::retired)
        .map(r -> (BankEvent) new BankEvent.ProblemRetired(r.problemId(), t.sampledVersion(), r.retireReason(), r.estimate().passRate()))
        .collect(Collectors.toList());
    if (t.metrics() == null || t.newVersion() == t.sampledVersion()) {
      return recordAll(bank, retired).thenApply(x -> new RoundDone(t.round(), t.sampledVersion(), false));
    }
    return saveAndCommit(model, t.newVersion())
        .thenCompose(saved -> {
          List<BankEvent> events = new ArrayList<>();
          t.results().forEach(r -> events.add(new BankEvent.ProblemTrained(
              r.problemId(), t.round(), t.sampledVersion(), r.passes(), r.rollouts(), t.newVersion())));
          events.addAll(retired);
          events.add(new BankEvent.PolicyVersionPublished(t.newVersion(), t.round(), saved.checkpoint(),
              t.metrics().loss(), t.metrics().meanReward(), t.metrics().nonDegenerateGroupFraction(), -1));
          return recordAll(bank, events).thenApply(x -> published(t.newVersion()));
        })
        .thenApply(x -> new RoundDone(t.round(), t.newVersion(), true));
  }

  /** Held-out pass@1 after every {@code every-rounds} rounds (by round number), journaled. */
  public Flow<RoundDone, RoundDone, NotUsed> evaluate(ActorRef<CurriculumBank.Command> bank,
      ActorRef<Evaluator.Command> evaluator, ActorRef<ModelAccess.Command> model) {
    return Flow.<RoundDone>create().mapAsync(1, done -> evaluateIfDue(bank, evaluator, model, done));
  }

  private CompletionStage<RoundDone> evaluateIfDue(ActorRef<CurriculumBank.Command> bank,
      ActorRef<Evaluator.Command> evaluator, ActorRef<ModelAccess.Command> model, RoundDone done) {
    int every = schedule.evaluateEveryRounds();
    if (!done.published() || every == 0 || done.round() % every != 0) {
      return CompletableFuture.completedFuture(done);
    }
    return evaluateNow(bank, evaluator, model).thenApply(x -> done);
  }

  /**
   * Evaluates the current policy and journals the score; when it regressed more than
   * {@code trainer.rollback-regression} below the best version, rolls back to the best (see
   * {@link #rollBack}). An evaluation that fails is not journaled (the run goes on).
   */
  public CompletionStage<Object> evaluateNow(ActorRef<CurriculumBank.Command> bank,
      ActorRef<Evaluator.Command> evaluator, ActorRef<ModelAccess.Command> model) {
    return tracked(() -> askEvaluator(evaluator).thenCompose(r -> {
      if (r == null) {
        return CompletableFuture.completedFuture(null);
      }
      String note = r.rollbackTo() >= 0 ? "regressed past the threshold; rolled back to v" + r.rollbackTo() : "";
      CompletionStage<Object> recorded = recordAll(bank, List.of(evaluationRecorded(r, note)));
      return r.rollbackTo() < 0 ? recorded : recorded.thenCompose(x -> rollBack(bank, model, r.rollbackTo()));
    }));
  }

  /**
   * The end-of-run evaluation: evaluates the current policy, which must be {@code version} (the journal's
   * last), and journals the score with the note "end of run". It never rolls back, so the run's last
   * version is the one evaluated (the report's "after"); a regression is named in the note, and a resumed
   * run's next scheduled evaluation rolls back as usual. Completes with the record, or null when nothing
   * was recorded (the evaluation failed, or scored another version; logged).
   */
  public CompletionStage<BankEvent.EvaluationRecorded> evaluateFinal(ActorRef<CurriculumBank.Command> bank,
      ActorRef<Evaluator.Command> evaluator, long version) {
    return askEvaluator(evaluator).thenCompose(r -> {
      if (r == null) {
        return CompletableFuture.completedFuture(null);
      }
      if (r.score().policyVersion() != version) {
        log.warn("the end evaluation scored v{}, not the run's final version v{}: not recorded",
            r.score().policyVersion(), version);
        return CompletableFuture.completedFuture(null);
      }
      BankEvent.EvaluationRecorded e = evaluationRecorded(r, r.rollbackTo() >= 0
          ? "end of run; regressed past the threshold below v" + r.rollbackTo() + " (not rolled back at the end)"
          : "end of run");
      return recordAll(bank, List.of(e)).thenApply(x -> e);
    });
  }

  /** The evaluator's report, or null when the evaluation failed (logged: the run goes on). */
  private CompletionStage<Evaluator.EvaluationReport> askEvaluator(ActorRef<Evaluator.Command> evaluator) {
    return AskPattern.<Evaluator.Command, Evaluator.EvaluationReply>ask(evaluator, Evaluator.Evaluate::new,
            ctx.stream().askTimeout(), ctx.scheduler())
        .thenApply(reply -> {
          if (reply instanceof Evaluator.EvaluationReport r) {
            return r;
          }
          log.warn("held-out evaluation failed: {}", reply);
          return null;
        });
  }

  private static BankEvent.EvaluationRecorded evaluationRecorded(Evaluator.EvaluationReport r, String note) {
    return new BankEvent.EvaluationRecorded(r.score().policyVersion(), r.score().benchmark(), r.score().passed(),
        r.score().total(), r.newBest(), note);
  }

  /**
   * Restores the best version's checkpoint through the model-access actor and publishes it as a new
   * version (versions stay monotone; the weights equal the best one's): the policy is saved and renamed
   * into place like a round's, then one journal record says {@code PolicyVersionPublished(new, restoredFrom
   * = best)}. The best version's checkpoint must exist: a published version's always does, the starting
   * version's is saved by {@link #saveStartingCheckpoint}.
   */
  CompletionStage<Object> rollBack(ActorRef<CurriculumBank.Command> bank, ActorRef<ModelAccess.Command> model, long best) {
    Path source = run.root().resolve(RunDirectory.checkpointName(best));
    if (!Files.isDirectory(source)) {
      log.warn("cannot roll back to v{}: its checkpoint {} is missing", best, source);
      return CompletableFuture.completedFuture(null);
    }
    return AskPattern.<ModelAccess.Command, ModelAccess.CheckpointReply>ask(model,
            replyTo -> new ModelAccess.RollBack(source, replyTo), ctx.stream().askTimeout(), ctx.scheduler())
        .thenCompose(restored -> {
          if (!(restored instanceof ModelAccess.CheckpointRestored r)) {
            throw new IllegalStateException("rolling back to v" + best + " failed: " + restored);
          }
          return saveAndCommit(model, r.policyVersion());
        })
        .thenCompose(saved -> {
          log.info("rolled back to the weights of v{}, published as v{}", best, saved.version());
          return recordAll(bank, List.of(new BankEvent.PolicyVersionPublished(
              saved.version(), attempts.get(), saved.checkpoint(), 0, 0, 0, best)))
              .thenApply(x -> published(saved.version()));
        });
  }

  /**
   * Saves the starting policy's checkpoint ({@code checkpoints/vNNNNNN} of its version) when no version has
   * been published yet, so a rollback can return to the starting weights. Not journaled: nothing was
   * published, and a later save of that version would replace it.
   */
  public CompletionStage<Object> saveStartingCheckpoint(ActorRef<ModelAccess.Command> model, long version) {
    if (Files.isDirectory(run.root().resolve(RunDirectory.checkpointName(version)))) {
      return CompletableFuture.completedFuture(null);
    }
    return saveAndCommit(model, version).thenApply(saved -> saved);
  }

  private Object published(long version) {
    ctx.versions().published(version);
    return version;
  }

  private record Saved(long version, String checkpoint) {}

  private CompletionStage<Saved> saveAndCommit(ActorRef<ModelAccess.Command> model, long version) {
    Checkpoints checkpoints = new Checkpoints(run);
    Path staging = checkpoints.staging(version);
    return AskPattern.<ModelAccess.Command, ModelAccess.CheckpointReply>ask(model,
            replyTo -> new ModelAccess.SaveCheckpoint(staging, replyTo), ctx.stream().askTimeout(), ctx.scheduler())
        .thenApply(saved -> {
          if (!(saved instanceof ModelAccess.CheckpointSaved s) || s.policyVersion() != version) {
            throw new IllegalStateException("checkpoint of version " + version + " failed: " + saved);
          }
          return new Saved(version, checkpoints.commit(staging, version));
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
