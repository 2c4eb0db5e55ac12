package org.laimark.actors.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.typed.ActorRef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.laimark.actors.eval.EvalPrompts;
import org.laimark.config.EvalSettings;
import org.laimark.actors.eval.ModelAnswers;
import org.laimark.config.InvalidSettingException;
import org.laimark.data.Problem;
import org.laimark.data.SandboxJob;
import org.laimark.data.VerdictStatus;
import org.laimark.model.policy.SimulatedPolicy;

/** Held-out pass@1, greedy and sampled, over the SIMULATED policy and a scripted sandbox. */
class SandboxedPassAtOneTest {

  static final ActorTestKit testKit = ActorTestKit.create(TestSettings.config());
  static final Duration WAIT = Duration.ofMinutes(1);

  @AfterAll
  static void shutdown() {
    testKit.shutdownTestKit();
  }

  private static List<Problem> tasks(int n) {
    List<Problem> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(TestProblems.problem("held" + i));
    }
    return out;
  }

  private static HeldOutEvaluation.Score score(HeldOutSampling sampling, ScriptedSandbox sandbox) throws Exception {
    return score(20, sampling, sandbox);
  }

  private static HeldOutEvaluation.Score score(int taskCount, HeldOutSampling sampling, ScriptedSandbox sandbox)
      throws Exception {
    SimulatedPolicy policy = SimulatedPolicy.builder(3).defaultSkill(0.5)
        .answerSource(key -> TestProblems.answers()).build();
    ActorRef<ModelAccess.Command> model = testKit.spawn(ModelAccess.create(policy, TestSettings.modelAccess()));
    SandboxedPassAtOne heldOut = new SandboxedPassAtOne("held-out", tasks(taskCount),
        new EvalPrompts(EvalSettings.fromConfig(TestSettings.config()).prompt()), 64, sandbox, model,
        testKit.system().scheduler(), WAIT, sampling);
    return heldOut.evaluate().toCompletableFuture().get(1, TimeUnit.MINUTES);
  }

  @Test
  void greedyScoresOneAnswerPerTask() throws Exception {
    ScriptedSandbox sandbox = ScriptedSandbox.byMarkers();

    HeldOutEvaluation.Score s = score(HeldOutSampling.GREEDY, sandbox);

    assertEquals(20, s.total());
    assertEquals(20, sandbox.jobs().size());
  }

  @Test
  void sampledScoresTheShareOfAllSamplesThatPassAndDrawsTheSameSamplesEveryTime() throws Exception {
    HeldOutSampling eight = new HeldOutSampling(8, 0.8, 0.95, 42);
    ScriptedSandbox sandbox = ScriptedSandbox.byMarkers();

    HeldOutEvaluation.Score first = score(eight, sandbox);
    HeldOutEvaluation.Score again = score(eight, ScriptedSandbox.byMarkers());

    assertEquals(160, first.total(), "8 answers for each of 20 tasks");
    // Skill 0.5 per sample: 80 expected, and 160 independent draws stay well inside [50, 110].
    assertTrue(first.passed() > 50 && first.passed() < 110, "passed " + first.passed() + " of 160");
    assertEquals(first.passed(), again.passed(), "seeded samples: the same score twice");
    Set<String> labels = new HashSet<>();
    for (SandboxJob job : sandbox.jobs()) {
      labels.add(job.id());
    }
    assertEquals(160, labels.size(), "every sample is judged on its own");
  }

  @Test
  void thousandsOfSampledAnswersAreJudgedAFewHundredAtATimeSoTheSandboxQueueCannotOverflow() throws Exception {
    AtomicInteger inFlight = new AtomicInteger();
    AtomicInteger mostInFlight = new AtomicInteger();
    Executor later = CompletableFuture.delayedExecutor(2, TimeUnit.MILLISECONDS);
    ScriptedSandbox queueOf300 = ScriptedSandbox.async(job -> {
      int now = inFlight.incrementAndGet();
      mostInFlight.accumulateAndGet(now, Math::max);
      if (now > 300) {
        inFlight.decrementAndGet();
        return CompletableFuture.completedFuture(ScriptedSandbox.verdict(VerdictStatus.INFRA_ERROR, "queue full"));
      }
      return CompletableFuture.supplyAsync(() -> {
        inFlight.decrementAndGet();
        return ScriptedSandbox.verdict(job.program().contains(ScriptedSandbox.RIGHT)
            ? VerdictStatus.PASSED : VerdictStatus.FAILED, "");
      }, later);
    });

    HeldOutEvaluation.Score s = score(40, new HeldOutSampling(16, 0.8, 0.95, 42), queueOf300);

    assertEquals(640, s.total());
    assertEquals(640, queueOf300.jobs().size());
    assertTrue(mostInFlight.get() <= SandboxedPassAtOne.JUDGED_AT_ONCE, "at most " + mostInFlight.get() + " at once");
  }

  @Test
  void sampleIOfTaskTIsDrawnWithTheSeedLaimarkEvalUses() {
    HeldOutSampling eight = new HeldOutSampling(8, 0.8, 0.95, 42);

    assertEquals(ModelAnswers.seedFor(42, "held3", 5), eight.params("held3", 5, 64).seed());
    assertEquals(0.8, eight.params("held3", 5, 64).temperature());
    assertTrue(HeldOutSampling.GREEDY.params("held3", 0, 64).isGreedy());
  }

  @Test
  void severalGreedyAnswersPerTaskAreRefusedNamingTheKey() {
    InvalidSettingException e = assertThrows(InvalidSettingException.class,
        () -> new HeldOutSampling(8, 0, 0.95, 42));

    assertTrue(e.getMessage().contains("laimark.pipeline.evaluation.temperature"), e.getMessage());
  }
}
