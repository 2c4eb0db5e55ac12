package org.laimark.actors.pipeline;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.laimark.actors.pipeline.proposal.ParsedProposal;
import org.laimark.actors.pipeline.proposal.ProblemProposalParser;
import org.laimark.actors.pipeline.proposal.ProposalParse;
import org.laimark.actors.pipeline.proposal.ProposalPrompts;
import org.laimark.actors.pipeline.proposal.ProposalRejection;
import org.laimark.actors.pipeline.proposal.ProposalSpec;
import org.laimark.actors.pipeline.proposal.ReferenceValues;
import org.laimark.actors.sandbox.Sandbox;
import org.laimark.config.GeneratorSettings;
import org.laimark.data.Problem;
import org.laimark.data.SandboxJob;
import org.laimark.data.TaskType;
import org.laimark.data.Verdict;
import org.laimark.data.VerdictStatus;
import org.laimark.model.policy.Completion;

/**
 * Asks the policy (through {@link ModelAccess}) to write a problem for a {@link ProposalSpec} and
 * reads the answer with {@link ProblemProposalParser}. Every request is answered exactly once: a
 * problem, the reason the answer is not one (counted per reason), or a failure (the model timed out
 * or failed). Many proposals may be in flight at once. A broken reply from the model (a completion
 * without text) is a bug, not an outcome: it crashes this actor and its parent restarts it; that
 * one request is not answered.
 *
 * <p>With {@code expected-values = reference} a written problem's values come from its own reference
 * ({@link ReferenceValues}): after reading the answer, the reference runs once in the sandbox on the
 * written calls before the problem is answered.
 */
public final class Generator extends AbstractBehavior<Generator.Command> {

  public sealed interface Command {}

  public record Propose(ProposalSpec spec, ActorRef<ProposalOutcome> replyTo) implements Command {}

  public record GetStats(ActorRef<GeneratorStats> replyTo) implements Command {}

  public sealed interface ProposalOutcome {
    ProposalSpec spec();
  }

  /** The policy wrote a problem in the right format (not yet verified). */
  public record Proposed(ProposalSpec spec, Problem problem, long policyVersion)
      implements ProposalOutcome {}

  /** The policy's answer is not a problem; {@code text} is what it wrote (for diagnostics). */
  public record ProposalRejected(
      ProposalSpec spec, ProposalRejection reason, String detail, long policyVersion, String text)
      implements ProposalOutcome {}

  /**
   * No answer: the model failed or did not answer in time. Says nothing about the policy's skill.
   */
  public record ProposalFailed(ProposalSpec spec, String reason) implements ProposalOutcome {}

  /** Counts since this actor (re)started. */
  public record GeneratorStats(long proposed, Map<ProposalRejection, Long> rejected, long failed) {}

  private record WrappedModelReply(
      Propose request, ModelAccess.GenerateReply reply, Throwable error) implements Command {}

  private record WrappedReferenceRun(
      Propose request, ReferenceValues.Plan plan, long policyVersion, String text, Verdict verdict,
      Throwable error) implements Command {}

  private final ActorRef<ModelAccess.Command> modelAccess;
  private final Sandbox sandbox;
  private final GeneratorSettings settings;
  private final ProposalPrompts prompts;
  private final Map<ProposalRejection, Long> rejected = new EnumMap<>(ProposalRejection.class);
  private long proposed;
  private long failed;

  /** {@code sandbox} runs references for reference values; it is not used with written values. */
  public static Behavior<Command> create(
      GeneratorSettings settings, ActorRef<ModelAccess.Command> modelAccess, Sandbox sandbox) {
    return Behaviors.setup(context -> new Generator(context, settings, modelAccess, sandbox));
  }

  private Generator(
      ActorContext<Command> context,
      GeneratorSettings settings,
      ActorRef<ModelAccess.Command> modelAccess,
      Sandbox sandbox) {
    super(context);
    this.settings = settings;
    this.modelAccess = modelAccess;
    this.sandbox = sandbox;
    this.prompts = new ProposalPrompts(settings);
  }

  @Override
  public Receive<Command> createReceive() {
    return newReceiveBuilder()
        .onMessage(Propose.class, this::onPropose)
        .onMessage(WrappedModelReply.class, this::onModelReply)
        .onMessage(WrappedReferenceRun.class, this::onReferenceRun)
        .onMessage(GetStats.class, this::onGetStats)
        .build();
  }

  private Behavior<Command> onPropose(Propose request) {
    getContext()
        .ask(
            ModelAccess.GenerateReply.class,
            modelAccess,
            settings.timeout(),
            ref -> new ModelAccess.Generate(List.of(prompts.request(request.spec())), ref),
            (reply, error) -> new WrappedModelReply(request, reply, error));
    return this;
  }

  private Behavior<Command> onModelReply(WrappedModelReply wrapped) {
    Propose request = wrapped.request();
    if (!(wrapped.reply() instanceof ModelAccess.Generated)) {
      failed++;
      String reason =
          wrapped.error() != null
              ? "no answer from the model within " + settings.timeout()
              : ((ModelAccess.GenerationFailed) wrapped.reply()).reason();
      request.replyTo().tell(new ProposalFailed(request.spec(), reason));
      return this;
    }
    ModelAccess.Generated generated = (ModelAccess.Generated) wrapped.reply();
    Completion completion = generated.completions().get(0);
    String text =
        Objects.requireNonNull(completion.text(), "the policy returned a completion without text");
    if (settings.expectedValues() != GeneratorSettings.ExpectedValues.WRITTEN) {
      ReferenceValues.Planned planned = settings.expectedValues() == GeneratorSettings.ExpectedValues.SPEC
          ? ReferenceValues.planOverSpec(text)
          : ReferenceValues.plan(text, settings.specCheck());
      if (!planned.ok()) {
        reject(request, planned.rejection(), planned.detail(), generated.policyVersion(), text);
        return this;
      }
      SandboxJob job = SandboxJob.program("values-of-" + planned.plan().entryPoint(), planned.plan().program());
      getContext().pipeToSelf(
          sandbox.run(job).toCompletableFuture().orTimeout(settings.sandboxTimeout().toMillis(), TimeUnit.MILLISECONDS),
          (verdict, error) -> new WrappedReferenceRun(
              request, planned.plan(), generated.policyVersion(), text, verdict, error));
      return this;
    }
    answer(request, ProblemProposalParser.parse(text), generated.policyVersion(), text);
    return this;
  }

  private Behavior<Command> onReferenceRun(WrappedReferenceRun run) {
    Verdict verdict = run.verdict();
    if (run.error() != null || verdict.status() == VerdictStatus.INFRA_ERROR) {
      failed++;
      String reason = run.error() != null
          ? "no verdict for the reference within " + settings.sandboxTimeout()
          : "sandbox failure while computing reference values: " + verdict.message();
      run.request().replyTo().tell(new ProposalFailed(run.request().spec(), reason));
      return this;
    }
    if (!verdict.passed()) {
      reject(run.request(), ProposalRejection.REFERENCE_NOT_RUNNABLE,
          verdict.status().name().toLowerCase(java.util.Locale.ROOT)
              + (verdict.errorType().isEmpty() ? "" : " " + verdict.errorType()) + ": " + verdict.message(),
          run.policyVersion(), run.text());
      return this;
    }
    answer(run.request(), run.plan().complete(verdict.output()), run.policyVersion(), run.text());
    return this;
  }

  private void answer(Propose request, ProposalParse parse, long policyVersion, String text) {
    if (!parse.ok()) {
      reject(request, parse.rejection(), parse.detail(), policyVersion, text);
      return;
    }
    proposed++;
    request.replyTo().tell(
        new Proposed(request.spec(), toProblem(request.spec(), parse.proposal()), policyVersion));
  }

  private void reject(
      Propose request, ProposalRejection reason, String detail, long policyVersion, String text) {
    rejected.merge(reason, 1L, Long::sum);
    request.replyTo().tell(new ProposalRejected(request.spec(), reason, detail, policyVersion, text));
  }

  private Behavior<Command> onGetStats(GetStats query) {
    query.replyTo().tell(new GeneratorStats(proposed, Map.copyOf(rejected), failed));
    return this;
  }

  private static Problem toProblem(ProposalSpec spec, ParsedProposal parsed) {
    Problem.Builder b =
        new Problem.Builder(parsed.entryPoint(), TaskType.INDUCTION)
            .prompt(parsed.stub())
            .tests(parsed.testsText())
            .solution(parsed.solution())
            .entryPoint(parsed.entryPoint())
            .source("self-generated");
    if (spec instanceof ProposalSpec.FreshProblem) {
      ProposalSpec.FreshProblem fresh = (ProposalSpec.FreshProblem) spec;
      return b.topic(fresh.topic()).difficulty(fresh.difficulty()).build();
    }
    Problem parent = ((ProposalSpec.HarderVariant) spec).parent();
    return b.topic(parent.topic()).difficulty("harder than " + parent.entryPoint()).build();
  }
}
