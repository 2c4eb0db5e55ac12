package org.laimark.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.Done;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.laimark.actors.bank.BankEvent;
import org.laimark.actors.bank.BankStatus;
import org.laimark.actors.bank.CurriculumBank;
import org.laimark.actors.bank.JournalAudit;
import org.laimark.actors.bank.RunDirectory;
import org.laimark.actors.pipeline.Trainer;

/**
 * The end-of-run evaluation over the SIMULATED workload and the real actors, with the trainer replaced by
 * a probe so a round can be held in flight, as when a drain times out in the middle of a round.
 */
class EndOfRunEvaluationTest {

  @TempDir Path dir;

  @Test
  void aRoundStillRunningLeavesTheFinalVersionUnknownThenItsVersionIsEvaluatedOnce() throws Exception {
    Path runDir = dir.resolve("run");
    try (SimulatedRunFixture f = new SimulatedRunFixture(runDir, Map.of(
        "laimark.pipeline.evaluation.at-start", false,
        "laimark.pipeline.evaluation.at-end", true,
        "laimark.pipeline.evaluation.every-rounds", 0))) {
      TestProbe<Trainer.Command> trainer = TestProbe.create(f.system);
      TrainingStages t = f.session.wiring().trainingStages();
      // A fresh candidate the bank does not hold: the round reaches the trainer (probe) with no problems.
      // (An empty batch would be a replay round, which an empty bank does not start.)
      CompletionStage<List<TrainingStages.RoundDone>> rounds =
          Source.single(List.of(Candidate.registered("p-not-banked", null)))
          .via(t.trainAndPublish(f.bank, trainer.getRef(), f.session.stages().modelAccess()))
          .runWith(Sink.seq(), f.system);
      Trainer.TrainRound held = trainer.expectMessageClass(Trainer.TrainRound.class);

      EndOfRunEvaluation.run(f.system, f.session, Duration.ofMillis(300));
      assertFalse(t.settled().toCompletableFuture().isDone(), "the round is still in flight");
      assertNull(AskPattern.<CurriculumBank.Command, BankStatus>ask(f.bank, CurriculumBank.GetStatus::new,
          Duration.ofSeconds(30), f.system.scheduler()).toCompletableFuture().get(30, TimeUnit.SECONDS)
          .lastEvaluation(), "nothing evaluated while the final version is not known");

      held.replyTo().tell(new Trainer.RoundFailed(held.round(), "TEST: the round ends without a step"));
      rounds.toCompletableFuture().get(30, TimeUnit.SECONDS);
      EndOfRunEvaluation.run(f.system, f.session, Duration.ofMillis(300));
      EndOfRunEvaluation.run(f.system, f.session, Duration.ofMillis(300)); // the same version: not again
      AskPattern.<CurriculumBank.Command, Done>ask(f.bank, r -> new CurriculumBank.CloseSession("test", r),
          Duration.ofSeconds(30), f.system.scheduler()).toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    RunDirectory run = new RunDirectory(runDir);
    List<BankEvent.EvaluationRecorded> evaluations =
        JournalEvents.of(JournalEvents.read(run), BankEvent.EvaluationRecorded.class);
    assertEquals(1, evaluations.size(), "one evaluation, once the round settled: " + evaluations);
    assertEquals(0, evaluations.get(0).policyVersion());
    assertEquals("end of run", evaluations.get(0).note());
    assertTrue(JournalAudit.audit(run).passed());
  }
}
