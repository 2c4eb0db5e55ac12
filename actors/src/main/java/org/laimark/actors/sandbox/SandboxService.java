package org.laimark.actors.sandbox;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.pekko.actor.typed.ActorSystem;
import org.laimark.config.SandboxSettings;
import org.laimark.data.SandboxJob;
import org.laimark.data.Verdict;

/**
 * The sandbox for command-line use, with blocking helpers: starts its own actor system holding a
 * {@link SandboxPool}, waits until a worker is ready, and shuts everything down (worker processes
 * included) on {@link #close()}.
 *
 * <pre>{@code
 * try (SandboxService sandbox = SandboxService.start(SandboxSettings.fromConfig(config))) {
 *   Verdict v = sandbox.runBlocking(SandboxJob.withTests("p1", solution, tests));
 * }
 * }</pre>
 *
 * Code that already has an actor system spawns {@link SandboxPool#create} itself and wraps it in a
 * {@link PooledSandbox} instead.
 */
public final class SandboxService implements Sandbox, AutoCloseable {

  /**
   * The sandbox logs through SLF4J itself; Pekko's own INFO lines (start, shutdown) are noise here.
   */
  private static final Config QUIET = ConfigFactory.parseString("pekko.loglevel = WARNING");

  private final ActorSystem<SandboxPool.Command> system;
  private final PooledSandbox sandbox;

  private SandboxService(ActorSystem<SandboxPool.Command> system, SandboxSettings settings) {
    this.system = system;
    this.sandbox = new PooledSandbox(system, system, settings.pool().askTimeout());
  }

  /**
   * Starts the pool and waits (up to {@code pool.start-timeout}) for its first worker.
   *
   * @throws org.laimark.config.InvalidSettingException when the isolation cannot be had (no
   *     bwrap...)
   * @throws IllegalStateException when no worker starts in time (the message says why)
   */
  public static SandboxService start(SandboxSettings settings) {
    SandboxPreflight.check(settings);
    ActorSystem<SandboxPool.Command> system =
        ActorSystem.create(
            SandboxPool.create(settings),
            "laimark-sandbox",
            QUIET.withFallback(ConfigFactory.load()));
    SandboxService service = new SandboxService(system, settings);
    long deadline = System.nanoTime() + settings.pool().startTimeout().toNanos();
    SandboxPool.Status status = service.status();
    while (status.ready() + status.busy() == 0) {
      if (System.nanoTime() > deadline) {
        service.close();
        throw new IllegalStateException(
            "no sandbox worker started within "
                + settings.pool().startTimeout().toSeconds()
                + " s: "
                + status.lastWorkerFailure());
      }
      sleep(Duration.ofMillis(20));
      status = service.status();
    }
    return service;
  }

  @Override
  public CompletionStage<Verdict> run(SandboxJob job) {
    return sandbox.run(job);
  }

  /** Runs one job and waits for its verdict (never throws for a bad program). */
  public Verdict runBlocking(SandboxJob job) {
    return run(job).toCompletableFuture().join();
  }

  /** The pool's counters, waited for. */
  public SandboxPool.Status status() {
    try {
      return sandbox.status().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("the sandbox pool does not answer: " + e, e);
    }
  }

  /** Stops the pool and its worker processes, and waits for the actor system to terminate. */
  @Override
  public void close() {
    system.terminate();
    try {
      system.getWhenTerminated().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("the sandbox did not shut down within 30 s", e);
    }
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the sandbox", e);
    }
  }
}
