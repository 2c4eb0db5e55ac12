package org.laimark.model.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GrpoLossTest {

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
  void onPolicyLossIsMinusTheWeightedAdvantage() {
    NDArray logp = manager.create(new double[] {-1, -2, -3, -4}, new Shape(2, 2));
    NDArray mask = manager.create(new double[] {1, 1, 1, 0}, new Shape(2, 2));
    NDArray advantages = manager.create(new double[] {2, -1});
    GrpoLoss loss = new GrpoLoss(GrpoSettings.defaults());

    GrpoLoss.Output out =
        loss.compute(logp, logp, null, advantages, mask, LossNormalization.DAPO.tokenWeights(mask, 2, 3, 8));

    // ratio 1 everywhere: -(2 + 2 - 1) / 3 tokens
    assertEquals(-1.0, out.loss().getDouble(), 1e-12);
    assertEquals(new GrpoLoss.Stats(0, 3, 0), out.stats());
  }

  @Test
  void countsOnlyClipsInTheDirectionOfTheAdvantage() {
    NDArray logp = manager.zeros(new Shape(2, 2)).toType(ai.djl.ndarray.types.DataType.FLOAT64, false);
    // ratios: e^0.5 (high), e^-0.5 (low) for both sequences
    NDArray old = manager.create(new double[] {-0.5, 0.5, -0.5, 0.5}, new Shape(2, 2));
    NDArray mask = manager.ones(new Shape(2, 2)).toType(ai.djl.ndarray.types.DataType.FLOAT64, false);
    NDArray advantages = manager.create(new double[] {1, -1});

    GrpoLoss.Output out =
        new GrpoLoss(GrpoSettings.defaults())
            .compute(logp, old, null, advantages, mask, LossNormalization.DAPO.tokenWeights(mask, 2, 4, 8));

    // sequence 0 (A > 0): high clip counts; sequence 1 (A < 0): low clip counts
    assertEquals(0.5, out.stats().clipFraction(), 1e-12);
    // -(1.2*1 + e^-0.5*1 + (-1)*e^0.5... min picks): per token -min(r*A, clip(r)*A)
    double expected =
        -(Math.min(Math.exp(0.5), 1.2) + Math.exp(-0.5) - Math.exp(0.5) - Math.max(Math.exp(-0.5), 0.8)) / 4;
    assertEquals(expected, out.loss().getDouble(), 1e-12);
  }

  @Test
  void klTermIsZeroAtTheReferenceAndPositiveAwayFromIt() {
    NDArray logp = manager.create(new double[] {-1, -2}, new Shape(1, 2));
    NDArray mask = manager.create(new double[] {1, 1}, new Shape(1, 2));
    NDArray zeroAdvantage = manager.create(new double[] {0});
    GrpoLoss loss = new GrpoLoss(GrpoSettings.defaults().withBeta(0.1));
    NDArray weights = LossNormalization.DAPO.tokenWeights(mask, 1, 2, 8);

    double atReference = loss.compute(logp, logp, logp, zeroAdvantage, mask, weights).stats().meanKl();
    NDArray ref = manager.create(new double[] {-1.5, -1}, new Shape(1, 2));
    GrpoLoss.Output away = loss.compute(logp, logp, ref, zeroAdvantage, mask, weights);

    assertEquals(0.0, atReference, 1e-12);
    double k3a = Math.exp(-0.5) + 0.5 - 1;
    double k3b = Math.exp(1) - 1 - 1;
    assertEquals((k3a + k3b) / 2, away.stats().meanKl(), 1e-12);
    assertEquals(0.1 * (k3a + k3b) / 2, away.loss().getDouble(), 1e-12);
  }

  @Test
  void positiveBetaWithoutReferenceIsRejected() {
    NDArray x = manager.create(new double[] {-1}, new Shape(1, 1));
    GrpoLoss loss = new GrpoLoss(GrpoSettings.defaults().withBeta(0.04));

    assertThrows(IllegalArgumentException.class, () -> loss.compute(x, x, null, x.get(0), x, x));
  }

  @Test
  void microBatchWeightsSumToTheWholeBatchLoss() {
    NDArray mask = manager.create(new double[] {1, 1, 1, 0, 1, 0, 0, 0, 1, 1, 1, 1}, new Shape(3, 4));
    for (LossNormalization normalization : LossNormalization.values()) {
      double whole = GrpoLoss.sumOf(normalization.tokenWeights(mask, 3, 8, 4));
      double split =
          GrpoLoss.sumOf(normalization.tokenWeights(mask.get("0:1"), 3, 8, 4))
              + GrpoLoss.sumOf(normalization.tokenWeights(mask.get("1:3"), 3, 8, 4));

      assertEquals(whole, split, 1e-12, normalization.name());
    }
    assertEquals(1.0, GrpoLoss.sumOf(LossNormalization.GRPO.tokenWeights(mask, 3, 8, 4)), 1e-12);
    assertEquals(1.0, GrpoLoss.sumOf(LossNormalization.DAPO.tokenWeights(mask, 3, 8, 4)), 1e-12);
    assertEquals(8.0 / 12, GrpoLoss.sumOf(LossNormalization.DR_GRPO.tokenWeights(mask, 3, 8, 4)), 1e-12);
  }
}
