package org.laimark.actors.eval;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.laimark.actors.sandbox.Sandbox;
import org.laimark.data.SandboxJob;
import org.laimark.data.Verdict;
import org.laimark.data.VerdictStatus;

/**
 * A SCRIPTED stand-in for the sandbox, for testing the evaluation's bookkeeping: it runs nothing, it answers
 * each job with the verdict a test script decides (asynchronously, as the real pool does). Tests of real
 * verdicts use the real sandbox and are tagged "sandbox".
 */
final class ScriptedSandbox implements Sandbox, AutoCloseable {
  private final Function<SandboxJob, Verdict> script;
  private final ExecutorService threads = Executors.newFixedThreadPool(3);
  final AtomicInteger jobs = new AtomicInteger();

  ScriptedSandbox(Function<SandboxJob, Verdict> script) {
    this.script = script;
  }

  /** Passes a job whose program contains {@code marker}, fails it with an AssertionError otherwise. */
  static ScriptedSandbox passingWhenProgramContains(String marker) {
    return new ScriptedSandbox(job -> job.program().contains(marker)
        ? verdict(VerdictStatus.PASSED, "")
        : verdict(VerdictStatus.FAILED, "AssertionError"));
  }

  static Verdict verdict(VerdictStatus status, String errorType) {
    return new Verdict(status, "", errorType, "", List.of(), 12, 10, "");
  }

  @Override
  public CompletionStage<Verdict> run(SandboxJob job) {
    jobs.incrementAndGet();
    return CompletableFuture.supplyAsync(() -> script.apply(job), threads);
  }

  @Override
  public void close() {
    threads.shutdownNow();
  }
}
