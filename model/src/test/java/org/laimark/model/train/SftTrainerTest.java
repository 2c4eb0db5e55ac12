package org.laimark.model.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.laimark.model.lora.LoraConfig;
import org.laimark.model.qwen3.Qwen3Config;
import org.laimark.model.qwen3.Qwen3Model;
import org.laimark.model.qwen3.SpreadRandomModel;

/** The SFT trainer on a tiny random Qwen3 with a q/v LoRA adapter: it learns, accumulates and resumes. */
class SftTrainerTest {

  static final Qwen3Config TINY = Qwen3Config.qwen3(64, 32, 64, 2, 4, 2, 8, true);
  static final double LEARNING_RATE = 2e-2;
  static final List<String> TARGETS = List.of("q_proj", "v_proj");
  /** Weights spread wide enough that an adapter can make the model confident (see SpreadRandomModel). */
  static final double STD = 0.3;

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
  void lossOnTheCompletionTokensFallsOnASmallDataset() {
    List<SupervisedExample> data = dataset(6, 11);
    try (Qwen3Model model = tinyModel(0.05); SftTrainer trainer = trainer(model, 4, 20)) {
      double before = trainer.loss(data);

      for (int step = 0; step < 20; step++) {
        trainer.step(data);
      }
      double after = trainer.loss(data);

      assertTrue(before > 3.5, "a random model is near ln(64) = 4.16 nats per token, got " + before);
      assertTrue(after < 0.6 * before, "loss " + before + " -> " + after);
    }
  }

  @Test
  void microBatchesAccumulateToTheWholeBatchStep() {
    List<SupervisedExample> data = dataset(6, 12);
    Map<String, float[]> whole;
    double wholeLoss;
    try (Qwen3Model model = tinyModel(0.0); SftTrainer trainer = trainer(model, 6, 10)) {
      trainer.step(data);
      wholeLoss = trainer.step(data).update().loss();
      whole = snapshot(model);
    }

    try (Qwen3Model model = tinyModel(0.0); SftTrainer trainer = trainer(model, 2, 10)) {
      trainer.step(data);
      double splitLoss = trainer.step(data).update().loss();

      assertEquals(wholeLoss, splitLoss, 1e-5);
      Map<String, float[]> split = snapshot(model);
      for (String name : whole.keySet()) {
        assertArrayEquals(whole.get(name), split.get(name), 1e-5f, name);
      }
    }
  }

  @Test
  void aCheckpointResumedMidRunReproducesTheUninterruptedRunExactly(@TempDir Path dir) {
    List<SupervisedExample> data = dataset(5, 13);
    BatchOrder order = new BatchOrder(data.size(), 3, 42);
    List<Double> straight = new ArrayList<>();
    Map<String, float[]> straightWeights;
    try (Qwen3Model model = tinyModel(0.05); SftTrainer trainer = trainer(model, 2, 8)) {
      for (int step = 0; step < 4; step++) {
        straight.add(trainer.step(batch(data, order, step)).update().loss());
      }
      straightWeights = snapshot(model);
    }
    try (Qwen3Model model = tinyModel(0.05); SftTrainer trainer = trainer(model, 2, 8)) {
      trainer.step(batch(data, order, 0));
      trainer.step(batch(data, order, 1));
      TrainerCheckpoint.save(dir.resolve("checkpoint"), model, trainer.optimizer(), Map.of());
    }

    List<Double> resumed = new ArrayList<>();
    try (Qwen3Model model = tinyModel(0.05); SftTrainer trainer = trainer(model, 2, 8)) {
      TrainerCheckpoint.restore(dir.resolve("checkpoint"), model, trainer.optimizer(), manager);
      for (long step = trainer.optimizer().steps(); step < 4; step++) {
        resumed.add(trainer.step(batch(data, order, step)).update().loss());
      }

      assertEquals(straight.subList(2, 4), resumed);
      Map<String, float[]> resumedWeights = snapshot(model);
      for (String name : straightWeights.keySet()) {
        assertArrayEquals(straightWeights.get(name), resumedWeights.get(name), name);
      }
    }
  }

  private Qwen3Model tinyModel(double dropout) {
    Qwen3Model model = SpreadRandomModel.of(TINY, 3, STD, manager);
    model.attachLora(new LoraConfig(8, 16, dropout, SftTrainerTest.TARGETS), 5);
    return model;
  }

  private SftTrainer trainer(Qwen3Model model, int microBatch, int totalSteps) {
    OptimizerSettings settings =
        new OptimizerSettings(
            LEARNING_RATE, 0.1, totalSteps, AdamW.Settings.defaults(), 1.0, microBatch, 42);
    return new SftTrainer(model, settings, 0, manager);
  }

  /** Prompts of 3-6 and completions of 2-7 random tokens (ids 1..63; 0 is padding). */
  static List<SupervisedExample> dataset(int size, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<SupervisedExample> data = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      int[] prompt = tokens(random, 3 + random.nextInt(4));
      data.add(new SupervisedExample(prompt, tokens(random, 2 + random.nextInt(6))));
    }
    return data;
  }

  static int[] tokens(SplittableRandom random, int length) {
    return random.ints(length, 1, 64).toArray();
  }

  static <T> List<T> batch(List<T> data, BatchOrder order, long step) {
    List<T> batch = new ArrayList<>();
    order.batch(step).forEach(i -> batch.add(data.get(i)));
    return batch;
  }

  static Map<String, float[]> snapshot(Qwen3Model model) {
    Map<String, float[]> copy = new LinkedHashMap<>();
    for (Map.Entry<String, NDArray> e : model.trainableParameters().entrySet()) {
      copy.put(e.getKey(), e.getValue().toFloatArray());
    }
    return copy;
  }
}
