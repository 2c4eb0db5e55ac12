package org.laimark.actors.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.laimark.actors.pipeline.calibration.CalibrationDecision;
import org.laimark.actors.pipeline.tasks.TaskPrompts;
import org.laimark.actors.sandbox.Sandbox;
import org.laimark.config.CalibratorSettings;
import org.laimark.data.Calibration;
import org.laimark.data.LearnabilityZone;
import org.laimark.data.Problem;
import org.laimark.data.SandboxJob;
import org.laimark.data.VerdictStatus;
import org.laimark.model.policy.Completion;
import org.laimark.model.policy.SimulatedAnswers;
import org.laimark.model.policy.SimulatedPolicy;

class CalibratorTest {

  static final ActorTestKit testKit = ActorTestKit.create(TestSettings.config());
  static final TaskPrompts PROMPTS = new TaskPrompts(TestSettings.tasks());
  static final CalibratorSettings FIXED =
      TestSettings.calibrator(
          "laimark.pipeline.calibrator.adaptive.enabled = false",
          "laimark.pipeline.calibrator.sandbox-timeout = 500ms");
  static final Problem P = TestProblems.problem("inc");

  @AfterAll
  static void shutdown() {
    testKit.shutdownTestKit();
  }

  private static SimulatedPolicy.Builder answering(SimulatedAnswers answers) {
    return SimulatedPolicy.builder(5).answerSource(k -> answers);
  }

  private ActorRef<Calibrator.Command> calibrator(
      CalibratorSettings s, SimulatedPolicy policy, Sandbox sandbox) {
    ActorRef<ModelAccess.Command> model =
        testKit.spawn(ModelAccess.create(policy, TestSettings.modelAccess()));
    return testKit.spawn(Calibrator.create(s, PROMPTS, sandbox, model));
  }

  /**
   * A sandbox that passes exactly the samples with these indices (job ids end in the sample index).
   */
  private static ScriptedSandbox passingSamples(Set<Integer> indices) {
    return ScriptedSandbox.of(
        job -> {
          int index = Integer.parseInt(job.id().substring(job.id().lastIndexOf('/') + 1));
          return ScriptedSandbox.verdict(
              indices.contains(index) ? VerdictStatus.PASSED : VerdictStatus.FAILED, "");
        });
  }

  private Calibrator.CalibrationOutcome calibrate(
      ActorRef<Calibrator.Command> calibrator, Problem p) {
    TestProbe<Calibrator.CalibrationOutcome> asker = testKit.createTestProbe();
    calibrator.tell(new Calibrator.Calibrate(p, asker.getRef()));
    return asker.expectMessageClass(Calibrator.CalibrationOutcome.class, Duration.ofSeconds(10));
  }

  private Calibrator.Calibrated calibrateWithPasses(Set<Integer> passing) {
    return (Calibrator.Calibrated)
        calibrate(
            calibrator(FIXED, answering(TestProblems.answers()).build(), passingSamples(passing)),
            P);
  }

  @Test
  void exactlyTheLowerEdgeIsKept() {
    Calibrator.Calibrated c = calibrateWithPasses(Set.of(3, 7));

    assertEquals(CalibrationDecision.KEEP, c.decision());
    assertEquals(
        new Calibration(0.25, 8, new LearnabilityZone(0.2, 0.8)), c.problem().calibration());
  }

  @Test
  void exactlyTheUpperEdgeIsKept() {
    Calibrator.Calibrated c = calibrateWithPasses(Set.of(0, 1, 2, 3, 4, 5));

    assertEquals(CalibrationDecision.KEEP, c.decision());
    assertEquals(6, c.passes());
  }

  @Test
  void justOutsideEitherEdgeIsRejected() {
    assertEquals(CalibrationDecision.TOO_HARD, calibrateWithPasses(Set.of(4)).decision());
    assertEquals(
        CalibrationDecision.TOO_EASY, calibrateWithPasses(Set.of(0, 1, 2, 3, 4, 5, 6)).decision());
  }

  @Test
  void emptyAnswersAreFailuresThatNeverReachTheSandbox() {
    ScriptedSandbox sandbox = ScriptedSandbox.byMarkers();

    Calibrator.Calibrated c =
        (Calibrator.Calibrated)
            calibrate(calibrator(FIXED, SimulatedPolicy.builder(1).build(), sandbox), P);

    assertEquals(CalibrationDecision.TOO_HARD, c.decision());
    assertEquals(Map.of("empty_answer", 8), c.outcomes());
    assertEquals(8, c.samples());
    assertTrue(sandbox.jobs().isEmpty());
  }

  @Test
  void hangingAndCrashingAnswersAreFailuresAndTheCalibratorCarriesOn() {
    SimulatedAnswers answers =
        new SimulatedAnswers(
            TestProblems.answers().correct(),
            List.of(
                "    while True: pass  " + ScriptedSandbox.HANGS + "\n",
                "    import ctypes; ctypes.string_at(0)  " + ScriptedSandbox.CRASHES + "\n"));
    ActorRef<Calibrator.Command> calibrator =
        calibrator(
            FIXED, answering(answers).defaultSkill(0.3).build(), ScriptedSandbox.byMarkers());

    Calibrator.Calibrated first = (Calibrator.Calibrated) calibrate(calibrator, P);
    Calibrator.Calibrated second =
        (Calibrator.Calibrated) calibrate(calibrator, TestProblems.problem("dec"));

    int passed = first.outcomes().getOrDefault("passed", 0);
    assertEquals(first.passes(), passed);
    assertEquals(
        8 - passed,
        first.outcomes().getOrDefault("timeout", 0) + first.outcomes().getOrDefault("crashed", 0));
    assertTrue(first.outcomes().containsKey("timeout") || first.outcomes().containsKey("crashed"));
    assertEquals(8, second.samples());
  }

  @Test
  void aSandboxThatNeverAnswersIsAFailureNotAJudgement() {
    Sandbox silent = ScriptedSandbox.async(job -> new CompletableFuture<>());
    ActorRef<Calibrator.Command> calibrator =
        calibrator(FIXED, answering(TestProblems.answers()).build(), silent);

    Calibrator.CalibrationFailed failed = (Calibrator.CalibrationFailed) calibrate(calibrator, P);

    assertTrue(failed.reason().contains("no verdict for calibrate/inc/0/"), failed.reason());
  }

  @Test
  void aSandboxThatThrowsIsAFailureNotAJudgement() {
    Sandbox broken =
        job -> {
          throw new IllegalStateException("pool is gone");
        };
    ActorRef<Calibrator.Command> calibrator =
        calibrator(FIXED, answering(TestProblems.answers()).build(), broken);

    Calibrator.CalibrationFailed failed = (Calibrator.CalibrationFailed) calibrate(calibrator, P);

    assertTrue(failed.reason().contains("pool is gone"), failed.reason());
  }

  @Test
  void samplesComeFromTheCurrentVersionAndEvidenceRestartsWhenItChanges() {
    TestProbe<ModelAccess.Command> model = testKit.createTestProbe();
    CalibratorSettings adaptive =
        TestSettings.calibrator("laimark.pipeline.calibrator.adaptive.futility-threshold = 0");
    ActorRef<Calibrator.Command> calibrator =
        testKit.spawn(
            Calibrator.create(adaptive, PROMPTS, ScriptedSandbox.byMarkers(), model.getRef()));
    SimulatedPolicy right = answering(TestProblems.answers()).defaultSkill(1).build();
    TestProbe<Calibrator.CalibrationOutcome> asker = testKit.createTestProbe();

    calibrator.tell(new Calibrator.Calibrate(P, asker.getRef()));
    answer(model, right, 0);
    answer(model, right, 0);
    answer(model, right, 7);
    List<Integer> sizes = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      sizes.add(answer(model, right, 7));
    }

    Calibrator.Calibrated c = asker.expectMessageClass(Calibrator.Calibrated.class);
    assertEquals(7, c.policyVersion());
    assertEquals(CalibrationDecision.TOO_EASY, c.decision());
    assertEquals(8, c.samples());
    assertEquals(List.of(2, 2, 2), sizes);
  }

  @Test
  void aCrashingCalibrationIsAnsweredByTheCalibrator() {
    TestProbe<ModelAccess.Command> model = testKit.createTestProbe();
    ActorRef<Calibrator.Command> calibrator =
        testKit.spawn(
            Calibrator.create(FIXED, PROMPTS, ScriptedSandbox.byMarkers(), model.getRef()));
    TestProbe<Calibrator.CalibrationOutcome> asker = testKit.createTestProbe();

    calibrator.tell(new Calibrator.Calibrate(P, asker.getRef()));
    ModelAccess.Generate ask = model.expectMessageClass(ModelAccess.Generate.class);
    ask.replyTo()
        .tell(new ModelAccess.Generated(Arrays.asList(new Completion[ask.requests().size()]), 0));

    Calibrator.CalibrationFailed failed =
        asker.expectMessageClass(Calibrator.CalibrationFailed.class);
    assertTrue(failed.reason().startsWith("calibration crashed"), failed.reason());
    calibrator.tell(new Calibrator.Calibrate(P, asker.getRef()));
    model.expectMessageClass(ModelAccess.Generate.class);
  }

  /**
   * Answers the next sampling request with {@code policy}'s completions stamped {@code version}.
   */
  private static int answer(
      TestProbe<ModelAccess.Command> model, SimulatedPolicy policy, long version) {
    ModelAccess.Generate ask = model.expectMessageClass(ModelAccess.Generate.class);
    List<Completion> out = new ArrayList<>();
    for (Completion c : policy.generate(ask.requests())) {
      out.add(
          new Completion(c.promptIds(), c.completionIds(), c.text(), c.tokenLogProbs(), version));
    }
    ask.replyTo().tell(new ModelAccess.Generated(out, version));
    return ask.requests().size();
  }

  @Test
  void jobsAreNamedByProblemVersionAndSampleIndex() {
    ScriptedSandbox sandbox = passingSamples(Set.of());

    calibrate(calibrator(FIXED, answering(TestProblems.answers()).build(), sandbox), P);

    assertEquals(
        List.of("calibrate/inc/0/0", "calibrate/inc/0/7"),
        List.of(sandbox.jobs().get(0).id(), sandbox.jobs().get(7).id()));
    assertTrue(sandbox.jobs().stream().map(SandboxJob::tests).allMatch(P.tests()::equals));
  }
}
