package org.laimark.model.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.laimark.model.lora.LoraConfig;
import org.laimark.model.qwen3.Qwen3Model;
import org.laimark.model.qwen3.SpreadRandomModel;

/** The DPO trainer on a tiny random Qwen3: the reference is the adapter disabled; it learns and resumes. */
class DpoTrainerTest {

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
  void trainingRaisesTheChosenVersusRejectedMargin() {
    List<PreferencePair> pairs = pairs(6, 21);
    try (Qwen3Model model = tinyModel(); DpoTrainer trainer = trainer(model, 3, 15)) {
      DpoTrainer.Preferences before = trainer.evaluate(pairs);

      for (int step = 0; step < 15; step++) {
        trainer.step(pairs);
      }
      DpoTrainer.Preferences after = trainer.evaluate(pairs);

      assertEquals(0.0, before.meanRewardMargin(), 1e-5, "a fresh adapter (B = 0) is the reference");
      assertEquals(Math.log(2), before.loss(), 1e-5, "-log sigmoid(0)");
      assertTrue(after.meanRewardMargin() > 2.0, "margin " + after.meanRewardMargin());
      assertEquals(1.0, after.rewardAccuracy());
      assertTrue(after.loss() < 0.5 * before.loss(), "loss " + before.loss() + " -> " + after.loss());
    }
  }

  @Test
  void aCheckpointResumedMidRunReproducesTheUninterruptedRunExactly(@TempDir Path dir) {
    List<PreferencePair> pairs = pairs(5, 22);
    BatchOrder order = new BatchOrder(pairs.size(), 2, 7);
    List<Double> straight = new ArrayList<>();
    Map<String, float[]> straightWeights;
    try (Qwen3Model model = tinyModel(); DpoTrainer trainer = trainer(model, 1, 8)) {
      for (int step = 0; step < 4; step++) {
        straight.add(trainer.step(SftTrainerTest.batch(pairs, order, step)).update().loss());
      }
      straightWeights = SftTrainerTest.snapshot(model);
    }
    try (Qwen3Model model = tinyModel(); DpoTrainer trainer = trainer(model, 1, 8)) {
      trainer.step(SftTrainerTest.batch(pairs, order, 0));
      trainer.step(SftTrainerTest.batch(pairs, order, 1));
      TrainerCheckpoint.save(dir.resolve("checkpoint"), model, trainer.optimizer(), Map.of());
    }

    List<Double> resumed = new ArrayList<>();
    try (Qwen3Model model = tinyModel(); DpoTrainer trainer = trainer(model, 1, 8)) {
      TrainerCheckpoint.restore(dir.resolve("checkpoint"), model, trainer.optimizer(), manager);
      for (long step = trainer.optimizer().steps(); step < 4; step++) {
        resumed.add(trainer.step(SftTrainerTest.batch(pairs, order, step)).update().loss());
      }

      assertEquals(straight.subList(2, 4), resumed);
      Map<String, float[]> resumedWeights = SftTrainerTest.snapshot(model);
      for (String name : straightWeights.keySet()) {
        assertArrayEquals(straightWeights.get(name), resumedWeights.get(name), name);
      }
    }
  }

  private Qwen3Model tinyModel() {
    Qwen3Model model = SpreadRandomModel.of(SftTrainerTest.TINY, 3, SftTrainerTest.STD, manager);
    model.attachLora(new LoraConfig(8, 16, 0.05, SftTrainerTest.TARGETS), 5);
    return model;
  }

  private DpoTrainer trainer(Qwen3Model model, int microBatch, int totalSteps) {
    OptimizerSettings settings =
        new OptimizerSettings(
            SftTrainerTest.LEARNING_RATE, 0.1, totalSteps, AdamW.Settings.defaults(), 1.0, microBatch, 42);
    return new DpoTrainer(model, DpoLoss.DEFAULT_BETA, settings, 0, manager);
  }

  /** A random prompt with two different random answers of different lengths. */
  static List<PreferencePair> pairs(int size, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<PreferencePair> pairs = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      pairs.add(
          new PreferencePair(
              SftTrainerTest.tokens(random, 3 + random.nextInt(3)),
              SftTrainerTest.tokens(random, 3 + random.nextInt(4)),
              SftTrainerTest.tokens(random, 2 + random.nextInt(4))));
    }
    return pairs;
  }
}
