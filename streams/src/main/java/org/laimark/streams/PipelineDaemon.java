package org.laimark.streams;

import com.typesafe.config.Config;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.stream.KillSwitches;
import org.apache.pekko.stream.SharedKillSwitch;
import org.laimark.actors.bank.BankState;
import org.laimark.actors.bank.BankStatus;
import org.laimark.actors.bank.JournalCodec;
import org.laimark.actors.bank.BankStore;
import org.laimark.actors.bank.CurriculumBank;
import org.laimark.actors.bank.ProblemHistory;
import org.laimark.actors.pipeline.Deduplicator;
import org.laimark.actors.pipeline.ModelAccess;
import org.laimark.actors.pipeline.PipelineStages;
import org.laimark.config.JournalSettings;
import org.laimark.config.RunSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one session of a run as a daemon: opens the durable bank (recovering it), restores the policy from
 * the last published checkpoint, abandons on record what a dead process left in flight, runs the graph
 * (continuous or staged), shows progress, and on SIGTERM/Ctrl-C, {@code max-duration} or
 * {@code max-rounds} stops the proposals, lets in-flight work drain for up to {@code drain-timeout},
 * evaluates the final version ({@link EndOfRunEvaluation}, also after a timed-out drain), then ends the
 * session on record and exits 0. {@code System.exit} stays in {@code main}.
 */
public final class PipelineDaemon {

  private static final Logger log = LoggerFactory.getLogger(PipelineDaemon.class);

  private PipelineDaemon() {}

  public static int run(RunConfiguration rc) {
    Config config = rc.config();
    RunSettings runSettings = RunSettings.fromConfig(config);
    JournalSettings journal = JournalSettings.fromConfig(config);
    BankStore store = BankStore.open(rc.run(), journal.snapshotEvery(), journal.fsync());
    BankState recovered = store.state(); // read before the bank actor owns the store
    String checkpoint = recovered.latestCheckpoint();
    Workload workload;
    try {
      workload = Workload.from(config);
    } catch (RuntimeException e) {
      store.close(); // nothing was recorded: release the run lock for the next attempt
      throw e;
    }
    ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), "laimark", config);
    try {
      ActorRef<CurriculumBank.Command> bank = system.systemActorOf(
          CurriculumBank.create(store), "curriculum-bank", DispatcherSelector.blocking());
      Session session = Session.open(system, rc, workload, recovered, bank);
      log.info("run {} session {} ({}, {} mode): {} problems in the bank, policy v{}{}", rc.run().root(),
          session.opened().session(), workload.policy().description(), runSettings.mode(),
          session.opened().status().active(), session.opened().status().policyVersion(),
          session.opened().abandoned().isEmpty() ? ""
              : ", abandoned " + session.opened().abandoned().size() + " in-flight problems of the last session");
      prepare(system, session, recovered);
      return runGraph(system, rc, runSettings, session, checkpoint);
    } finally {
      system.terminate();
      awaitQuietly(system.getWhenTerminated(), Duration.ofSeconds(30));
      workload.close(); // after the actors; a generation still running on the model-access dispatcher is
      // stopped at its next token and waited for (DjlPolicy.close), never freed under it
    }
  }

  /**
   * Before the first round of a run: saves the starting policy's checkpoint (a rollback may return to it)
   * and, with {@code evaluation.at-start}, evaluates the starting policy (the run's baseline) unless the
   * journal already holds an evaluation (a resumed run).
   */
  static void prepare(ActorSystem<Void> system, Session session, BankState recovered) {
    TrainingStages t = session.wiring().trainingStages();
    if (recovered.latestCheckpoint() == null) {
      ModelAccess.PolicyInfo policy = Session.await(AskPattern.ask(session.stages().modelAccess(),
          ModelAccess.GetPolicyInfo::new, Duration.ofMinutes(1), system.scheduler()));
      Session.await(t.saveStartingCheckpoint(session.stages().modelAccess(), policy.version()));
    }
    if (session.schedule().evaluateAtStart() && recovered.evaluations().isEmpty()) {
      Session.await(t.evaluateNow(session.bank(), session.stages().evaluator(), session.stages().modelAccess()));
    }
  }

  private static int runGraph(ActorSystem<Void> system, RunConfiguration rc, RunSettings settings,
      Session session, String checkpoint) {
    SharedKillSwitch stop = KillSwitches.shared("graceful-stop");
    AtomicBoolean stopping = new AtomicBoolean();
    Runnable gracefulStop = () -> {
      if (stopping.compareAndSet(false, true)) {
        session.wiring().trainingStages().stopRounds(); // no new round starts; accepted problems stay banked
        stop.shutdown();
      }
    };
    ShutdownSignals.onStop(gracefulStop);
    if (!settings.maxDuration().isZero()) {
      system.scheduler().scheduleOnce(settings.maxDuration(), gracefulStop, system.executionContext());
    }
    ProgressDisplay progress = ProgressDisplay.start(system, session.bank(), settings, session.simulated());
    PipelineRun running = settings.continuous()
        ? ContinuousRun.start(system, session, stop, gracefulStop, settings.maxRounds())
        : StagedRun.start(system, session, stop, settings.maxRounds(), settings.simulated() ? OptionalInt.empty()
            : OptionalInt.of(DjlRunSettings.fromConfig(rc.config()).scheduleSteps()));
    boolean drained;
    try {
      drained = await(running, stopping, settings.drainTimeout());
    } catch (RuntimeException e) {
      if (session.schedule().evaluateAtEnd()) {
        log.warn("no end evaluation: the run failed ({})", e.getMessage());
      }
      throw e;
    }
    // Drained or not: a timed-out drain abandons in-flight problems, not the version the run ends with.
    EndOfRunEvaluation.run(system, session, settings.drainTimeout());
    progress.stop();
    String reason = !drained ? "drain timed out" : stopping.get() ? "stopped" : "finished";
    awaitQuietly(AskPattern.<CurriculumBank.Command, Done>ask(session.bank(), r -> new CurriculumBank.CloseSession(reason, r),
        Duration.ofMinutes(1), system.scheduler()), Duration.ofMinutes(1));
    progress.printFinal(BankStatus.of(BankStore.recover(rc.run(), new JournalCodec())));
    log.info("run {} session {} ended: {}", rc.run().root(), session.opened().session(), reason);
    return 0;
  }

  /** Waits for the graph; once a stop was requested, gives it {@code drainTimeout} before aborting. */
  private static boolean await(PipelineRun running, AtomicBoolean stopping, Duration drainTimeout) {
    CompletableFuture<Done> done = running.done().toCompletableFuture();
    while (!done.isDone() && !stopping.get()) {
      awaitQuietly(done, Duration.ofMillis(200));
    }
    try {
      done.get(drainTimeout.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (TimeoutException e) {
      running.abort().run();
      awaitQuietly(done, Duration.ofSeconds(10));
      return false;
    } catch (Exception e) {
      throw new IllegalStateException("the pipeline failed: " + rootMessage(e), e);
    }
  }

  static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return t.toString();
  }

  static void awaitQuietly(CompletionStage<?> stage, Duration timeout) {
    try {
      stage.toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      // the caller checks the state it cares about
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
