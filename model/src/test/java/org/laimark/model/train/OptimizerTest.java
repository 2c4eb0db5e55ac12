package org.laimark.model.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** AdamW, the schedule and clipping against the formulas computed by hand in double precision. */
class OptimizerTest {

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
  void adamWMatchesTheReferenceArithmeticOverThreeSteps() {
    NDArray p = manager.create(new double[] {0.5, -1.0, 2.0});
    p.setRequiresGradient(true);
    AdamW.Settings s = new AdamW.Settings(0.9, 0.999, 1e-8, 0.01);
    double[] expected = {0.5, -1.0, 2.0};
    double[] m = new double[3];
    double[] v = new double[3];
    try (AdamW adam = new AdamW(Map.of("p", p), s, manager)) {
      for (int t = 1; t <= 3; t++) {
        // loss = sum(p^3) / 3, gradient p^2
        GradientClipping.zero(List.of(p));
        try (GradientCollector c = Engine.getInstance().newGradientCollector()) {
          c.backward(p.pow(3).sum().div(3));
        }
        double lr = 0.1;
        adam.step(Map.of("p", p), lr);
        for (int i = 0; i < 3; i++) {
          double g = expected[i] * expected[i];
          expected[i] *= 1 - lr * s.weightDecay();
          m[i] = 0.9 * m[i] + 0.1 * g;
          v[i] = 0.999 * v[i] + 0.001 * g * g;
          double denominator = Math.sqrt(v[i]) / Math.sqrt(1 - Math.pow(0.999, t)) + 1e-8;
          expected[i] -= lr / (1 - Math.pow(0.9, t)) * m[i] / denominator;
        }
      }
      assertArrayEquals(expected, p.toDoubleArray(), 1e-12);
      assertEquals(3, adam.steps());
    }
  }

  @Test
  void cosineScheduleWarmsUpLinearlyThenDecaysToZero() {
    CosineSchedule schedule = CosineSchedule.withWarmupFraction(5e-6, 0.1, 100);

    assertEquals(10, schedule.warmupSteps());
    assertEquals(0.0, schedule.learningRate(0));
    assertEquals(2.5e-6, schedule.learningRate(5), 1e-18);
    assertEquals(5e-6, schedule.learningRate(10), 1e-18);
    assertEquals(2.5e-6, schedule.learningRate(55), 1e-18);
    assertEquals(0.0, schedule.learningRate(100), 1e-18);
    assertEquals(0.0, schedule.learningRate(150), 1e-18);
  }

  @Test
  void theScheduleEndsAtItsLastStepAndNotBefore() {
    CosineSchedule schedule = CosineSchedule.withWarmupFraction(1e-3, 0.1, 20);

    assertFalse(schedule.endedBefore(19));
    assertTrue(schedule.learningRate(19) > 0);
    assertTrue(schedule.endedBefore(20));
    assertEquals(0.0, schedule.learningRate(20));
  }

  @Test
  void clippingScalesGradientsToTheMaximumGlobalNorm() {
    NDArray a = manager.create(new double[] {3, 0});
    NDArray b = manager.create(new double[] {4});
    a.setRequiresGradient(true);
    b.setRequiresGradient(true);
    try (GradientCollector c = Engine.getInstance().newGradientCollector()) {
      c.backward(a.sum().mul(0).add(a.mul(a).sum().div(2)).add(b.mul(b).sum().div(2)));
    }

    double norm = GradientClipping.clipGlobalNorm(List.of(a, b), 1.0);

    assertEquals(5.0, norm, 1e-12);
    double scale = 1.0 / (5.0 + 1e-6);
    assertArrayEquals(new double[] {3 * scale, 0}, a.getGradient().toDoubleArray(), 1e-12);
    assertArrayEquals(new double[] {4 * scale}, b.getGradient().toDoubleArray(), 1e-12);
  }
}
