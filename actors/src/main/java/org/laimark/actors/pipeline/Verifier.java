package org.laimark.actors.pipeline;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.laimark.actors.eval.ContaminationGuard;
import org.laimark.actors.pipeline.dedup.DuplicateDetector;
import org.laimark.actors.verify.ProblemVerifier;
import org.laimark.actors.verify.Verification;
import org.laimark.actors.verify.VerificationStatus;
import org.laimark.data.Problem;

/**
 * Checks a proposed problem before anything is spent on it: first the contamination guard (too
 * close to an evaluation problem → rejected, it must never be trained on), then {@link
 * ProblemVerifier} in the sandbox (the reference passes its tests, the tests are deterministic and
 * reject trivial solutions). Many problems may be in flight; each request is answered exactly once.
 * A sandbox failure on our side is {@link VerificationFailed} (nothing is known about the problem),
 * never a rejection. Meant for induction problems; deduction and abduction tasks are derived from
 * verified ones.
 */
public final class Verifier extends AbstractBehavior<Verifier.Command> {

  public sealed interface Command {}

  public record Verify(Problem problem, ActorRef<VerifyOutcome> replyTo) implements Command {}

  public sealed interface VerifyOutcome {
    Problem problem();
  }

  public record Verified(Problem problem, Verification verification) implements VerifyOutcome {}

  /**
   * Not usable. {@code reason} is a stable label: {@code contaminated}, or a verification status
   * such as {@code reference_failed}, {@code nondeterministic}, {@code vacuous_tests}, {@code
   * malformed}.
   */
  public record VerificationRejected(Problem problem, String reason, String detail)
      implements VerifyOutcome {}

  /** The sandbox failed on our side; try again later. */
  public record VerificationFailed(Problem problem, String reason) implements VerifyOutcome {}

  private record WrappedVerification(Verify request, Verification verification)
      implements Command {}

  /** What the contamination check found: empty when the problem is clear. */
  public interface ContaminationCheck extends Function<Problem, Optional<String>> {

    /** No check: for tests, and for runs that turn the guard off on purpose. */
    ContaminationCheck NONE = p -> Optional.empty();

    /** This check's finding, else {@code next}'s. */
    default ContaminationCheck or(ContaminationCheck next) {
      return p -> {
        Optional<String> found = apply(p);
        return found.isPresent() ? found : next.apply(p);
      };
    }

    /**
     * The run's own held-out set, guarded by the study's near-duplicate rule (same entry point, or docstring
     * word n-gram Jaccard above the threshold). The n-gram containment guard suits benchmarks written by
     * people; a procedural held-out set shares its templated phrasing with every problem of its domain
     * (it flags 50 of 50 curated problems that share no composition with it), so there the rule that
     * separated the splits is the one to apply.
     */
    static ContaminationCheck nearCopiesOf(List<Problem> heldOut, DedupSettings settings) {
      DuplicateDetector copies = new DuplicateDetector(settings.ngram(), settings.jaccardThreshold());
      heldOut.forEach(copies::remember);
      return p -> copies.check(p).map(d -> "near-copy of held-out task " + d.of() + " (" + d.reason() + ")");
    }

    /**
     * The evaluation issue's guard: flagged problems are rejected with their nearest benchmark
     * task.
     */
    static ContaminationCheck of(ContaminationGuard guard) {
      return p -> {
        ContaminationGuard.Match m = guard.nearest(p);
        return m.flagged()
            ? Optional.of(
                String.format(
                    Locale.ROOT,
                    "overlaps evaluation task %s (score %.3f > %.3f)",
                    m.nearest(),
                    m.score(),
                    guard.threshold()))
            : Optional.empty();
      };
    }
  }

  private final ProblemVerifier verifier;
  private final ContaminationCheck contamination;

  public static Behavior<Command> create(
      ProblemVerifier verifier, ContaminationCheck contamination) {
    return Behaviors.setup(context -> new Verifier(context, verifier, contamination));
  }

  private Verifier(
      ActorContext<Command> context, ProblemVerifier verifier, ContaminationCheck contamination) {
    super(context);
    this.verifier = verifier;
    this.contamination = contamination;
  }

  @Override
  public Receive<Command> createReceive() {
    return newReceiveBuilder()
        .onMessage(Verify.class, this::onVerify)
        .onMessage(WrappedVerification.class, this::onVerification)
        .build();
  }

  private Behavior<Command> onVerify(Verify request) {
    Optional<String> tooClose = contamination.apply(request.problem());
    if (tooClose.isPresent()) {
      request
          .replyTo()
          .tell(new VerificationRejected(request.problem(), "contaminated", tooClose.get()));
      return this;
    }
    // ProblemVerifier never completes exceptionally: sandbox trouble comes back as INFRA_ERROR.
    getContext()
        .pipeToSelf(
            verifier.verify(request.problem()),
            (verification, error) ->
                new WrappedVerification(
                    request,
                    verification != null
                        ? verification
                        : new Verification(
                            request.problem().id(),
                            VerificationStatus.INFRA_ERROR,
                            "verification failed: " + error,
                            List.of(),
                            null,
                            0)));
    return this;
  }

  private Behavior<Command> onVerification(WrappedVerification wrapped) {
    Problem problem = wrapped.request().problem();
    Verification v = wrapped.verification();
    VerifyOutcome outcome;
    if (v.status() == VerificationStatus.VERIFIED) {
      outcome = new Verified(problem, v);
    } else if (v.status() == VerificationStatus.INFRA_ERROR) {
      outcome = new VerificationFailed(problem, v.detail());
    } else {
      outcome = new VerificationRejected(problem, v.status().wireName(), v.detail());
    }
    wrapped.request().replyTo().tell(outcome);
    return this;
  }
}
