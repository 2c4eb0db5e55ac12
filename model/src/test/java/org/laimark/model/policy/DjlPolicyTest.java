package org.laimark.model.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.laimark.model.lora.LoraConfig;
import org.laimark.model.tokenizer.Qwen3Tokenizer;
import org.laimark.model.train.AdamW;
import org.laimark.model.train.DemonstrationMembers;
import org.laimark.model.train.GrpoSettings;
import org.laimark.model.train.OptimizerSettings;

/** The DJL policy end to end on the tiny Qwen3 fixture: chat prompts, sampling, GRPO steps, checkpoints. */
@Tag("fixture")
class DjlPolicyTest {

  private static final Path FIXTURE =
      Path.of(System.getProperty("laimark.shared", "../../shared"), "fixtures", "qwen3-tiny-a");

  private NDManager manager;

  @BeforeEach
  void setUp() {
    manager = NDManager.newBaseManager();
  }

  @AfterEach
  void tearDown() {
    manager.close();
  }

  @Test
  void generatesOneCompletionPerRequestWithItsPromptAndLogProbs() {
    try (DjlPolicy policy = open()) {
      List<Completion> completions = policy.generate(requests(3, 0));

      assertEquals(3, completions.size());
      for (Completion c : completions) {
        assertTrue(c.promptIds().length > 5, "the chat template wraps the prompt");
        assertEquals(c.completionIds().length, c.tokenLogProbs().length);
        assertTrue(c.completionIds().length > 0 && c.completionIds().length <= 12);
        for (float lp : c.tokenLogProbs()) {
          assertTrue(lp <= 0 && Float.isFinite(lp), "log-prob " + lp);
        }
        assertEquals(0, c.policyVersion());
      }
      assertFalse(policy.simulated());
      assertTrue(policy.description().startsWith("qwen3 "));
    }
  }

  @Test
  void trainingAndSamplingWorkFromAFreshThreadAsThePipelinesModelAccessCallsThem() throws Exception {
    try (DjlPolicy policy = open()) {
      List<RolloutGroup> groups = groups(policy, 0);
      AtomicReference<Throwable> failure = new AtomicReference<>();
      Thread fresh = new Thread(() -> {
        try {
          policy.train(groups);
          policy.generate(requests(1, 9));
        } catch (Throwable t) {
          failure.set(t);
        }
      });
      fresh.start();
      fresh.join();

      assertEquals(null, failure.get(), "a new thread starts with PyTorch's grad mode on");
      assertEquals(1, policy.version());
    }
  }

  @Test
  void aTrainingStepBumpsTheVersionAndReportsItsMetrics() {
    try (DjlPolicy policy = open()) {
      List<RolloutGroup> groups = groups(policy, 0);

      TrainingMetrics metrics = policy.train(groups);

      assertEquals(1, metrics.step());
      assertEquals(1, metrics.newPolicyVersion());
      assertEquals(1, policy.version());
      assertEquals(0.5, metrics.nonDegenerateGroupFraction());
      assertEquals(3.0 / 8, metrics.meanReward(), 1e-12);
      assertTrue(metrics.gradNorm() > 0);
      assertEquals(1e-3, metrics.learningRate(), 1e-15);
      assertEquals(1, policy.generate(requests(1, 9)).get(0).policyVersion());
    }
  }

  @Test
  void restoringACheckpointResumesTheSameRun(@TempDir Path dir) {
    List<TrainingMetrics> straight = new ArrayList<>();
    List<List<RolloutGroup>> batches = new ArrayList<>();
    try (DjlPolicy policy = open()) {
      for (int step = 0; step < 3; step++) {
        batches.add(groups(policy, step));
        straight.add(policy.train(batches.get(step)));
        if (step == 0) {
          policy.save(dir.resolve("checkpoint"));
        }
      }
    }

    try (DjlPolicy resumed = open()) {
      resumed.restore(dir.resolve("checkpoint"));
      assertEquals(1, resumed.version());

      assertEquals(straight.get(1), resumed.train(batches.get(1)));
      assertEquals(straight.get(2), resumed.train(batches.get(2)));
    }
  }

  @Test
  void closingWhileAGenerationRunsStopsItAndWaitsBeforeFreeingTheModel() throws Exception {
    DjlPolicy policy = open();
    List<GenerationRequest> longOnes = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      longOnes.add(new GenerationRequest(List.of(ChatMessage.user("def add(a, b):")),
          new SamplingParams(1.0, 1.0, 0, 480, i), "add"));
    }
    var generation = CompletableFuture.supplyAsync(() -> policy.generate(longOnes));
    while (!policy.busy() && !generation.isDone()) {
      Thread.onSpinWait();
    }

    policy.close(); // as a run's shutdown does, from another thread

    var failure = assertThrows(ExecutionException.class,
        () -> generation.get(30, TimeUnit.SECONDS));
    assertTrue(failure.getCause() instanceof org.laimark.model.generate.Generator.StoppedException,
        failure.getCause().toString());
    assertFalse(policy.busy(), "close returned only after the generation let go of the model");
    IllegalStateException closed =
        assertThrows(IllegalStateException.class, () -> policy.generate(requests(1, 0)));
    assertTrue(closed.getMessage().endsWith("is closed"), closed.getMessage());
    policy.close(); // a second close (the model-access actor's, then the workload's) is harmless
  }

  @Test
  void aDemonstrationIsScoredByTheCurrentWeightsAsTheSamplerScoresItsOwnTokens() {
    try (DjlPolicy policy = open()) {
      Completion sampled = policy.generate(requests(1, 5)).get(0);

      float[] rescored =
          DemonstrationMembers.currentLogProbs(
              policy.model(), sampled.promptIds(), sampled.completionIds(), 0, 1.0, manager);

      assertEquals(sampled.tokenLogProbs().length, rescored.length);
      for (int i = 0; i < rescored.length; i++) {
        assertEquals(sampled.tokenLogProbs()[i], rescored[i], 1e-4, "token " + i);
      }
    }
  }

  @Test
  void aGroupNoRolloutPassedLearnsFromItsDemonstration() throws Exception {
    try (DjlPolicy policy = open();
        Qwen3Tokenizer tokenizer = Qwen3Tokenizer.load(FIXTURE)) {
      List<Completion> sampled = policy.generate(requests(4, 3));
      RolloutGroup failures = new RolloutGroup(sampled, new double[] {0, 0, 0, 0});
      RolloutGroup shown = failures.withDemonstration("    return a + b\n");
      double before = demonstrationLogProb(policy, tokenizer, shown);

      TrainingMetrics metrics = policy.train(List.of(shown));

      assertEquals(1, metrics.newPolicyVersion(), "the failures alone would carry no signal");
      assertEquals(1.0, metrics.nonDegenerateGroupFraction());
      assertEquals(1.0 / 5, metrics.meanReward(), 1e-12, "four failures and the demonstration");
      assertTrue(demonstrationLogProb(policy, tokenizer, shown) > before);
    }
  }

  @Test
  void aSupervisedStepLearnsTheDemonstrationsAndSharesTheGrpoStepsOptimizer()
      throws Exception {
    try (DjlPolicy policy = open();
        Qwen3Tokenizer tokenizer = Qwen3Tokenizer.load(FIXTURE)) {
      List<Completion> sampled = policy.generate(requests(8, 4));
      RolloutGroup shown =
          new RolloutGroup(sampled.subList(0, 4), new double[] {1, 1, 1, 1})
              .withDemonstration("    return a + b\n");
      RolloutGroup evidenceOnly = new RolloutGroup(sampled.subList(4, 8), new double[] {0, 0, 0, 0});
      double before = demonstrationLogProb(policy, tokenizer, shown);

      TrainingMetrics metrics = policy.imitate(List.of(shown, evidenceOnly));

      assertEquals(1, metrics.step());
      assertEquals(1, metrics.newPolicyVersion(), "equal rewards would give GRPO nothing");
      assertEquals(0.5, metrics.meanReward(), 1e-12, "the rollouts' rewards, not the demonstration's");
      assertTrue(metrics.loss() > 0, "the demonstration's cross-entropy");
      assertTrue(demonstrationLogProb(policy, tokenizer, shown) > before);
      assertEquals(2, policy.train(groups(policy, 5)).step(), "one optimizer: the next step is the second");
      assertThrows(IllegalArgumentException.class, () -> policy.imitate(List.of(evidenceOnly)));
    }
  }

  private double demonstrationLogProb(DjlPolicy policy, Qwen3Tokenizer tokenizer, RolloutGroup group) {
    RolloutGroup added =
        DemonstrationMembers.added(List.of(group), policy.model(), tokenizer, 0, 1.0, manager).get(0);
    assertEquals(group.completions().size() + 1, added.completions().size());
    assertEquals(1.0, added.rewards()[added.rewards().length - 1]);
    double sum = 0;
    for (float lp : added.completions().get(added.completions().size() - 1).tokenLogProbs()) {
      sum += lp;
    }
    return sum;
  }

  private DjlPolicy open() {
    OptimizerSettings optimizer =
        new OptimizerSettings(1e-3, 0.0, 10, AdamW.Settings.defaults(), 1.0, 4, 42);
    DjlPolicy.Settings settings =
        new DjlPolicy.Settings(
            GrpoSettings.defaults().withBeta(0.04), optimizer, LoraConfig.DEFAULTS, 1.0, 8, null);
    return DjlPolicy.open(FIXTURE, null, settings, manager);
  }

  private static List<GenerationRequest> requests(int n, long seed) {
    List<GenerationRequest> requests = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      requests.add(
          new GenerationRequest(
              List.of(ChatMessage.system("You write Python."), ChatMessage.user("def add(a, b):")),
              new SamplingParams(1.0, 1.0, 0, 12, seed * 100 + i),
              "add"));
    }
    return requests;
  }

  /** Two groups of four: one with rewards 1,0,1,1 and one all zero (degenerate). */
  private static List<RolloutGroup> groups(DjlPolicy policy, long seed) {
    List<Completion> sampled = policy.generate(requests(8, seed));
    return List.of(
        new RolloutGroup(sampled.subList(0, 4), new double[] {1, 0, 1, 1}),
        new RolloutGroup(sampled.subList(4, 8), new double[] {0, 0, 0, 0}));
  }
}
