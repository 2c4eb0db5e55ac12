package org.laimark.model.train;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.training.GradientCollector;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.laimark.model.lora.LoraConfig;
import org.laimark.model.policy.Completion;
import org.laimark.model.qwen3.Qwen3Config;
import org.laimark.model.qwen3.Qwen3Model;

/**
 * Gradients of the GRPO, SFT and DPO losses with respect to the LoRA matrices of a tiny random Qwen3,
 * through the whole decoder, against central finite differences. The model computes in float32, so the
 * check uses h = 1e-2 and accepts |numeric - analytic| <= 2e-4 + 3% of |analytic|, on the 8 entries with
 * the largest analytic gradient (where float32 rounding is smallest relative to the signal).
 */
class Qwen3LossGradientTest {

  private NDManager manager;
  private Qwen3Model model;
  private PackedBatch batch;

  @BeforeEach
  void setUp() {
    manager = NDManager.newBaseManager();
    Qwen3Config config = Qwen3Config.qwen3(48, 32, 64, 2, 4, 2, 8, true);
    model = Qwen3Model.random(config, 3, manager);
    model.attachLora(new LoraConfig(4, 8, 0.0, List.of("q_proj", "v_proj")), 5);
    // move B away from PEFT's zero init, so A has a gradient too
    Engine.getInstance().setRandomSeed(9);
    for (NDArray p : model.trainableParameters().values()) {
      p.addi(manager.randomNormal(p.getShape()).mul(0.3));
    }
    List<Completion> completions = new ArrayList<>();
    completions.add(completion(new int[] {1, 2, 3}, new int[] {4, 5, 6, 7}));
    completions.add(completion(new int[] {1, 2, 3}, new int[] {9, 10}));
    completions.add(completion(new int[] {8, 2}, new int[] {11, 12, 13}));
    batch = PackedBatch.of(completions, 0, manager);
  }

  @AfterEach
  void tearDown() {
    model.close();
    manager.close();
  }

  @Test
  void grpoLossGradientMatchesFiniteDifferences() {
    NDArray current;
    try (NDManager scratch = manager.newSubManager()) {
      current = batch.logProbs(model, 1.0).duplicate();
      current.attach(manager);
    }
    // old log-probs off by +-0.1: inside the clip range, so the surrogate is smooth there
    NDArray old = current.sub(batch.completionMask().mul(0.1)).mul(batch.completionMask());
    NDArray advantages = manager.create(new float[] {1.0f, -0.8f, 0.5f});
    GrpoLoss loss = new GrpoLoss(GrpoSettings.defaults().withBeta(0.1));
    NDArray weights = LossNormalization.GRPO.tokenWeights(batch.completionMask(), 3, 9, 8);
    NDArray ref = current.add(0.2);
    assertGradientMatches(
        () ->
            loss.compute(batch.logProbs(model, 0.9), old, ref, advantages, batch.completionMask(), weights)
                .loss());
  }

  @Test
  void sftLossGradientMatchesFiniteDifferences() {
    assertGradientMatches(() -> SftLoss.compute(batch.logProbs(model, 1.0), batch.completionMask(), 9));
  }

  @Test
  void dpoLossGradientMatchesFiniteDifferences() {
    DpoLoss dpo = new DpoLoss(DpoLoss.DEFAULT_BETA * 5);
    NDArray refs = manager.create(new float[] {-12f, -9f, -8f});
    assertGradientMatches(
        () -> {
          NDArray seq = DpoLoss.sequenceLogProbs(batch.logProbs(model, 1.0), batch.completionMask());
          return dpo.compute(seq.get("0:2"), seq.get("1:3"), refs.get("0:2"), refs.get("1:3"), 2).loss();
        });
  }

  private void assertGradientMatches(Supplier<NDArray> lossOf) {
    Map<String, NDArray> parameters = model.trainableParameters();
    AdapterOptimizer.requireGradients(parameters.values());
    GradientClipping.zero(parameters.values());
    try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
      collector.backward(lossOf.get());
    }
    List<double[]> checks = new ArrayList<>(); // {parameter index, element, analytic}
    int index = 0;
    for (NDArray p : parameters.values()) {
      float[] g = p.getGradient().toFloatArray();
      for (int i = 0; i < g.length; i++) {
        checks.add(new double[] {index, i, g[i]});
      }
      index++;
    }
    checks.sort((a, b) -> Double.compare(Math.abs(b[2]), Math.abs(a[2])));
    List<NDArray> list = new ArrayList<>(parameters.values());
    double h = 1e-2;
    for (double[] check : checks.subList(0, 8)) {
      NDArray p = list.get((int) check[0]);
      double numeric = (lossWith(p, (int) check[1], h, lossOf) - lossWith(p, (int) check[1], -h, lossOf)) / (2 * h);
      double analytic = check[2];
      assertTrue(
          Math.abs(numeric - analytic) <= 2e-4 + 0.03 * Math.abs(analytic),
          "numeric " + numeric + " vs analytic " + analytic);
    }
    assertTrue(Math.abs(checks.get(0)[2]) > 1e-3, "the loss must depend on the adapter");
  }

  private static double lossWith(NDArray p, int element, double delta, Supplier<NDArray> lossOf) {
    NDArray flat = p.reshape(-1);
    float original = flat.getFloat(element);
    flat.set(new NDIndex(element), original + (float) delta);
    try (ai.djl.ndarray.NDScope scope = new ai.djl.ndarray.NDScope()) {
      double value = GrpoLoss.sumOf(lossOf.get());
      scope.suppressNotUsedWarning();
      return value;
    } finally {
      flat.set(new NDIndex(element), original);
    }
  }

  private static Completion completion(int[] prompt, int[] tokens) {
    return new Completion(prompt, tokens, "", new float[tokens.length], 0);
  }
}
