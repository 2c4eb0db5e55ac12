package org.laimark.actors.pipeline;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Scheduler;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.laimark.actors.eval.AnswerMode;
import org.laimark.actors.eval.EvalPrompts;
import org.laimark.actors.eval.Harness;
import org.laimark.actors.sandbox.Sandbox;
import org.laimark.data.Problem;
import org.laimark.data.SandboxJob;
import org.laimark.data.Verdict;
import org.laimark.data.VerdictStatus;
import org.laimark.model.policy.GenerationRequest;

/**
 * Held-out pass@1 (greedy, or estimated from several samples per task: {@link HeldOutSampling}), through
 * the pipeline's own {@link ModelAccess} (so evaluation shares the model with training and sees one policy
 * version) and the sandbox, with the evaluator's
 * prompts and answer reading ({@link EvalPrompts}, {@link Harness#STANDARD}), so the number matches
 * {@code laimark eval} on the same tasks up to its per-task time scaling (here the sandbox's
 * default limit applies).
 */
public final class SandboxedPassAtOne implements HeldOutEvaluation {

  static final int JUDGED_AT_ONCE = 256;

  private final String benchmark;
  private final List<Problem> tasks;
  private final EvalPrompts prompts;
  private final int maxNewTokens;
  private final Sandbox sandbox;
  private final ActorRef<ModelAccess.Command> modelAccess;
  private final Scheduler scheduler;
  private final Duration timeout;
  private final HeldOutSampling sampling;

  public SandboxedPassAtOne(
      String benchmark,
      List<Problem> tasks,
      EvalPrompts prompts,
      int maxNewTokens,
      Sandbox sandbox,
      ActorRef<ModelAccess.Command> modelAccess,
      Scheduler scheduler,
      Duration timeout,
      HeldOutSampling sampling) {
    if (tasks.isEmpty()) {
      throw new IllegalArgumentException("no held-out tasks in " + benchmark);
    }
    this.benchmark = benchmark;
    this.tasks = List.copyOf(tasks);
    this.prompts = prompts;
    this.maxNewTokens = maxNewTokens;
    this.sandbox = sandbox;
    this.modelAccess = modelAccess;
    this.scheduler = scheduler;
    this.timeout = timeout;
    this.sampling = sampling;
  }

  @Override
  public CompletionStage<Score> evaluate() {
    List<GenerationRequest> requests = new ArrayList<>();
    for (Problem task : tasks) {
      for (int i = 0; i < sampling.samples(); i++) {
        requests.add(
            new GenerationRequest(
                prompts.messages(task), sampling.params(task.id(), i, maxNewTokens), "heldout:" + task.id()));
      }
    }
    CompletionStage<ModelAccess.GenerateReply> answers =
        AskPattern.ask(
            modelAccess, ref -> new ModelAccess.Generate(requests, ref), timeout, scheduler);
    return answers.thenCompose(
        reply -> {
          if (!(reply instanceof ModelAccess.Generated)) {
            throw new IllegalStateException(((ModelAccess.GenerationFailed) reply).reason());
          }
          return judge((ModelAccess.Generated) reply);
        });
  }

  private CompletableFuture<Score> judge(ModelAccess.Generated generated) {
    int answers = generated.completions().size();
    if (answers != tasks.size() * sampling.samples()) {
      throw new IllegalStateException("the model returned " + answers + " answers for "
          + tasks.size() * sampling.samples() + " held-out requests");
    }
    return passedFrom(generated, 0)
        .thenApply(passed -> new Score(generated.policyVersion(), benchmark, passed, answers));
  }

  /**
   * How many of the answers from {@code from} on pass, judged {@link #JUDGED_AT_ONCE} at a time: the sandbox
   * pool queues a bounded number of jobs (laimark.sandbox.pool.queue-capacity, 1000), and 300 tasks with 16
   * samples each are 4800.
   */
  private CompletableFuture<Integer> passedFrom(ModelAccess.Generated generated, int from) {
    int to = Math.min(generated.completions().size(), from + JUDGED_AT_ONCE);
    if (from >= to) {
      return CompletableFuture.completedFuture(0);
    }
    List<CompletableFuture<Verdict>> verdicts = new ArrayList<>();
    for (int i = from; i < to; i++) {
      verdicts.add(verdict(i, generated.completions().get(i).text()));
    }
    return CompletableFuture.allOf(verdicts.toArray(CompletableFuture[]::new))
        .thenApply(ignored -> passed(verdicts))
        .thenCompose(passed -> passedFrom(generated, to).thenApply(rest -> passed + rest));
  }

  /** Answer {@code i}'s verdict, or null for an empty answer (a failure that needs no sandbox). */
  private CompletableFuture<Verdict> verdict(int i, String text) {
    Problem task = tasks.get(i / sampling.samples());
    Harness.Prepared prepared = Harness.STANDARD.prepare(task, text == null ? "" : text, AnswerMode.AUTO);
    return prepared.empty()
        ? CompletableFuture.completedFuture(null)
        : SampleGrader.run(sandbox,
            SandboxJob.withTests(label(task, i), task.programFor(prepared.solution()), task.tests()), timeout);
  }

  private static int passed(List<CompletableFuture<Verdict>> verdicts) {
    int passed = 0;
    for (CompletableFuture<Verdict> v : verdicts) {
      Verdict verdict = v.join();
      if (verdict != null && verdict.status() == VerdictStatus.INFRA_ERROR) {
        throw new IllegalStateException("the sandbox failed on our side: " + verdict.message());
      }
      passed += verdict != null && verdict.passed() ? 1 : 0;
    }
    return passed;
  }

  private String label(Problem task, int answer) {
    return sampling.greedy() ? "heldout/" + task.id() : "heldout/" + task.id() + "#" + answer % sampling.samples();
  }
}
