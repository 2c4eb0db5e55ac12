package org.laimark.actors.sandbox;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Scheduler;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.laimark.data.SandboxJob;
import org.laimark.data.Verdict;

/**
 * {@link Sandbox} over a running {@link SandboxPool}, for code that spawned the pool in its own
 * actor system (the pipeline). The stage never fails: an ask that times out becomes an infra_error
 * verdict.
 *
 * <p>The returned stage is a plain {@link CompletableFuture} completed on the actor system's
 * dispatcher. The stage {@link AskPattern} returns (Scala's converter) runs even non-async
 * callbacks asynchronously on {@code ForkJoinPool.commonPool()}, which on a 2-core machine has
 * parallelism 1 and therefore starts a new thread per callback: two threads per job, measured at ~1
 * ms CPU each.
 */
public final class PooledSandbox implements Sandbox {

  private final ActorRef<SandboxPool.Command> pool;
  private final Scheduler scheduler;
  private final Executor dispatcher;
  private final Duration askTimeout;

  public PooledSandbox(
      ActorRef<SandboxPool.Command> pool, ActorSystem<?> system, Duration askTimeout) {
    this.pool = pool;
    this.scheduler = system.scheduler();
    this.dispatcher = system.executionContext();
    this.askTimeout = askTimeout;
  }

  @Override
  public CompletionStage<Verdict> run(SandboxJob job) {
    CompletableFuture<Verdict> verdict = new CompletableFuture<>();
    AskPattern.<SandboxPool.Command, Verdict>ask(
            pool, replyTo -> new SandboxPool.Run(job, replyTo), askTimeout, scheduler)
        .whenCompleteAsync(
            (v, error) ->
                verdict.complete(
                    error == null
                        ? v
                        : Verdict.infraError(
                            "no verdict from the sandbox within "
                                + askTimeout.toSeconds()
                                + " s: "
                                + error.getMessage())),
            dispatcher);
    return verdict;
  }

  /** The pool's counters. */
  public CompletionStage<SandboxPool.Status> status() {
    CompletableFuture<SandboxPool.Status> status = new CompletableFuture<>();
    AskPattern.ask(pool, SandboxPool.GetStatus::new, Duration.ofSeconds(10), scheduler)
        .whenCompleteAsync(
            (s, error) -> {
              if (error == null) {
                status.complete(s);
              } else {
                status.completeExceptionally(error);
              }
            },
            dispatcher);
    return status;
  }
}
