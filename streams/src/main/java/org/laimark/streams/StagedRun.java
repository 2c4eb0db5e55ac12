package org.laimark.streams;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.stream.SharedKillSwitch;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;
import org.laimark.config.ScheduleSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The study's way, for comparison and reproduction: each stage runs over the whole batch before the next
 * starts — generate N, verify all, dedup all, calibrate all against the current policy, train
 * {@code epochs} passes over the kept problems, evaluate — reusing the continuous graph's stage flows.
 * A stop request ends the stage in progress after its in-flight work and skips the rest.
 */
final class StagedRun {

  private static final Logger log = LoggerFactory.getLogger(StagedRun.class);

  private final ActorSystem<Void> system;
  private final Session session;
  private final SharedKillSwitch stop;
  private final long maxRounds;
  private final OptionalInt scheduleSteps;
  private volatile boolean stopped;
  private long published;

  private StagedRun(ActorSystem<Void> system, Session session, SharedKillSwitch stop, long maxRounds,
      OptionalInt scheduleSteps) {
    this.system = system;
    this.session = session;
    this.stop = stop;
    this.maxRounds = maxRounds;
    this.scheduleSteps = scheduleSteps;
  }

  /** {@code scheduleSteps}: the model's {@code run.schedule-steps}, or empty for a policy without a schedule. */
  static PipelineRun start(ActorSystem<Void> system, Session session, SharedKillSwitch stop, long maxRounds,
      OptionalInt scheduleSteps) {
    StagedRun run = new StagedRun(system, session, stop, maxRounds, scheduleSteps);
    CompletionStage<Done> done = CompletableFuture.supplyAsync(run::runAllRounds);
    return new PipelineRun(done, () -> run.stopped = true);
  }

  private Done runAllRounds() {
    ScheduleSettings schedule = session.schedule();
    for (int round = 0; round < schedule.stagedRounds() && !stopped(); round++) {
      runOneRound(schedule);
    }
    return Done.getInstance();
  }

  private void runOneRound(ScheduleSettings schedule) {
    PipelineWiring w = session.wiring();
    ProblemStages p = w.problemStages();
    long from = Session.await(w.resumePoint().runWith(Sink.head(), system));
    List<Candidate> written = stage(w.candidates(from, schedule.stagedProblems(), stop));
    List<Candidate> verified = stage(Source.from(written).via(p.verify(w.stages().verifier())).via(p.record(w.bank())));
    List<Candidate> unique = stage(Source.from(verified).via(p.dedup(w.stages().deduplicator())).via(p.record(w.bank())));
    List<Candidate> kept = stage(Source.from(unique).via(p.calibrate(w.stages().calibrator())).via(p.record(w.bank()))
        .via(p.derive(w.bank(), w.deriver())).via(p.record(w.bank()))
        .via(p.calibrateDerived(w.stages().calibrator())).via(p.record(w.bank())));
    long stepsTaken = session.opened().status().policyVersion() + published;
    scheduleSteps.ifPresent(steps -> new StagedSteps(kept.size(), schedule.stagedEpochs(), w.stream().roundSize(),
        stepsTaken, steps).warning().ifPresent(log::warn));
    for (int epoch = 0; epoch < schedule.stagedEpochs() && !stopped(); epoch++) {
      List<TrainingStages.RoundDone> rounds = stage(Source.from(kept).grouped(w.stream().roundSize())
          .via(w.trainingStages().trainAndPublish(w.bank(), w.stages().trainer(), w.stages().modelAccess())));
      published += rounds.stream().filter(TrainingStages.RoundDone::published).count();
    }
    if (!stopped() && schedule.evaluateEveryRounds() > 0) {
      untilDone(w.trainingStages().evaluateNow(w.bank(), w.stages().evaluator(), w.stages().modelAccess()));
    }
  }

  private boolean stopped() {
    return stopped || (maxRounds > 0 && published >= maxRounds);
  }

  /** Runs one stage to completion (every element through it) and returns what came out. */
  private <T> List<T> stage(Source<T, ?> source) {
    if (stopped()) {
      return List.of();
    }
    return new ArrayList<>(untilDone(source.via(stop.flow()).runWith(Sink.seq(), system)));
  }

  /**
   * Waits for a stage without a deadline: writing the study's 1000 problems takes hours on a CPU, and a
   * stage is ended by the kill switch (max-duration, SIGTERM), not by a timeout. (It used the session's
   * 10-minute setup deadline, which failed every staged run whose first stage was longer.)
   */
  private static <T> T untilDone(CompletionStage<T> stage) {
    try {
      return stage.toCompletableFuture().join();
    } catch (CompletionException e) {
      throw new IllegalStateException("a staged run's stage failed: " + PipelineDaemon.rootMessage(e), e);
    }
  }
}
