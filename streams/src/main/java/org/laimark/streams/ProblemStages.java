package org.laimark.streams;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.stream.LongStream;
import org.apache.pekko.NotUsed;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Scheduler;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.japi.Pair;
import org.apache.pekko.stream.javadsl.Flow;
import org.apache.pekko.stream.javadsl.Source;
import org.apache.pekko.stream.typed.javadsl.ActorFlow;
import org.laimark.actors.bank.BankEvent;
import org.laimark.actors.bank.CurriculumBank;
import org.laimark.actors.bank.PipelineStage;
import org.laimark.actors.pipeline.Calibrator;
import org.laimark.actors.pipeline.Deduplicator;
import org.laimark.actors.pipeline.Generator;
import org.laimark.actors.pipeline.Verifier;
import org.laimark.actors.pipeline.proposal.ProposalPlan;
import org.laimark.actors.pipeline.proposal.ProposalSpec;
import org.laimark.actors.pipeline.tasks.TaskDeriver;
import org.laimark.config.CalibratorSettings;
import org.laimark.config.StreamSettings;
import org.laimark.data.Problem;

/**
 * The stages a problem passes before the bank, each a {@code Flow} over {@link Candidate}s (see the
 * diagram in {@link CurriculumGraph}). Every actor boundary is an ask with an explicit timeout and a
 * parallelism from {@code laimark.pipeline.stream}; outcomes become journal events, recorded by
 * {@link #record} before the problem moves on.
 */
public final class ProblemStages {

  private final StageContext ctx;

  public ProblemStages(StageContext ctx) {
    this.ctx = ctx;
  }

  /**
   * Proposal specs from index {@code from} on: topic by difficulty sweeps, continued across resumes, and
   * (for the plan's harder-variant share) harder variants of an accepted induction problem the bank holds
   * at that moment. The bank is asked only for those indices, one at a time.
   */
  public Source<ProposalSpec, NotUsed> proposals(
      ProposalPlan plan, long from, ActorRef<CurriculumBank.Command> bank) {
    return Source.fromIterator(() -> LongStream.iterate(from, i -> i + 1).iterator())
        .mapAsync(1, i -> !plan.wantsHarder(i) ? done((ProposalSpec) plan.fresh(i))
            : AskPattern.<CurriculumBank.Command, CurriculumBank.Banked>ask(bank, CurriculumBank.GetBanked::new,
                    ctx.stream().askTimeout(), ctx.scheduler())
                .thenApply(banked -> plan.next(i, banked.problems())));
  }

  /** Registers curated problems in the bank, as {@link #register} does for written ones. */
  public Flow<Problem, Candidate, NotUsed> registerCurated(ActorRef<CurriculumBank.Command> bank, String origin) {
    return Flow.<Problem>create().mapAsync(ctx.stream().recordParallelism(), problem ->
        AskPattern.<CurriculumBank.Command, CurriculumBank.Proposed>askWithStatus(bank,
                replyTo -> new CurriculumBank.Propose(problem, -1, origin, replyTo), ctx.stream().askTimeout(), ctx.scheduler())
            .thenApply(registered -> Candidate.registered(registered.problemId(), registered.problem())));
  }

  /** Asks the generator to write each proposal; parse failures are outcomes, not errors. */
  public Flow<ProposalSpec, Generator.ProposalOutcome, NotUsed> generate(ActorRef<Generator.Command> generator) {
    return ActorFlow.ask(ctx.stream().generateParallelism(), generator, ctx.stream().askTimeout(),
        (ProposalSpec spec, ActorRef<Generator.ProposalOutcome> replyTo) -> new Generator.Propose(spec, replyTo));
  }

  /** Gives each written problem its bank id (journaling the proposal); failures become counted events. */
  public Flow<Generator.ProposalOutcome, Candidate, NotUsed> register(ActorRef<CurriculumBank.Command> bank) {
    return Flow.<Generator.ProposalOutcome>create().mapAsync(ctx.stream().recordParallelism(), outcome -> {
      if (outcome instanceof Generator.Proposed p) {
        return AskPattern.<CurriculumBank.Command, CurriculumBank.Proposed>askWithStatus(bank,
                replyTo -> new CurriculumBank.Propose(p.problem(), p.policyVersion(), origin(p.spec()), replyTo),
                ctx.stream().askTimeout(), ctx.scheduler())
            .thenApply(registered -> Candidate.registered(registered.problemId(), registered.problem()));
      }
      if (outcome instanceof Generator.ProposalRejected r) {
        return done(Candidate.dropped(new BankEvent.GenerationFailed(r.reason().label(), r.policyVersion())));
      }
      return done(Candidate.dropped(new BankEvent.GenerationFailed("model_failed", -1)));
    });
  }

  /** The sandbox checks the reference, determinism and vacuity (and the contamination guard runs). */
  public Flow<Candidate, Candidate, NotUsed> verify(ActorRef<Verifier.Command> verifier) {
    return Flow.<Candidate>create()
        .map(c -> Pair.create(c.problem(), c))
        .via(ActorFlow.askWithContext(ctx.stream().verifyParallelism(), verifier, ctx.stream().askTimeout(),
            (org.laimark.data.Problem p, ActorRef<Verifier.VerifyOutcome> replyTo) -> new Verifier.Verify(p, replyTo)))
        .map(pair -> verified(pair.second(), pair.first()));
  }

  private static Candidate verified(Candidate c, Verifier.VerifyOutcome outcome) {
    if (outcome instanceof Verifier.Verified v) {
      long wall = v.verification().reference() == null ? 0 : v.verification().reference().wallMillis();
      return c.passed(new BankEvent.ProblemVerified(c.id(), wall));
    }
    if (outcome instanceof Verifier.VerificationRejected r) {
      return c.rejected(new BankEvent.ProblemRejected(c.id(), PipelineStage.VERIFY, r.reason(), r.detail(), -1, 0));
    }
    Verifier.VerificationFailed f = (Verifier.VerificationFailed) outcome;
    return c.rejected(new BankEvent.ProblemRejected(c.id(), PipelineStage.VERIFY, "sandbox_infra_error", f.reason(), -1, 0));
  }

  /** Rejects near-duplicates of accepted (or in-flight) problems; a unique candidate is reserved. */
  public Flow<Candidate, Candidate, NotUsed> dedup(ActorRef<Deduplicator.Command> deduplicator) {
    return Flow.<Candidate>create()
        .map(c -> Pair.create(c.problem(), c))
        .via(ActorFlow.askWithContext(ctx.stream().dedupParallelism(), deduplicator, ctx.stream().askTimeout(),
            (org.laimark.data.Problem p, ActorRef<Deduplicator.DedupOutcome> replyTo) -> new Deduplicator.CheckAndReserve(p, replyTo)))
        .map(pair -> pair.first() instanceof Deduplicator.Duplicate d
            ? pair.second().rejected(new BankEvent.ProblemRejected(pair.second().id(), PipelineStage.DEDUP,
                "duplicate", d.reason() + " (of " + d.of() + ")", -1, 0))
            : pair.second().passed(pair.second().problem(), null));
  }

  /**
   * Adds the deduction and abduction tasks made from each accepted induction problem (registered in the
   * bank as verified: the reference passed exactly those asserts); {@link #calibrateDerived} calibrates
   * them. Made only from accepted problems, so a rejected parent (which may be proposed again) leaves none.
   */
  public Flow<Candidate, Candidate, NotUsed> derive(ActorRef<CurriculumBank.Command> bank, TaskDeriver deriver) {
    return Flow.<Candidate>create()
        .mapAsync(1, c -> {
          CompletionStage<List<Candidate>> all = done(new ArrayList<>(List.of(c)));
          for (org.laimark.data.Problem task : deriver.derive(c.problem())) {
            all = all.thenCompose(list -> AskPattern.<CurriculumBank.Command, CurriculumBank.Proposed>askWithStatus(bank,
                    replyTo -> new CurriculumBank.Propose(task, -1, "derived:" + c.id(), replyTo),
                    ctx.stream().askTimeout(), ctx.scheduler())
                .thenApply(p -> {
                  list.add(Candidate.registered(p.problemId(), p.problem())
                      .passed(new BankEvent.ProblemVerified(p.problemId(), 0)));
                  return list;
                }));
          }
          return all;
        })
        .mapConcat(list -> list);
  }

  /** Calibrates the derived tasks {@link #derive} added; the accepted parents pass through unchanged. */
  public Flow<Candidate, Candidate, NotUsed> calibrateDerived(ActorRef<Calibrator.Command> calibrator) {
    return Flow.<Candidate>create().mapAsync(ctx.stream().calibrateParallelism(), c ->
        c.problem().taskType() == org.laimark.data.TaskType.INDUCTION ? done(c.recorded())
            : AskPattern.<Calibrator.Command, Calibrator.CalibrationOutcome>ask(calibrator,
                    replyTo -> new Calibrator.Calibrate(c.problem(), replyTo), ctx.stream().askTimeout(), ctx.scheduler())
                .thenCompose(this::afterPublication)
                .thenApply(outcome -> calibrated(c, outcome)));
  }

  /** Holds an acceptance until the version it was calibrated under is journaled (see {@link PublishedVersions}). */
  private CompletionStage<Calibrator.CalibrationOutcome> afterPublication(Calibrator.CalibrationOutcome outcome) {
    return outcome instanceof Calibrator.Calibrated k && k.kept()
        ? ctx.versions().awaitPublished(k.policyVersion()).thenApply(x -> outcome)
        : done(outcome);
  }

  /** Samples the current policy K times (fewer with adaptive K) and keeps problems inside the window. */
  public Flow<Candidate, Candidate, NotUsed> calibrate(ActorRef<Calibrator.Command> calibrator) {
    return Flow.<Candidate>create()
        .map(c -> Pair.create(c.problem(), c))
        .via(ActorFlow.askWithContext(ctx.stream().calibrateParallelism(), calibrator, ctx.stream().askTimeout(),
            (org.laimark.data.Problem p, ActorRef<Calibrator.CalibrationOutcome> replyTo) -> new Calibrator.Calibrate(p, replyTo)))
        .mapAsync(1, pair -> afterPublication(pair.first()).thenApply(outcome -> calibrated(pair.second(), outcome)));
  }

  private Candidate calibrated(Candidate c, Calibrator.CalibrationOutcome outcome) {
    if (!(outcome instanceof Calibrator.Calibrated k && k.kept())) {
      ctx.release().accept(c.id()); // free its dedup reservation: it is not in the bank
    }
    if (outcome instanceof Calibrator.Calibrated k) {
      if (k.kept()) {
        return c.passed(k.problem(), new BankEvent.ProblemAccepted(
            c.id(), k.policyVersion(), k.passes(), k.samples(), ctx.calibrator().lo(), ctx.calibrator().hi()));
      }
      String detail = String.format(Locale.ROOT, "%d/%d passed%s", k.passes(), k.samples(), k.stoppedEarly() ? " (stopped early)" : "");
      return c.rejected(new BankEvent.ProblemRejected(
          c.id(), PipelineStage.CALIBRATE, k.decision().label(), detail, k.policyVersion(), k.samples()));
    }
    Calibrator.CalibrationFailed f = (Calibrator.CalibrationFailed) outcome;
    return c.rejected(new BankEvent.ProblemRejected(c.id(), PipelineStage.CALIBRATE, "calibration_failed", f.reason(), -1, 0));
  }

  /** Makes the candidate's events durable (group-committed by the bank), then drops rejected candidates. */
  public Flow<Candidate, Candidate, NotUsed> record(ActorRef<CurriculumBank.Command> bank) {
    return Flow.<Candidate>create()
        .mapAsync(ctx.stream().recordParallelism(), c -> c.events().isEmpty() ? done(c)
            : AskPattern.<CurriculumBank.Command, CurriculumBank.Recorded>askWithStatus(bank,
                    replyTo -> new CurriculumBank.Record(c.events(), replyTo), ctx.stream().askTimeout(), ctx.scheduler())
                .thenApply(recorded -> c.recorded()))
        .filter(Candidate::alive);
  }

  private static String origin(ProposalSpec spec) {
    return spec instanceof ProposalSpec.HarderVariant h ? "harder-variant:" + h.parent().id() : "generated";
  }

  private static <T> CompletionStage<T> done(T value) {
    return CompletableFuture.completedFuture(value);
  }

  /** Settings and the scheduler every stage needs. */
  public record StageContext(StreamSettings stream, CalibratorSettings calibrator, Scheduler scheduler,
      Consumer<String> release, PublishedVersions versions) {}
}
