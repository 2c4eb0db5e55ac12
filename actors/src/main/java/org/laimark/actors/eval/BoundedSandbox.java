package org.laimark.actors.eval;

import static java.util.concurrent.CompletableFuture.completedFuture;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.laimark.actors.sandbox.Sandbox;
import org.laimark.data.SandboxJob;
import org.laimark.data.Verdict;
import org.laimark.data.VerdictStatus;

/**
 * Feeds a {@link Sandbox} from one submitting thread with at most {@code parallelism} jobs in flight, so a
 * 100 000-sample evaluation never floods the pool's mailbox. Every job gets an explicit deadline: a reply
 * that has not come by then, or a sandbox that fails instead of replying, becomes an
 * {@link Verdict#infraError infrastructure-error} verdict (never a judgement of the program). A wall-clock
 * {@code timeout} is retried once: on a loaded machine a job can be starved of CPU past its wall deadline
 * (measured here: a 4.4 s-CPU MBPP reference ran out of a 22.5 s wall limit at load average 25), while a
 * program that sleeps or blocks times out twice. CPU-limit verdicts are final: CPU time does not depend on
 * load.
 */
final class BoundedSandbox {
  private final Sandbox sandbox;
  private final Semaphore inFlight;
  private final Duration deadline;
  private final List<CompletableFuture<Void>> handled = new ArrayList<>();

  BoundedSandbox(Sandbox sandbox, int parallelism, Duration deadline) {
    this.sandbox = sandbox;
    this.inFlight = new Semaphore(parallelism);
    this.deadline = deadline;
  }

  /**
   * Blocks while the pool is full, then submits; {@code onVerdict} runs once with the verdict (on a sandbox
   * thread). An exception it throws resurfaces from {@link #awaitAll()}.
   */
  void submit(SandboxJob job, Consumer<Verdict> onVerdict) throws InterruptedException {
    inFlight.acquire();
    CompletableFuture<Void> done =
        attempt(job)
            .thenCompose(v -> v.status() == VerdictStatus.TIMEOUT ? attempt(job) : completedFuture(v))
            .whenComplete((v, ignored) -> inFlight.release())
            .thenAccept(onVerdict);
    synchronized (handled) {
      handled.add(done);
    }
  }

  /** Waits until every submitted job's verdict has been handled; rethrows a handler's failure. */
  void awaitAll() {
    List<CompletableFuture<Void>> all;
    synchronized (handled) {
      all = new ArrayList<>(handled);
      handled.clear();
    }
    try {
      CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException) {
        throw (RuntimeException) e.getCause();
      }
      throw e;
    }
  }

  private CompletableFuture<Verdict> attempt(SandboxJob job) {
    CompletableFuture<Verdict> reply;
    try {
      reply = sandbox.run(job).toCompletableFuture().copy();
    } catch (RuntimeException e) {
      reply = CompletableFuture.failedFuture(e);
    }
    return reply
        .orTimeout(deadline.toMillis(), TimeUnit.MILLISECONDS)
        .handle((v, failure) -> failure == null ? v : infraError(job, failure));
  }

  private Verdict infraError(SandboxJob job, Throwable failure) {
    Throwable cause = failure instanceof CompletionException && failure.getCause() != null
        ? failure.getCause() : failure;
    String why =
        cause instanceof TimeoutException
            ? "no reply from the sandbox within " + deadline.toSeconds() + " s"
            : "sandbox failed: " + cause;
    return Verdict.infraError(job.id() + ": " + why);
  }
}
