package org.laimark.actors.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.laimark.actors.pipeline.Trainer.Evidence;
import org.laimark.actors.pipeline.Trainer.RoundProblem;
import org.laimark.actors.pipeline.calibration.SequentialCalibration;
import org.laimark.actors.pipeline.tasks.TaskDeriver;
import org.laimark.actors.pipeline.tasks.TaskMixQuota;
import org.laimark.actors.pipeline.tasks.TaskPrompts;
import org.laimark.actors.sandbox.Sandbox;
import org.laimark.config.TaskMixSettings;
import org.laimark.config.TrainerSettings;
import org.laimark.data.Problem;
import org.laimark.data.TaskType;
import org.laimark.model.policy.SimulatedPolicy;

class TrainerTest {

  static final ActorTestKit testKit = ActorTestKit.create(TestSettings.config());
  static final TaskMixSettings TASKS = TestSettings.tasks();
  static final TrainerSettings SETTINGS =
      TestSettings.trainer("laimark.pipeline.trainer.sandbox-timeout = 300ms");
  static final SequentialCalibration RULE = new SequentialCalibration(TestSettings.calibrator());

  @AfterAll
  static void shutdown() {
    testKit.shutdownTestKit();
  }

  private static SimulatedPolicy.Builder sim() {
    return SimulatedPolicy.builder(2).answerSource(k -> TestProblems.answers()).trainGain(0.2);
  }

  private ActorRef<Trainer.Command> trainer(
      SimulatedPolicy policy, Sandbox sandbox, TaskMixQuota quota) {
    ActorRef<ModelAccess.Command> model =
        testKit.spawn(ModelAccess.create(policy, TestSettings.modelAccess()));
    return testKit.spawn(
        Trainer.create(SETTINGS, RULE, new TaskPrompts(TASKS), sandbox, model, quota));
  }

  private ActorRef<Trainer.Command> trainer(SimulatedPolicy policy, TrainerSettings settings) {
    return trainer(policy, settings, TaskMixQuota.of(TASKS));
  }

  private ActorRef<Trainer.Command> trainer(
      SimulatedPolicy policy, TrainerSettings settings, TaskMixQuota quota) {
    ActorRef<ModelAccess.Command> model =
        testKit.spawn(ModelAccess.create(policy, TestSettings.modelAccess()));
    return testKit.spawn(
        Trainer.create(settings, RULE, new TaskPrompts(TASKS), ScriptedSandbox.byMarkers(), model, quota));
  }

  static final TrainerSettings SUPERVISED =
      TestSettings.trainer(
          "laimark.pipeline.trainer.sandbox-timeout = 300ms", "laimark.pipeline.trainer.update = supervised");

  private ActorRef<Trainer.Command> trainer(SimulatedPolicy policy) {
    return trainer(policy, ScriptedSandbox.byMarkers(), TaskMixQuota.of(TASKS));
  }

  private static List<RoundProblem> offer(String... names) {
    List<RoundProblem> out = new ArrayList<>();
    for (String name : names) {
      out.add(new RoundProblem(name, TestProblems.problem(name), null));
    }
    return out;
  }

  private Trainer.RoundOutcome round(
      ActorRef<Trainer.Command> trainer, long round, List<RoundProblem> problems) {
    TestProbe<Trainer.RoundOutcome> asker = testKit.createTestProbe();
    trainer.tell(new Trainer.TrainRound(round, problems, asker.getRef()));
    return asker.expectMessageClass(Trainer.RoundOutcome.class, java.time.Duration.ofSeconds(10));
  }

  @Test
  void aRoundTrainsOnGroupsOfGRolloutsAndPublishesANewVersion() {
    SimulatedPolicy policy = sim().defaultSkill(0.5).build();
    ActorRef<Trainer.Command> trainer = trainer(policy);

    Trainer.RoundTrained t =
        (Trainer.RoundTrained) round(trainer, 1, offer("a1", "a2", "a3", "a4"));

    assertEquals(0, t.sampledVersion());
    assertEquals(1, t.newVersion());
    assertNotNull(t.metrics());
    assertEquals(
        List.of(4, 4, 4, 4), t.results().stream().map(Trainer.ProblemResult::rollouts).toList());
    for (Trainer.ProblemResult r : t.results()) {
      boolean signal = r.passes() > 0 && r.passes() < 4;
      assertEquals(signal ? 0.7 : 0.5, policy.skill(r.problemId()), 1e-9, r.toString());
      assertEquals(new Evidence(0, r.passes(), 4), r.estimate());
    }
    assertTrue(t.metrics().nonDegenerateGroupFraction() > 0);
  }

  @Test
  void aRoundWithoutLearningSignalTakesNoStepAndRetiresWhatItHasLearnt() {
    SimulatedPolicy policy = sim().defaultSkill(1).build();

    Trainer.RoundTrained t = (Trainer.RoundTrained) round(trainer(policy), 1, offer("b1", "b2"));

    assertNull(t.metrics());
    assertEquals(0, t.newVersion());
    assertEquals(0, policy.version());
    assertTrue(
        t.results().stream().allMatch(r -> r.retired() && r.retireReason().equals("too_easy")));
  }

  @Test
  void aGroupNoRolloutPassedIsShownItsReferenceWhenTheSettingsAskForIt() {
    TrainerSettings demonstrating =
        TestSettings.trainer(
            "laimark.pipeline.trainer.sandbox-timeout = 300ms",
            "laimark.pipeline.trainer.demonstrate-unsolved = true");
    SimulatedPolicy plain = sim().defaultSkill(0).build();
    SimulatedPolicy shown = sim().defaultSkill(0).build();

    Trainer.RoundTrained without = (Trainer.RoundTrained) round(trainer(plain), 1, offer("h1"));
    Trainer.RoundTrained with =
        (Trainer.RoundTrained) round(trainer(shown, demonstrating), 1, offer("h1"));

    assertNull(without.metrics(), "four failures carry no GRPO signal");
    assertEquals(0, plain.version());
    assertNotNull(with.metrics());
    assertEquals(1, with.newVersion());
    assertEquals(0.2, shown.skill("h1"), 1e-9);
    assertEquals(0, with.results().get(0).passes(), "the reference is not counted as the policy's pass");
    assertEquals(4, with.results().get(0).rollouts());
  }

  @Test
  void aSupervisedRoundLearnsEachReferenceWhateverTheRolloutsScoredAndKeepsTheirEvidence() {
    SimulatedPolicy unsolved = sim().defaultSkill(0).build();
    SimulatedPolicy solved = sim().defaultSkill(1).build();

    Trainer.RoundTrained fromFailures =
        (Trainer.RoundTrained) round(trainer(unsolved, SUPERVISED), 1, offer("s1", "s2"));
    Trainer.RoundTrained fromPasses =
        (Trainer.RoundTrained) round(trainer(solved, SUPERVISED), 1, offer("s3"));

    assertNotNull(fromFailures.metrics());
    assertEquals(1, fromFailures.newVersion());
    assertEquals(0.2, unsolved.skill("s1"), 1e-9);
    assertEquals(0.2, unsolved.skill("s2"), 1e-9);
    assertEquals(new Evidence(0, 0, 4), fromFailures.results().get(0).estimate());
    assertEquals(0, fromFailures.metrics().meanReward(), 1e-9, "the rollouts' reward, not the reference's");
    assertEquals(1, fromPasses.newVersion(), "four passes give GRPO nothing, a reference still teaches");
    assertTrue(fromPasses.results().get(0).retired(), "a problem it always solves has left the window");
  }

  @Test
  void aSupervisedRoundOfDerivedTasksOnlyHasNoReferenceToLearnAndTakesNoStep() {
    Map<TaskType, Double> onlyDeduction =
        Map.of(TaskType.INDUCTION, 0.0, TaskType.DEDUCTION, 1.0, TaskType.ABDUCTION, 0.0);
    Problem deduction =
        new TaskDeriver(1).derive(TestProblems.problem("s4")).stream()
            .filter(p -> p.taskType() == TaskType.DEDUCTION)
            .findFirst()
            .orElseThrow();
    SimulatedPolicy policy = sim().defaultSkill(0.5).build();

    Trainer.RoundTrained t =
        (Trainer.RoundTrained)
            round(
                trainer(policy, SUPERVISED, new TaskMixQuota(onlyDeduction, onlyDeduction)),
                1,
                List.of(new RoundProblem(deduction.id(), deduction, null)));

    assertNull(t.metrics());
    assertEquals(0, policy.version());
    assertEquals(4, t.results().get(0).rollouts(), "its rollouts are still its evidence");
  }

  @Test
  void rolloutsAddToEvidenceFromTheSameVersionOnly() {
    SimulatedPolicy policy = sim().defaultSkill(1).build();
    List<RoundProblem> offered =
        List.of(
            new RoundProblem("c1", TestProblems.problem("c1"), new Evidence(0, 4, 8)),
            new RoundProblem("c2", TestProblems.problem("c2"), new Evidence(-3, 4, 8)));

    Trainer.RoundTrained t = (Trainer.RoundTrained) round(trainer(policy), 1, offered);

    Trainer.ProblemResult same = t.results().get(0);
    Trainer.ProblemResult older = t.results().get(1);
    assertEquals(new Evidence(0, 8, 12), same.estimate());
    assertFalse(same.retired(), "8 of 12 is inside the window");
    assertEquals(new Evidence(0, 4, 4), older.estimate());
    assertTrue(older.retired());
  }

  @Test
  void theQuotaDefersWhatWouldSkewTheTrainingMix() {
    List<RoundProblem> offered = new ArrayList<>(offer("d1"));
    for (String name : List.of("d2", "d3", "d4")) {
      for (Problem task : new TaskDeriver(3).derive(TestProblems.problem(name))) {
        if (task.taskType() == TaskType.ABDUCTION) {
          offered.add(new RoundProblem(task.id(), task, null));
        }
      }
    }
    TaskMixQuota quota = TaskMixQuota.of(TASKS);

    Trainer.RoundTrained t =
        (Trainer.RoundTrained)
            round(
                trainer(sim().defaultSkill(0.5).build(), ScriptedSandbox.byMarkers(), quota),
                1,
                offered);

    assertEquals(7, offered.size());
    assertEquals(3, t.results().size(), "one induction and at most one abduction over the 35% cap");
    assertEquals(4, t.deferred().size());
    assertEquals(
        t.results().size(), quota.counts().values().stream().mapToLong(Long::longValue).sum());
    assertEquals(1L, quota.counts().get(TaskType.INDUCTION));
  }

  @Test
  void aRoundOfOnlyHeldBackTypesIsDeferredWithoutSampling() {
    Map<TaskType, Double> onlyInduction =
        Map.of(TaskType.INDUCTION, 1.0, TaskType.DEDUCTION, 0.0, TaskType.ABDUCTION, 0.0);
    TaskMixQuota noAbduction = new TaskMixQuota(onlyInduction, onlyInduction);
    Problem abduction = new TaskDeriver(1).derive(TestProblems.problem("e1")).get(1);
    ScriptedSandbox sandbox = ScriptedSandbox.byMarkers();

    Trainer.RoundOutcome outcome =
        round(
            trainer(sim().build(), sandbox, noAbduction),
            4,
            List.of(new RoundProblem("e1#a", abduction, null)));

    assertEquals(new Trainer.RoundDeferred(4, List.of("e1#a"), noAbduction.counts()), outcome);
    assertTrue(sandbox.jobs().isEmpty());
  }

  @Test
  void roundsRunOneAtATimeEachOnTheVersionThePreviousOneMade() {
    ActorRef<Trainer.Command> trainer = trainer(sim().defaultSkill(0.5).build());
    TestProbe<Trainer.RoundOutcome> asker = testKit.createTestProbe();

    trainer.tell(new Trainer.TrainRound(1, offer("f1", "f2", "f3", "f4"), asker.getRef()));
    trainer.tell(new Trainer.TrainRound(2, offer("f5", "f6", "f7", "f8"), asker.getRef()));

    Trainer.RoundTrained first = (Trainer.RoundTrained) asker.receiveMessage();
    Trainer.RoundTrained second = (Trainer.RoundTrained) asker.receiveMessage();
    assertEquals(1, first.round());
    assertEquals(2, second.round());
    assertEquals(first.newVersion(), second.sampledVersion());
  }

  @Test
  void aSandboxFailureFailsTheRoundAndTrainsNothing() {
    SimulatedPolicy policy = sim().defaultSkill(0.5).build();
    Sandbox silent = ScriptedSandbox.async(job -> new CompletableFuture<>());

    Trainer.RoundOutcome outcome =
        round(trainer(policy, silent, TaskMixQuota.of(TASKS)), 3, offer("g1", "g2"));

    assertTrue(outcome instanceof Trainer.RoundFailed, outcome.toString());
    assertTrue(((Trainer.RoundFailed) outcome).reason().contains("no verdict for rollout/3/g1/"));
    assertEquals(0, policy.version());
  }
}
