package org.laimark.model.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Analytic gradients of the three losses, taken through {@link TokenLogProbs} from float64 logits, against
 * central finite differences (h = 1e-6; agreement to 1e-6 relative to the largest gradient entry).
 */
class LossGradientTest {

  private static final int B = 3;
  private static final int T = 4;
  private static final int V = 5;

  private NDManager manager;
  private NDArray targets;
  private NDArray mask;

  @BeforeEach
  void setUp() {
    manager = NDManager.newBaseManager();
    Engine.getInstance().setRandomSeed(11);
    targets = manager.randomInteger(0, V, new Shape(B, T), DataType.INT64);
    mask = manager.create(new double[] {0, 1, 1, 1, 0, 0, 1, 0, 1, 1, 1, 1}, new Shape(B, T));
  }

  @AfterEach
  void tearDown() {
    manager.close();
  }

  @Test
  void grpoGradientMatchesFiniteDifferencesForEveryNormalizationWithKl() {
    NDArray base = randomLogits();
    // old log-probs shifted so that ratios sit inside and well outside the clip range, away from its edges
    NDArray shifts = manager.create(new double[] {0, .1, -.1, .5, -.5, .3, 0, -.6, .05, .7, -.3, 0}, new Shape(B, T));
    NDArray old = TokenLogProbs.of(base, targets, 0.7).sub(shifts);
    NDArray ref = TokenLogProbs.of(base, targets, 0.7).add(shifts.mul(0.5));
    NDArray advantages = manager.create(new double[] {1.2, -0.7, 0.4});
    for (LossNormalization normalization : LossNormalization.values()) {
      GrpoLoss loss = new GrpoLoss(GrpoSettings.defaults().withBeta(0.05).withNormalization(normalization));
      NDArray weights = normalization.tokenWeights(mask, B, (long) GrpoLoss.sumOf(mask), 6);
      assertGradientMatches(
          base.duplicate(), // a fresh leaf: gradients would accumulate across the loop
          l -> loss.compute(TokenLogProbs.of(l, targets, 0.7), old, ref, advantages, mask, weights).loss());
    }
  }

  @Test
  void sftGradientMatchesFiniteDifferences() {
    assertGradientMatches(randomLogits(), l -> SftLoss.compute(TokenLogProbs.of(l, targets, 1.0), mask, 9));
  }

  @Test
  void dpoGradientMatchesFiniteDifferences() {
    NDArray refChosen = manager.create(new double[] {-3.0, -2.5});
    NDArray refRejected = manager.create(new double[] {-2.0, -4.0});
    DpoLoss dpo = new DpoLoss(DpoLoss.DEFAULT_BETA);
    assertGradientMatches(
        randomLogits(),
        l -> {
          NDArray seq = DpoLoss.sequenceLogProbs(TokenLogProbs.of(l, targets, 1.0), mask); // (3)
          NDArray chosen = seq.get("0:2");
          NDArray rejected = seq.get("1:3");
          return dpo.compute(chosen, rejected, refChosen, refRejected, 2).loss();
        });
  }

  private NDArray randomLogits() {
    return manager.randomNormal(new Shape(B, T, V)).toType(DataType.FLOAT64, false).mul(2);
  }

  private static void assertGradientMatches(NDArray logits, Function<NDArray, NDArray> lossOf) {
    logits.setRequiresGradient(true);
    try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
      collector.backward(lossOf.apply(logits));
    }
    double[] analytic = logits.getGradient().toDoubleArray();
    double[] values = logits.toDoubleArray();
    double h = 1e-6;
    double largest = 0;
    double worst = 0;
    for (int i = 0; i < values.length; i++) {
      double numeric = (lossAt(logits, lossOf, values, i, h) - lossAt(logits, lossOf, values, i, -h)) / (2 * h);
      largest = Math.max(largest, Math.abs(analytic[i]));
      worst = Math.max(worst, Math.abs(numeric - analytic[i]));
    }
    assertTrue(largest > 1e-3, "the loss must depend on the logits, largest gradient " + largest);
    assertEquals(0.0, worst / largest, 1e-6, "max |numeric - analytic| / max |analytic|");
  }

  private static double lossAt(
      NDArray logits, Function<NDArray, NDArray> lossOf, double[] values, int i, double delta) {
    double[] moved = values.clone();
    moved[i] += delta;
    try (NDManager scratch = logits.getManager().newSubManager()) {
      NDArray shifted = scratch.create(moved, logits.getShape());
      return lossOf.apply(shifted).getDouble();
    }
  }
}
