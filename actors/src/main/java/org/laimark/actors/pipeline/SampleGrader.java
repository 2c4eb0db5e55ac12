package org.laimark.actors.pipeline;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.laimark.actors.pipeline.tasks.AnswerGrader;
import org.laimark.actors.pipeline.tasks.Grading;
import org.laimark.actors.sandbox.Sandbox;
import org.laimark.data.Problem;
import org.laimark.data.SandboxJob;
import org.laimark.data.Verdict;
import org.laimark.data.VerdictStatus;
import org.laimark.model.policy.Completion;

/**
 * Grades sampled answers to one problem (job ids {@code PREFIX/INDEX}, INDEX counting from {@code
 * firstIndex}): each answer becomes a sandbox job (or a failure decided without running, such as an
 * empty answer), all jobs go to the sandbox at once, and each comes back as a {@link SampleResult}.
 * The future never fails: a sandbox that throws, fails or stays silent past the deadline yields an
 * {@code infra_error} result, which the caller must not count as the program's fault.
 */
final class SampleGrader {

  /**
   * One graded sample: reward 1 or 0, what happened (a verdict status or a pre-run failure), infra.
   */
  record SampleResult(boolean passed, String outcome, boolean infraError, String detail) {}

  private SampleGrader() {}

  static CompletableFuture<List<SampleResult>> grade(
      Sandbox sandbox,
      Problem problem,
      List<Completion> completions,
      Duration deadline,
      String jobPrefix,
      int firstIndex) {
    List<CompletableFuture<SampleResult>> results = new ArrayList<>(completions.size());
    for (int i = 0; i < completions.size(); i++) {
      String text = completions.get(i).text();
      Grading grading =
          AnswerGrader.grade(problem, text == null ? "" : text, jobPrefix + "/" + (firstIndex + i));
      if (!grading.needsSandbox()) {
        String outcome = grading.failure().startsWith("empty") ? "empty_answer" : "not_a_literal";
        results.add(
            CompletableFuture.completedFuture(
                new SampleResult(false, outcome, false, grading.failure())));
      } else {
        results.add(run(sandbox, grading.job(), deadline).thenApply(SampleGrader::fromVerdict));
      }
    }
    return CompletableFuture.allOf(results.toArray(CompletableFuture[]::new))
        .thenApply(ignored -> results.stream().map(CompletableFuture::join).toList());
  }

  private static SampleResult fromVerdict(Verdict v) {
    String detail = v.errorType().isEmpty() ? v.message() : v.errorType() + ": " + v.message();
    return new SampleResult(
        v.passed(), v.status().wireName(), v.status() == VerdictStatus.INFRA_ERROR, detail);
  }

  /** The job's verdict; trouble on our side becomes an infra_error verdict. */
  static CompletableFuture<Verdict> run(Sandbox sandbox, SandboxJob job, Duration deadline) {
    CompletableFuture<Verdict> reply;
    try {
      // A copy: orTimeout must not complete the sandbox's own future.
      reply = sandbox.run(job).toCompletableFuture().copy();
    } catch (RuntimeException e) {
      reply = CompletableFuture.failedFuture(e);
    }
    return reply
        .orTimeout(deadline.toMillis(), TimeUnit.MILLISECONDS)
        .handle(
            (verdict, failure) ->
                failure == null && verdict != null
                    ? verdict
                    : Verdict.infraError(why(job, deadline, failure)));
  }

  private static String why(SandboxJob job, Duration deadline, Throwable failure) {
    Throwable cause =
        failure instanceof CompletionException && failure.getCause() != null
            ? failure.getCause()
            : failure;
    if (cause instanceof TimeoutException) {
      return String.format(
          Locale.ROOT, "no verdict for %s within %d s", job.id(), deadline.toSeconds());
    }
    return "sandbox failed on " + job.id() + ": " + cause;
  }
}
