package org.laimark.actors.sandbox;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.apache.pekko.actor.typed.PostStop;
import org.apache.pekko.actor.typed.PreRestart;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;
import org.laimark.config.SandboxSettings;
import org.laimark.data.SandboxJob;
import org.laimark.data.Verdict;

/**
 * One sandbox worker: owns one worker server process (bubblewrap + Python) and runs one job at a
 * time. The blocking exchange with the process runs as a future on Pekko's blocking dispatcher, so
 * this actor stays free to fire its watchdog: a request unanswered by its deadline + watchdog-grace
 * gets the process tree killed, which fails the exchange. When the process dies or hangs, the
 * worker reports the job to the pool (which retries or fails it) and then throws, so the pool's
 * supervision restarts it with back-off. Confinement itself is bubblewrap's and the server's; this
 * actor only supervises.
 */
public final class SandboxWorker extends AbstractBehavior<SandboxWorker.Command> {

  /** The worker's protocol. */
  public sealed interface Command {}

  /** Run one job; {@code split} is the cached split of its tests, or null. */
  record Execute(long ticket, SandboxJob job, TestSplit split) implements Command {}

  private record Pinged(long serverPid) implements Command {}

  private record StartFailed(String reason) implements Command {}

  private record RequestStarted(long ticket, Duration deadline) implements Command {}

  private record Finished(long ticket, JobExecution.Outcome outcome) implements Command {}

  private record ExchangeFailed(long ticket, Throwable cause) implements Command {}

  private record WatchdogFired(long ticket) implements Command {}

  /**
   * The process {@code pid} exited (after recycling, possibly a previous process of this worker).
   */
  private record ProcessExited(long pid) implements Command {}

  /** Thrown to have the pool's supervision restart this worker with back-off. */
  static final class WorkerFailure extends RuntimeException {
    WorkerFailure(String message) {
      super(message);
    }
  }

  /** The idle-ping before a job failed: the worker died while idle, the job is not to blame. */
  private static final class WorkerUnhealthy extends IOException {
    WorkerUnhealthy(IOException cause) {
      super("worker was dead before the job started: " + cause.getMessage(), cause);
    }
  }

  private static final long STARTING = -1;
  private static final long IDLE = -2;
  private static final String WATCHDOG = "watchdog";

  private final SandboxSettings settings;
  private final int index;
  private final int uid;
  private final WorkerResources resources;
  private final ActorRef<SandboxPool.Command> pool;
  private final TimerScheduler<Command> timers;
  private final Executor blocking;
  private final WorkerProcess process;
  private long current = STARTING;
  private int jobsDone;
  private long lastActiveNanos = System.nanoTime();
  private String watchdogReason = "";

  /** Worker {@code index}, whose jobs run as {@code uid}, reporting to {@code pool}. */
  static Behavior<Command> create(
      SandboxSettings settings,
      int index,
      int uid,
      WorkerResources resources,
      ActorRef<SandboxPool.Command> pool) {
    return Behaviors.setup(
        ctx ->
            Behaviors.withTimers(
                timers -> new SandboxWorker(ctx, timers, settings, index, uid, resources, pool)));
  }

  private SandboxWorker(
      ActorContext<Command> ctx,
      TimerScheduler<Command> timers,
      SandboxSettings settings,
      int index,
      int uid,
      WorkerResources resources,
      ActorRef<SandboxPool.Command> pool) {
    super(ctx);
    this.settings = settings;
    this.index = index;
    this.uid = uid;
    this.resources = resources;
    this.pool = pool;
    this.timers = timers;
    this.blocking = ctx.getSystem().dispatchers().lookup(DispatcherSelector.blocking());
    try {
      this.process = WorkerProcess.launch(settings, index, uid, resources);
    } catch (IOException e) {
      pool.tell(new SandboxPool.WorkerStartFailed(index, e.getMessage()));
      throw new WorkerFailure("worker " + index + " could not be launched: " + e.getMessage());
    }
    armWatchdog(STARTING, settings.limits().helperWall());
    ctx.pipeToSelf(
        CompletableFuture.supplyAsync(this::handshake, blocking),
        (pid, error) -> error == null ? new Pinged(pid) : new StartFailed(reason(error)));
    // An idle worker has no request in flight to notice its process dying: watch the exit instead.
    ctx.pipeToSelf(process.exitFuture(), (p, error) -> new ProcessExited(process.handle().pid()));
  }

  @Override
  public Receive<Command> createReceive() {
    return newReceiveBuilder()
        .onMessage(Pinged.class, this::onPinged)
        .onMessage(StartFailed.class, this::onStartFailed)
        .onMessage(Execute.class, this::onExecute)
        .onMessage(RequestStarted.class, this::onRequestStarted)
        .onMessage(Finished.class, this::onFinished)
        .onMessage(ExchangeFailed.class, this::onExchangeFailed)
        .onMessage(WatchdogFired.class, this::onWatchdogFired)
        .onMessage(ProcessExited.class, this::onProcessExited)
        .onSignal(PreRestart.class, signal -> stopProcess())
        .onSignal(PostStop.class, signal -> stopProcess())
        .build();
  }

  private Behavior<Command> onPinged(Pinged p) {
    timers.cancel(WATCHDOG);
    current = IDLE;
    lastActiveNanos = System.nanoTime();
    pool.tell(new SandboxPool.WorkerReady(index, getContext().getSelf(), p.serverPid()));
    return this;
  }

  private Behavior<Command> onStartFailed(StartFailed f) {
    process.kill();
    pool.tell(new SandboxPool.WorkerStartFailed(index, f.reason() + watchdogReason));
    throw new WorkerFailure("worker " + index + " failed its start ping: " + f.reason());
  }

  private Behavior<Command> onExecute(Execute e) {
    if (current != IDLE) {
      pool.tell(new SandboxPool.JobLost(index, e.ticket(), "worker was not idle", false));
      return this;
    }
    current = e.ticket();
    boolean pingFirst =
        System.nanoTime() - lastActiveNanos > settings.pool().idlePingAfter().toNanos();
    ActorRef<Command> self = getContext().getSelf();
    JobExecution exchange =
        new JobExecution(
            process, settings, deadline -> self.tell(new RequestStarted(e.ticket(), deadline)));
    armWatchdog(e.ticket(), exchange.firstRequestDeadline(e.job(), e.split(), pingFirst));
    getContext()
        .pipeToSelf(
            CompletableFuture.supplyAsync(() -> run(exchange, pingFirst, e), blocking),
            (outcome, error) ->
                error == null
                    ? new Finished(e.ticket(), outcome)
                    : new ExchangeFailed(
                        e.ticket(),
                        error instanceof CompletionException ? error.getCause() : error));
    return this;
  }

  private Behavior<Command> onRequestStarted(RequestStarted r) {
    if (r.ticket() == current) {
      armWatchdog(current, r.deadline());
    }
    return this;
  }

  private Behavior<Command> onFinished(Finished f) {
    if (f.ticket() != current) {
      return this;
    }
    timers.cancel(WATCHDOG);
    current = IDLE;
    lastActiveNanos = System.nanoTime();
    boolean recycle = ++jobsDone >= settings.pool().recycleAfterJobs();
    pool.tell(
        new SandboxPool.JobDone(
            index, f.ticket(), f.outcome().verdict(), f.outcome().freshSplit(), recycle));
    if (recycle) {
      getContext().getLog().info("sandbox worker {} recycled after {} jobs", index, jobsDone);
      process.kill();
      return create(settings, index, uid, resources, pool);
    }
    return this;
  }

  private Behavior<Command> onExchangeFailed(ExchangeFailed f) {
    timers.cancel(WATCHDOG);
    process.kill();
    String reason = watchdogReason.isEmpty() ? reason(f.cause()) : watchdogReason;
    if (f.cause() instanceof IOException) {
      boolean blameJob = !(f.cause() instanceof WorkerUnhealthy);
      pool.tell(new SandboxPool.JobLost(index, f.ticket(), reason, blameJob));
    } else {
      // Our own bug, not the program's: answer infra_error rather than blame or retry the job.
      getContext()
          .getLog()
          .error("sandbox worker {} failed on job {}", index, f.ticket(), f.cause());
      pool.tell(
          new SandboxPool.JobDone(
              index, f.ticket(), Verdict.infraError("sandbox error: " + reason), null, true));
    }
    throw new WorkerFailure("worker " + index + " lost: " + reason);
  }

  private Behavior<Command> onWatchdogFired(WatchdogFired w) {
    if (w.ticket() == current) {
      watchdogReason =
          "worker "
              + index
              + " hung (no answer within its deadline + "
              + settings.limits().watchdogGrace().toMillis()
              + " ms); its process tree was killed";
      getContext().getLog().warn(watchdogReason);
      process.kill();
    }
    return this;
  }

  private Behavior<Command> onProcessExited(ProcessExited e) {
    if (current != IDLE || e.pid() != process.handle().pid()) {
      return this; // a start or a job in flight fails on its own and is handled there
    }
    String reason = "worker " + index + " process exited while idle" + process.stderrSummary();
    pool.tell(new SandboxPool.WorkerDied(index, reason));
    throw new WorkerFailure(reason);
  }

  private void armWatchdog(long ticket, Duration requestDeadline) {
    timers.startSingleTimer(
        WATCHDOG,
        new WatchdogFired(ticket),
        requestDeadline.plus(settings.limits().watchdogGrace()));
  }

  private long handshake() {
    try {
      return process.handshake(settings);
    } catch (IOException e) {
      throw new CompletionException(e);
    }
  }

  private static JobExecution.Outcome run(JobExecution exchange, boolean pingFirst, Execute e) {
    try {
      if (!exchange.workerAlive()) {
        throw new WorkerUnhealthy(new IOException("its process had already exited"));
      }
      if (pingFirst) {
        try {
          exchange.ping();
        } catch (IOException dead) {
          throw new WorkerUnhealthy(dead);
        }
      }
      return exchange.execute(e.job(), e.split());
    } catch (IOException io) {
      throw new CompletionException(io);
    }
  }

  private Behavior<Command> stopProcess() {
    process.kill();
    return this;
  }

  private static String reason(Throwable t) {
    Throwable cause = t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
    return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
  }
}
