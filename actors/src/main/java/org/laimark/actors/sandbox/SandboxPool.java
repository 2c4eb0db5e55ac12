package org.laimark.actors.sandbox;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.apache.pekko.actor.typed.PostStop;
import org.apache.pekko.actor.typed.SupervisorStrategy;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;
import org.laimark.config.SandboxSettings;
import org.laimark.data.SandboxJob;
import org.laimark.data.Verdict;

/**
 * The sandbox pool: queues jobs (bounded; a full queue answers infra_error at once), hands each to
 * an idle worker, and answers every job exactly once. Workers are its children, restarted with
 * back-off when their process dies or hangs; a job that was running on a dying worker is retried
 * once and then answered sandbox_violation, a job whose worker died before it started is simply
 * queued again. Keeps the split cache. Does not itself confine anything (see {@link
 * SandboxWorker}).
 */
public final class SandboxPool extends AbstractBehavior<SandboxPool.Command> {

  /** The pool's protocol. */
  public sealed interface Command {}

  /** Judge one job; exactly one verdict goes to {@code replyTo}. */
  public record Run(SandboxJob job, ActorRef<Verdict> replyTo) implements Command {}

  /** Ask for the pool's counters. */
  public record GetStatus(ActorRef<Status> replyTo) implements Command {}

  /** The pool's counters. */
  public record Status(
      int workers,
      int firstUid,
      int ready,
      int busy,
      int queued,
      long answered,
      long workerRestarts,
      String lastWorkerFailure) {}

  record WorkerReady(int index, ActorRef<SandboxWorker.Command> worker, long serverPid)
      implements Command {}

  record WorkerStartFailed(int index, String reason) implements Command {}

  record JobDone(int index, long ticket, Verdict verdict, TestSplit freshSplit, boolean restarting)
      implements Command {}

  record JobLost(int index, long ticket, String reason, boolean blameJob) implements Command {}

  record WorkerDied(int index, String reason) implements Command {}

  private record JobOverdue(long ticket) implements Command {}

  private enum Tick implements Command {
    INSTANCE
  }

  private final SandboxSettings settings;
  private final WorkerResources resources;
  private final UidLease uids;
  private final ActorRef<PoolEvent> events;
  private final TimerScheduler<Command> timers;
  private final Map<Integer, ActorRef<SandboxWorker.Command>> workers = new HashMap<>();
  private final Map<Integer, ActorRef<SandboxWorker.Command>> idle = new HashMap<>();
  private final Map<Integer, Long> busy = new HashMap<>();
  private final JobLedger jobs;
  private final SplitCache splits;
  private final RestartMonitor restarts;
  private long lastAliveNanos = System.nanoTime();
  private String lastWorkerFailure = "";

  /** The pool with no observer. */
  public static Behavior<Command> create(SandboxSettings settings) {
    return create(settings, null);
  }

  /** The pool; {@code events} (may be null) is told about restarts and retries. */
  public static Behavior<Command> create(SandboxSettings settings, ActorRef<PoolEvent> events) {
    return Behaviors.setup(
        ctx -> {
          UidLease uids;
          try {
            SandboxPreflight.check(settings);
            uids = UidLease.acquire(settings.pool().firstUid(), settings.pool().workers());
          } catch (RuntimeException refused) {
            ctx.getLog().error("sandbox refuses to run code: {}", refused.getMessage());
            return refusing(refused.getMessage());
          }
          return Behaviors.withTimers(
              timers -> new SandboxPool(ctx, timers, settings, uids, events));
        });
  }

  /** Answers every job infra_error with the reason the sandbox cannot run. */
  private static Behavior<Command> refusing(String reason) {
    return Behaviors.receive(Command.class)
        .onMessage(
            Run.class,
            r -> {
              r.replyTo().tell(Verdict.infraError(reason));
              return Behaviors.same();
            })
        .onMessage(
            GetStatus.class,
            g -> {
              g.replyTo().tell(new Status(0, 0, 0, 0, 0, 0, 0, reason));
              return Behaviors.same();
            })
        .build();
  }

  private SandboxPool(
      ActorContext<Command> ctx,
      TimerScheduler<Command> timers,
      SandboxSettings settings,
      UidLease uids,
      ActorRef<PoolEvent> events) {
    super(ctx);
    this.settings = settings;
    this.uids = uids;
    this.timers = timers;
    this.events = events;
    this.resources = WorkerResources.extract();
    this.jobs = new JobLedger(settings.pool().queueCapacity());
    this.splits = new SplitCache(settings.pool().splitCacheEntries());
    this.restarts = new RestartMonitor(settings.pool().restartWarnPerMinute(), ctx.getLog());
    SandboxSettings.Pool p = settings.pool();
    SupervisorStrategy backoff =
        SupervisorStrategy.restartWithBackoff(p.restartMinBackoff(), p.restartMaxBackoff(), 0.2)
            .withResetBackoffAfter(p.restartResetAfter())
            .withLoggingEnabled(false); // RestartMonitor logs each restart with its reason
    for (int i = 0; i < p.workers(); i++) {
      workers.put(
          i,
          ctx.spawn(
              Behaviors.supervise(
                      SandboxWorker.create(
                          settings, i, uids.firstUid() + i, resources, ctx.getSelf()))
                  .onFailure(backoff),
              "worker-" + i,
              DispatcherSelector.blocking()));
    }
    timers.startTimerWithFixedDelay(Tick.INSTANCE, Duration.ofSeconds(1));
    if (settings.isolation() == SandboxSettings.Isolation.NONE) {
      ctx.getLog()
          .warn(
              "sandbox isolation is OFF (laimark.sandbox.isolation = none): model-written"
                  + " code runs with this user's files, network and environment");
    }
  }

  @Override
  public Receive<Command> createReceive() {
    return newReceiveBuilder()
        .onMessage(Run.class, this::onRun)
        .onMessage(GetStatus.class, this::onGetStatus)
        .onMessage(WorkerReady.class, this::onWorkerReady)
        .onMessage(WorkerStartFailed.class, this::onWorkerStartFailed)
        .onMessage(JobDone.class, this::onJobDone)
        .onMessage(JobLost.class, this::onJobLost)
        .onMessage(WorkerDied.class, this::onWorkerDied)
        .onMessage(JobOverdue.class, this::onJobOverdue)
        .onMessage(Tick.class, t -> onTick())
        .onSignal(PostStop.class, s -> onPostStop())
        .build();
  }

  private Behavior<Command> onRun(Run r) {
    if (settings.isolation() == SandboxSettings.Isolation.NONE) {
      getContext()
          .getLog()
          .warn("sandbox isolation is OFF: job '{}' runs UNISOLATED", r.job().id());
    }
    jobs.offer(r.job(), r.replyTo());
    dispatch();
    return this;
  }

  private Behavior<Command> onGetStatus(GetStatus g) {
    g.replyTo()
        .tell(
            new Status(
                settings.pool().workers(),
                uids.firstUid(),
                idle.size(),
                busy.size(),
                jobs.queued(),
                jobs.answered(),
                restarts.total(),
                lastWorkerFailure));
    return this;
  }

  private Behavior<Command> onWorkerReady(WorkerReady r) {
    Long lostTicket = busy.remove(r.index());
    if (lostTicket != null) { // restarted without reporting its job: not the job's fault
      requeue(lostTicket, false, "worker " + r.index() + " restarted");
    }
    idle.put(r.index(), r.worker());
    lastAliveNanos = System.nanoTime();
    emit(new PoolEvent.WorkerStarted(r.index(), r.serverPid(), System.nanoTime()));
    dispatch();
    return this;
  }

  private Behavior<Command> onWorkerStartFailed(WorkerStartFailed f) {
    lastWorkerFailure = f.reason();
    restarts.record("worker " + f.index() + " failed to start: " + f.reason());
    emit(new PoolEvent.WorkerLost(f.index(), f.reason(), false));
    return this;
  }

  private Behavior<Command> onJobDone(JobDone d) {
    busy.remove(d.index());
    timers.cancel(d.ticket());
    JobLedger.Pending p = jobs.finish(d.ticket(), d.verdict());
    if (p != null && d.freshSplit() != null) {
      splits.put(p.job().tests(), d.freshSplit());
    }
    if (!d.restarting()) {
      idle.put(d.index(), workers.get(d.index()));
    }
    dispatch();
    return this;
  }

  private Behavior<Command> onJobLost(JobLost l) {
    busy.remove(l.index());
    idle.remove(l.index());
    lastWorkerFailure = l.reason();
    restarts.record("worker " + l.index() + " lost: " + l.reason());
    emit(new PoolEvent.WorkerLost(l.index(), l.reason(), l.blameJob()));
    requeue(l.ticket(), l.blameJob(), l.reason());
    dispatch();
    return this;
  }

  private Behavior<Command> onWorkerDied(WorkerDied d) {
    idle.remove(d.index());
    Long lostTicket = busy.remove(d.index());
    lastWorkerFailure = d.reason();
    restarts.record(d.reason());
    emit(new PoolEvent.WorkerLost(d.index(), d.reason(), false));
    if (lostTicket != null) {
      requeue(lostTicket, false, d.reason());
    }
    dispatch();
    return this;
  }

  private Behavior<Command> onJobOverdue(JobOverdue o) {
    busy.values().removeIf(t -> t == o.ticket());
    requeue(o.ticket(), false, "no answer from its worker in time");
    dispatch();
    return this;
  }

  private Behavior<Command> onTick() {
    if (!idle.isEmpty() || !busy.isEmpty()) {
      lastAliveNanos = System.nanoTime();
    } else if (jobs.hasQueued()
        && System.nanoTime() - lastAliveNanos > settings.pool().startTimeout().toNanos()) {
      String reason =
          "no sandbox worker has been running for "
              + settings.pool().startTimeout().toSeconds()
              + " s: "
              + lastWorkerFailure;
      getContext().getLog().error(reason);
      jobs.failQueued(Verdict.infraError(reason));
    }
    return this;
  }

  private Behavior<Command> onPostStop() {
    jobs.failAll(Verdict.infraError("the sandbox pool stopped"));
    resources.close();
    uids.close();
    return this;
  }

  /** A job whose worker is gone is queued again (or failed by the ledger). */
  private void requeue(long ticket, boolean blameJob, String reason) {
    timers.cancel(ticket);
    JobLedger.Pending p = jobs.inFlight(ticket);
    if (jobs.lost(ticket, blameJob, reason)) {
      emit(new PoolEvent.JobRetried(ticket, p.job().id()));
    }
  }

  private void dispatch() {
    while (jobs.hasQueued() && !idle.isEmpty()) {
      int index = idle.keySet().iterator().next();
      ActorRef<SandboxWorker.Command> worker = idle.remove(index);
      JobLedger.Pending p = jobs.start();
      busy.put(index, p.ticket());
      TestSplit split = p.job().tests().isBlank() ? null : splits.get(p.job().tests());
      worker.tell(new SandboxWorker.Execute(p.ticket(), p.job(), split));
      timers.startSingleTimer(p.ticket(), new JobOverdue(p.ticket()), overdueAfter(p.job()));
    }
  }

  /**
   * Far beyond any legitimate exchange: only a worker that lost a job without saying so hits it.
   */
  private Duration overdueAfter(SandboxJob job) {
    SandboxSettings.Limits l = settings.limits();
    Duration wall =
        l.wall().plus(job.options().cpuLimit() == null ? Duration.ZERO : job.options().cpuLimit());
    return wall.multipliedBy(2)
        .plus(l.helperWall().multipliedBy(3))
        .plus(l.watchdogGrace().multipliedBy(4))
        .plusSeconds(10);
  }

  private void emit(PoolEvent event) {
    if (events != null) {
      events.tell(event);
    }
  }
}
