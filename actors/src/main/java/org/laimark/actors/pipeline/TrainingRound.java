package org.laimark.actors.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.laimark.actors.pipeline.SampleGrader.SampleResult;
import org.laimark.actors.pipeline.Trainer.RoundProblem;
import org.laimark.config.TrainerSettings;
import org.laimark.data.Problem;
import org.laimark.data.TaskType;
import org.laimark.model.policy.Completion;
import org.laimark.model.policy.GenerationRequest;
import org.laimark.model.policy.RolloutGroup;
import org.laimark.model.train.SolutionBody;

/**
 * One training round, then stops: G rollouts per problem in one shared sampling request, each graded in
 * the sandbox (reward 1 when the program passes, else 0), one training step, and each problem's
 * pass-rate evidence under the sampled version (see {@link RoundEvidence}). The step is GRPO on the
 * groups, or, with {@code trainer.update = supervised}, a supervised step on the round's induction
 * problems' reference answers. A round whose
 * groups all have equal rewards carries no GRPO signal and takes no step, unless the settings have a
 * group no rollout passed shown the problem's reference answer ({@link RolloutGroup#demonstration()}). Reports to its parent
 * {@link Trainer} exactly once; the parent answers for it if it crashes.
 */
final class TrainingRound extends AbstractBehavior<TrainingRound.Command> {

  sealed interface Command {}

  private record WrappedRollouts(ModelAccess.GenerateReply reply, Throwable error)
      implements Command {}

  private record RolloutsGraded(
      List<List<SampleResult>> results, List<Completion> completions, long version)
      implements Command {}

  private record WrappedTraining(ModelAccess.TrainReply reply, Throwable error)
      implements Command {}

  private final Trainer.TrainRound request;
  private final List<RoundProblem> problems;
  private final Trainer.Dependencies deps;
  private final ActorRef<Trainer.Command> parent;
  private List<List<SampleResult>> rewards;
  private long sampledVersion;

  static Behavior<Command> create(
      Trainer.TrainRound request,
      List<RoundProblem> chosen,
      Trainer.Dependencies deps,
      ActorRef<Trainer.Command> parent) {
    return Behaviors.setup(
        context -> new TrainingRound(context, request, chosen, deps, parent).start());
  }

  private TrainingRound(
      ActorContext<Command> context,
      Trainer.TrainRound request,
      List<RoundProblem> chosen,
      Trainer.Dependencies deps,
      ActorRef<Trainer.Command> parent) {
    super(context);
    this.request = request;
    this.problems = chosen;
    this.deps = deps;
    this.parent = parent;
  }

  @Override
  public Receive<Command> createReceive() {
    return newReceiveBuilder()
        .onMessage(WrappedRollouts.class, this::onRollouts)
        .onMessage(RolloutsGraded.class, this::onGraded)
        .onMessage(WrappedTraining.class, this::onTrained)
        .build();
  }

  private Behavior<Command> start() {
    int g = deps.settings().groupSize();
    List<GenerationRequest> all = new ArrayList<>();
    for (RoundProblem p : problems) {
      all.addAll(deps.prompts().requests(p.problem(), "rollout", request.round(), 0, g));
    }
    getContext()
        .ask(
            ModelAccess.GenerateReply.class,
            deps.modelAccess(),
            deps.settings().sampleTimeout(),
            ref -> new ModelAccess.Generate(all, ref),
            WrappedRollouts::new);
    return this;
  }

  private Behavior<Command> onRollouts(WrappedRollouts wrapped) {
    if (!(wrapped.reply() instanceof ModelAccess.Generated)) {
      return fail(
          wrapped.error() != null
              ? "no rollouts from the model: " + wrapped.error()
              : ((ModelAccess.GenerationFailed) wrapped.reply()).reason());
    }
    ModelAccess.Generated generated = (ModelAccess.Generated) wrapped.reply();
    int g = deps.settings().groupSize();
    List<CompletableFuture<List<SampleResult>>> grading = new ArrayList<>();
    for (int i = 0; i < problems.size(); i++) {
      RoundProblem p = problems.get(i);
      grading.add(
          SampleGrader.grade(
              deps.sandbox(),
              p.problem(),
              generated.completions().subList(i * g, (i + 1) * g),
              deps.settings().sandboxTimeout(),
              "rollout/" + request.round() + "/" + p.problemId(),
              0));
    }
    getContext()
        .pipeToSelf(
            CompletableFuture.allOf(grading.toArray(CompletableFuture[]::new))
                .thenApply(ignored -> grading.stream().map(CompletableFuture::join).toList()),
            (results, error) ->
                new RolloutsGraded(results, generated.completions(), generated.policyVersion()));
    return this;
  }

  /**
   * Builds one group per problem from its graded rollouts and asks for the round's step: GRPO on the
   * groups, or, for a supervised round, one step on the reference answers attached to them (the rollouts
   * carry the prompt and are the problem's evidence). A round with nothing to learn takes no step: for
   * GRPO, no group with varying rewards or a demonstration; supervised, no induction problem.
   */
  private Behavior<Command> onGraded(RolloutsGraded graded) {
    int g = deps.settings().groupSize();
    rewards = graded.results();
    sampledVersion = graded.version();
    boolean supervised = deps.settings().update() == TrainerSettings.Update.SUPERVISED;
    List<RolloutGroup> groups = new ArrayList<>();
    boolean signal = false;
    for (int i = 0; i < problems.size(); i++) {
      double[] r = new double[g];
      for (int j = 0; j < g; j++) {
        SampleResult result = rewards.get(i).get(j);
        if (result.infraError()) {
          return fail("the sandbox failed on our side: " + result.detail());
        }
        r[j] = result.passed() ? 1 : 0;
        signal |= !supervised && r[j] != r[0];
      }
      RolloutGroup group = new RolloutGroup(graded.completions().subList(i * g, (i + 1) * g), r);
      Problem problem = problems.get(i).problem();
      String answer = supervised ? referenceAnswer(problem) : demonstrationFor(problem, r);
      if (answer != null) {
        group = group.withDemonstration(answer);
        signal = true;
      }
      groups.add(group);
    }
    if (!signal) {
      return finish(null, sampledVersion);
    }
    getContext()
        .ask(
            ModelAccess.TrainReply.class,
            deps.modelAccess(),
            deps.settings().trainTimeout(),
            ref -> supervised ? new ModelAccess.Imitate(groups, ref) : new ModelAccess.Train(groups, ref),
            WrappedTraining::new);
    return this;
  }

  /** An induction problem's reference answer to the rollout prompt (what follows the stub), else null. */
  private static String referenceAnswer(Problem problem) {
    if (problem.taskType() != TaskType.INDUCTION || problem.solution().isBlank()) {
      return null;
    }
    String answer = SolutionBody.answerFor(problem.prompt(), problem.solution(), problem.entryPoint());
    return answer.isBlank() ? null : answer;
  }

  /**
   * The reference answer to show a group that no rollout passed, when the settings ask for one: only an
   * induction problem's reference is an answer to the rollout prompt (what follows the stub).
   */
  private String demonstrationFor(Problem problem, double[] rewards) {
    if (!deps.settings().demonstrateUnsolved() || java.util.Arrays.stream(rewards).anyMatch(r -> r > 0)) {
      return null;
    }
    return referenceAnswer(problem);
  }

  private Behavior<Command> onTrained(WrappedTraining wrapped) {
    if (!(wrapped.reply() instanceof ModelAccess.Trained)) {
      return fail(
          wrapped.error() != null
              ? "no training step within " + deps.settings().trainTimeout()
              : ((ModelAccess.TrainingFailed) wrapped.reply()).reason());
    }
    ModelAccess.Trained trained = (ModelAccess.Trained) wrapped.reply();
    return finish(trained, trained.policyVersion());
  }

  private Behavior<Command> finish(ModelAccess.Trained trained, long newVersion) {
    List<Trainer.ProblemResult> results =
        RoundEvidence.results(problems, rewards, sampledVersion, deps.rule());
    parent.tell(
        new Trainer.RoundFinished(
            request,
            new Trainer.RoundTrained(
                request.round(),
                sampledVersion,
                newVersion,
                trained == null ? null : trained.metrics(),
                results,
                List.of())));
    return Behaviors.stopped();
  }

  private Behavior<Command> fail(String reason) {
    parent.tell(
        new Trainer.RoundFinished(request, new Trainer.RoundFailed(request.round(), reason)));
    return Behaviors.stopped();
  }
}
