package org.laimark.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.Done;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.japi.Pair;
import org.apache.pekko.stream.KillSwitches;
import org.apache.pekko.stream.SharedKillSwitch;
import org.apache.pekko.stream.UniqueKillSwitch;
import org.apache.pekko.stream.javadsl.Sink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.laimark.actors.bank.BankStatus;
import org.laimark.actors.bank.CurriculumBank;
import org.laimark.actors.pipeline.Trainer;

/**
 * The whole continuous graph over the SIMULATED workload, with the trainer replaced by a probe that holds
 * its first round: generation must come to a halt with a bounded number of accepted problems waiting, and
 * resume once the round is answered. Asserts on counts (the bank's journal), never on timings.
 */
class CurriculumGraphBackpressureTest {

  private static final int ACCEPTED_BUFFER = 3;
  private static final int ROUND_SIZE = 2;
  private static final int CALIBRATE_PARALLELISM = 2;
  private static final int RECORD_PARALLELISM = 2;
  private static final int DERIVED_PER_PROBLEM = 6;

  @TempDir Path dir;

  @Test
  void aStuckTrainerStopsGenerationWithBoundedBuffersAndReleasingItResumesIt() {
    try (SimulatedRunFixture f = new SimulatedRunFixture(dir.resolve("run"), Map.of(
        "laimark.pipeline.stream.accepted-buffer", ACCEPTED_BUFFER,
        "laimark.pipeline.stream.round-size", ROUND_SIZE,
        "laimark.pipeline.stream.calibrate-parallelism", CALIBRATE_PARALLELISM,
        "laimark.pipeline.stream.record-parallelism", RECORD_PARALLELISM,
        "laimark.pipeline.stream.round-max-wait", "100ms",
        "laimark.pipeline.evaluation.every-rounds", 0))) {
      TestProbe<Trainer.Command> trainer = TestProbe.create(f.system);
      PipelineWiring w = f.wiringWithTrainer(trainer.getRef());
      SharedKillSwitch stop = KillSwitches.shared("test");
      Pair<UniqueKillSwitch, CompletionStage<Done>> running =
          CurriculumGraph.build(w, stop, Sink.ignore()).run(f.system);

      Trainer.TrainRound held = trainer.expectMessageClass(Trainer.TrainRound.class, Duration.ofSeconds(30));
      BankStatus stalled = quiescent(f);

      // Accepted problems that no round has taken: the buffer, the batch being formed, and what the stages
      // after calibration hold when they stop pulling (three record stages, derive, calibrate-derived, and
      // the derived tasks of one parent). Each term is a configured number; nothing else may pile up.
      long waiting = stalled.accepted() - held.problems().size();
      long bound = ACCEPTED_BUFFER + ROUND_SIZE + 3L * RECORD_PARALLELISM + 1 + CALIBRATE_PARALLELISM
          + DERIVED_PER_PROBLEM;
      assertTrue(waiting <= bound, "accepted but untrained: " + waiting + " > bound " + bound);
      trainer.expectNoMessage(Duration.ofMillis(300)); // one round at a time: the second waits

      held.replyTo().tell(new Trainer.RoundFailed(held.round(), "released by the test"));
      trainer.expectMessageClass(Trainer.TrainRound.class, Duration.ofSeconds(30));
      BankStatus after = status(f);
      assertTrue(after.generationRequests() >= stalled.generationRequests());
      running.first().shutdown();
    }
  }


  /** Polls the bank until its journal stops growing for two seconds of polls (generation has halted). */
  private static BankStatus quiescent(SimulatedRunFixture f) {
    BankStatus last = status(f);
    int unchanged = 0;
    for (int i = 0; i < 300 && unchanged < 20; i++) {
      sleep(100);
      BankStatus now = status(f);
      unchanged = now.journalRecords() == last.journalRecords() ? unchanged + 1 : 0;
      last = now;
    }
    assertEquals(20, unchanged, "generation never halted behind the stuck trainer: " + last);
    return last;
  }

  private static BankStatus status(SimulatedRunFixture f) {
    return Session.await(AskPattern.ask(f.bank, CurriculumBank.GetStatus::new, Duration.ofSeconds(5), f.system.scheduler()));
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
