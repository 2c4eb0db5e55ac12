package org.laimark.actors.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.laimark.actors.pipeline.proposal.ProposalPlan;
import org.laimark.actors.pipeline.tasks.TaskMixQuota;
import org.laimark.actors.verify.ProblemVerifier;
import org.laimark.actors.verify.VerifierSettings;
import org.laimark.config.GeneratorSettings;
import org.laimark.config.TaskMixSettings;

class PipelineStagesTest {

  static final ActorTestKit testKit = ActorTestKit.create(TestSettings.config());

  @AfterAll
  static void shutdown() {
    testKit.shutdownTestKit();
  }

  private static PipelineStages.Stages start(RecordingPolicy policy) {
    ScriptedSandbox sandbox = ScriptedSandbox.byMarkers();
    TaskMixSettings tasks = TestSettings.tasks();
    GeneratorSettings generator = TestSettings.generator();
    PipelineStages.Dependencies deps =
        new PipelineStages.Dependencies(
            policy,
            sandbox,
            new ProblemVerifier(sandbox, VerifierSettings.DEFAULTS),
            Verifier.ContaminationCheck.NONE,
            model ->
                () ->
                    CompletableFuture.failedFuture(
                        new IllegalStateException("no held-out set here")),
            TaskMixQuota.of(tasks),
            generator,
            TestSettings.calibrator(),
            TestSettings.trainer(),
            tasks,
            DedupSettings.fromConfig(TestSettings.config()),
            TestSettings.modelAccess());
    ActorRef<PipelineStages.Command> stages = testKit.spawn(PipelineStages.create(deps));
    TestProbe<PipelineStages.Stages> probe = testKit.createTestProbe();
    stages.tell(new PipelineStages.GetStages(probe.getRef()));
    return probe.receiveMessage();
  }

  @Test
  void aCrashingGeneratorIsRestartedByItsParentAndServesTheNextRequest() {
    RecordingPolicy policy =
        new RecordingPolicy(
            SimulatedWorkload.policy(1, List.of(TestProblems.problem("crashy")), 3).build());
    PipelineStages.Stages stages = start(policy);
    ProposalPlan plan = new ProposalPlan(TestSettings.generator());
    TestProbe<Generator.ProposalOutcome> asker = testKit.createTestProbe();
    TestProbe<Generator.GeneratorStats> stats = testKit.createTestProbe();

    stages.generator().tell(new Generator.Propose(plan.fresh(0), asker.getRef()));
    asker.expectMessageClass(Generator.Proposed.class);
    policy.nullText(true);
    stages.generator().tell(new Generator.Propose(plan.fresh(1), asker.getRef()));
    asker.expectNoMessage(Duration.ofMillis(500));
    policy.nullText(false);
    stages.generator().tell(new Generator.Propose(plan.fresh(2), asker.getRef()));

    asker.expectMessageClass(Generator.Proposed.class, Duration.ofSeconds(10));
    stages.generator().tell(new Generator.GetStats(stats.getRef()));
    assertEquals(
        1, stats.receiveMessage().proposed(), "a restarted generator starts counting afresh");
  }

  @Test
  void everyStageAnswersThroughTheReferencesItHandsOut() {
    PipelineStages.Stages stages =
        start(
            new RecordingPolicy(
                SimulatedWorkload.policy(1, List.of(TestProblems.problem("wired")), 3).build()));
    TestProbe<Verifier.VerifyOutcome> verified = testKit.createTestProbe();
    TestProbe<Deduplicator.DedupOutcome> unique = testKit.createTestProbe();
    TestProbe<Calibrator.CalibrationOutcome> calibrated = testKit.createTestProbe();
    TestProbe<Evaluator.EvaluationReply> evaluated = testKit.createTestProbe();

    stages.verifier().tell(new Verifier.Verify(TestProblems.problem("wired"), verified.getRef()));
    stages
        .deduplicator()
        .tell(new Deduplicator.CheckAndReserve(TestProblems.problem("wired"), unique.getRef()));
    stages
        .calibrator()
        .tell(new Calibrator.Calibrate(TestProblems.problem("wired"), calibrated.getRef()));
    stages.evaluator().tell(new Evaluator.Evaluate(evaluated.getRef()));

    verified.expectMessageClass(Verifier.VerifyOutcome.class);
    unique.expectMessageClass(Deduplicator.Unique.class);
    calibrated.expectMessageClass(Calibrator.Calibrated.class, Duration.ofSeconds(10));
    evaluated.expectMessageClass(Evaluator.EvaluationFailed.class);
  }
}
