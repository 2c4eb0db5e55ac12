package org.laimark.streams;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.stream.Stream;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.stream.KillSwitches;
import org.apache.pekko.stream.SharedKillSwitch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.laimark.actors.bank.BankEvent;
import org.laimark.actors.bank.BankStore;
import org.laimark.actors.bank.CurriculumBank;
import org.laimark.actors.bank.JournalAudit;
import org.laimark.actors.bank.RunDirectory;
import org.laimark.actors.pipeline.Evaluator;
import org.laimark.actors.pipeline.HeldOutEvaluation;
import org.laimark.actors.pipeline.ModelAccess;
import org.laimark.actors.pipeline.PipelineStages;

/**
 * Held-out evaluation at the start and the end of a run, and rollback on a regression, over the SIMULATED workload and
 * the real actors: the held-out score is scripted (the starting version scores 30/40, every trained version
 * 10/40), so each evaluated round regresses past the tolerance and the stream must restore the starting
 * weights through the model-access actor and publish them as a new version the audit accepts.
 */
class RollbackAndBaselineTest {

  @TempDir Path dir;

  @Test
  void atStartEvaluatesTheStartingPolicyBeforeAnyRound() {
    Path runDir = dir.resolve("run");
    int exit = PipelineDaemon.run(RunConfiguration.create(SimulatedRunFixture.simulatedConf(), runDir, Map.of(
        "laimark.pipeline.evaluation.at-start", true,
        "laimark.pipeline.evaluation.at-end", false,
        "laimark.pipeline.evaluation.every-rounds", 0,
        "laimark.pipeline.run.max-rounds", 1,
        "laimark.pipeline.run.progress", "off")));

    assertEquals(0, exit);
    List<BankEvent> events = JournalEvents.read(new RunDirectory(runDir));
    List<BankEvent.EvaluationRecorded> evaluations = JournalEvents.of(events, BankEvent.EvaluationRecorded.class);
    assertEquals(1, evaluations.size(), "one evaluation (at start), none on the schedule: " + evaluations);
    assertEquals(0, evaluations.get(0).policyVersion());
    assertTrue(evaluations.get(0).best());
    int evaluated = events.indexOf(evaluations.get(0));
    int firstPublished = events.indexOf(JournalEvents.of(events, BankEvent.PolicyVersionPublished.class).get(0));
    assertTrue(evaluated < firstPublished, "the baseline must be recorded before the first round's version");
    assertTrue(JournalAudit.audit(new RunDirectory(runDir)).passed());
  }

  @Test
  void atEndEvaluatesTheVersionTheRunEndsWith() {
    Path runDir = dir.resolve("run");
    int exit = PipelineDaemon.run(RunConfiguration.create(SimulatedRunFixture.simulatedConf(), runDir, Map.of(
        "laimark.pipeline.evaluation.at-start", true,
        "laimark.pipeline.evaluation.at-end", true,
        "laimark.pipeline.evaluation.every-rounds", 0,
        "laimark.pipeline.run.max-rounds", 1,
        "laimark.pipeline.run.progress", "off")));

    assertEquals(0, exit);
    List<BankEvent> events = JournalEvents.read(new RunDirectory(runDir));
    List<BankEvent.EvaluationRecorded> evaluations = JournalEvents.of(events, BankEvent.EvaluationRecorded.class);
    long last = JournalEvents.of(events, BankEvent.PolicyVersionPublished.class).stream()
        .mapToLong(BankEvent.PolicyVersionPublished::version).max().orElseThrow();
    assertEquals(2, evaluations.size(), "at start and at end: " + evaluations);
    assertEquals(last, evaluations.get(1).policyVersion());
    assertTrue(JournalAudit.audit(new RunDirectory(runDir)).passed());
  }

  @Test
  void atEndEvaluatesTheFinalVersionAfterATimedOutDrainAndAResumeDoesNotRepeatIt() {
    Path runDir = dir.resolve("run");
    int exit = PipelineDaemon.run(RunConfiguration.create(SimulatedRunFixture.simulatedConf(), runDir, Map.of(
        "laimark.pipeline.evaluation.at-start", true,
        "laimark.pipeline.evaluation.at-end", true,
        "laimark.pipeline.evaluation.every-rounds", 0,
        "laimark.pipeline.run.max-rounds", 1,
        "laimark.pipeline.run.drain-timeout", "1ms", // generation is always in flight: the drain times out
        "laimark.pipeline.run.progress", "off")));

    assertEquals(0, exit);
    RunDirectory run = new RunDirectory(runDir);
    List<BankEvent> events = JournalEvents.read(run);
    assertEquals(List.of(new BankEvent.SessionEnded(1, "drain timed out")),
        JournalEvents.of(events, BankEvent.SessionEnded.class));
    assertTrue(events.stream().anyMatch(BankEvent.ProblemAbandoned.class::isInstance),
        "the timed-out drain abandoned in-flight problems on record");
    List<BankEvent.EvaluationRecorded> evaluations = JournalEvents.of(events, BankEvent.EvaluationRecorded.class);
    long last = JournalEvents.of(events, BankEvent.PolicyVersionPublished.class).stream()
        .mapToLong(BankEvent.PolicyVersionPublished::version).max().orElseThrow();
    assertEquals(2, evaluations.size(), "at start and at end: " + evaluations);
    assertEquals(last, evaluations.get(1).policyVersion(), "the end evaluation scores the last published version");
    assertEquals("end of run", evaluations.get(1).note());
    assertTrue(events.indexOf(evaluations.get(1)) < events.size() - 1, "journaled before the session ended");
    JournalAudit.Report audit = JournalAudit.audit(run);
    assertTrue(audit.passed(), "audit: " + audit.firstViolation());

    // A resumed session that stops before any round publishes ends on the same, already evaluated version.
    int resumed = PipelineDaemon.run(RunConfiguration.resume(runDir, Map.of(
        "laimark.pipeline.run.max-duration", "1ms", "laimark.pipeline.run.progress", "off")));

    assertEquals(0, resumed);
    List<BankEvent> after = JournalEvents.read(run);
    assertEquals(2, JournalEvents.of(after, BankEvent.SessionEnded.class).size());
    assertEquals(List.of(), JournalEvents.of(after, BankEvent.PolicyVersionPublished.class).stream()
        .filter(v -> v.version() > last).toList(), "the resumed session was to publish nothing");
    assertEquals(evaluations, JournalEvents.of(after, BankEvent.EvaluationRecorded.class),
        "no second evaluation of the same final version");
    assertTrue(JournalAudit.audit(run).passed());
  }

  @Test
  void aRegressionRestoresTheBestWeightsAsANewVersionTheAuditAccepts() throws Exception {
    Path runDir = dir.resolve("run");
    try (SimulatedRunFixture f = new SimulatedRunFixture(runDir, Map.of(
        "laimark.pipeline.evaluation.at-start", true,
        "laimark.pipeline.evaluation.every-rounds", 1,
        "laimark.pipeline.trainer.rollback-regression", 0.05,
        "laimark.pipeline.stream.round-max-wait", "200ms"))) {
      ActorRef<ModelAccess.Command> model = f.session.stages().modelAccess();
      ActorRef<Evaluator.Command> evaluator = f.system.systemActorOf(
          Evaluator.create(scripted(f, model), 0.05, 0, null, null), "scripted-evaluator",
          org.apache.pekko.actor.typed.Props.empty());
      Session session = withEvaluator(f.session, evaluator);
      PipelineDaemon.prepare(f.system, session, new org.laimark.actors.bank.BankState());

      SharedKillSwitch stop = KillSwitches.shared("test");
      PipelineRun run = ContinuousRun.start(f.system, session, stop, () -> {
        session.wiring().trainingStages().stopRounds();
        stop.shutdown();
      }, 2);
      run.done().toCompletableFuture().get(2, java.util.concurrent.TimeUnit.MINUTES);
      Session.await(AskPattern.<CurriculumBank.Command, org.apache.pekko.Done>ask(f.bank,
          r -> new CurriculumBank.CloseSession("test", r), Duration.ofSeconds(30), f.system.scheduler()));
    }

    RunDirectory run = new RunDirectory(runDir);
    List<BankEvent> events = JournalEvents.read(run);
    List<BankEvent.PolicyVersionPublished> versions = JournalEvents.of(events, BankEvent.PolicyVersionPublished.class);
    List<BankEvent.PolicyVersionPublished> rollbacks =
        versions.stream().filter(v -> v.restoredFrom() >= 0).toList();
    assertTrue(rollbacks.size() >= 1, "no rollback published: " + versions);
    for (BankEvent.PolicyVersionPublished r : rollbacks) {
      assertEquals(0, r.restoredFrom(), "the best version is the starting one");
      assertPolicyFilesEqual(runDir.resolve(RunDirectory.checkpointName(0)), runDir.resolve(r.checkpoint()));
    }
    for (int i = 1; i < versions.size(); i++) {
      assertTrue(versions.get(i).version() > versions.get(i - 1).version(), "versions not monotone: " + versions);
    }
    assertTrue(JournalEvents.of(events, BankEvent.EvaluationRecorded.class).stream()
        .anyMatch(e -> e.note().contains("rolled back to v0")));
    JournalAudit.Report audit = JournalAudit.audit(run);
    assertTrue(audit.passed(), "audit: " + audit.firstViolation());

    // A resume restores the rolled-back version under its published number, not the restored weights' own.
    BankStore store = BankStore.open(run, 100, true);
    long latest = store.state().latestVersion();
    store.close();
    assertEquals(versions.get(versions.size() - 1).version(), latest);
    int resumed = PipelineDaemon.run(RunConfiguration.resume(runDir, Map.of(
        "laimark.pipeline.run.max-rounds", 1, "laimark.pipeline.run.progress", "off")));
    assertEquals(0, resumed);
    assertTrue(JournalAudit.audit(run).passed());
  }

  /** Scores the starting version 30/40 and every other version 10/40: each trained version regresses. */
  private static HeldOutEvaluation scripted(SimulatedRunFixture f, ActorRef<ModelAccess.Command> model) {
    return () -> {
      CompletionStage<ModelAccess.PolicyInfo> info =
          AskPattern.ask(model, ModelAccess.GetPolicyInfo::new, Duration.ofSeconds(30), f.system.scheduler());
      return info.thenApply(p -> new HeldOutEvaluation.Score(p.version(), "SIMULATED scripted held-out",
          p.version() == 0 ? 30 : 10, 40));
    };
  }

  private static Session withEvaluator(Session s, ActorRef<Evaluator.Command> evaluator) {
    PipelineStages.Stages st = s.stages();
    PipelineStages.Stages stages = new PipelineStages.Stages(st.modelAccess(), st.generator(), st.verifier(),
        st.deduplicator(), st.calibrator(), st.trainer(), evaluator);
    PipelineWiring w = s.wiring();
    PipelineWiring wiring = new PipelineWiring(stages, w.bank(), w.problemStages(), w.trainingStages(), w.plan(),
        w.deriver(), w.stream(), w.context(), w.curated());
    return new Session(s.bank(), stages, s.opened(), s.simulated(), wiring, s.schedule());
  }

  /** Same policy files (the published-version note aside): the restored weights are the best one's. */
  private static void assertPolicyFilesEqual(Path expected, Path actual) throws IOException {
    List<Path> files;
    try (Stream<Path> all = Files.list(expected)) {
      files = all.filter(p -> !p.getFileName().toString().equals("published-version")).sorted().toList();
    }
    assertTrue(!files.isEmpty(), expected + " holds no policy files");
    for (Path file : files) {
      Path other = actual.resolve(file.getFileName());
      if (file.getFileName().toString().endsWith(".properties")) {
        // Properties.store writes the date in a comment: compare the entries.
        assertEquals(properties(file), properties(other), "rolled-back " + file.getFileName() + " differs");
      } else {
        assertArrayEquals(Files.readAllBytes(file), Files.readAllBytes(other),
            "rolled-back " + file.getFileName() + " differs from the best version's");
      }
    }
  }

  private static java.util.Properties properties(Path file) throws IOException {
    java.util.Properties p = new java.util.Properties();
    try (java.io.Reader r = Files.newBufferedReader(file)) {
      p.load(r);
    }
    return p;
  }
}
