package org.laimark.model.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.laimark.model.policy.Completion;
import org.laimark.model.policy.RolloutGroup;

/** The GRPO trainer on the toy {@link BigramLoraLm}: what a step changes, accumulation, exact resume. */
class GrpoTrainerTest {

  private static final int VOCAB = 12;
  private static final int TARGET = 3;

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
  void aStepChangesTheAdapterAndLeavesTheBaseAlone() {
    BigramLoraLm model = model(1);
    float[] base = model.head.toFloatArray();
    float[] adapter = model.trainableParameters().get("lora_B").toFloatArray();

    try (GrpoTrainer trainer = trainer(model, 4, 0.0)) {
      GrpoTrainer.Result result = trainer.step(rollouts(model, new Random(5)));

      assertTrue(result.update().applied());
      assertTrue(result.update().gradNorm() > 0);
    }

    assertArrayEquals(base, model.head.toFloatArray());
    assertFalse(java.util.Arrays.equals(adapter, model.trainableParameters().get("lora_B").toFloatArray()));
  }

  @Test
  void microBatchesAccumulateToTheWholeBatchStep() {
    List<RolloutGroup> groups = rollouts(model(1), new Random(5));
    // without dropout: split micro-batches draw different dropout masks than one batch
    BigramLoraLm whole = new BigramLoraLm(VOCAB, 8, 4, 1, 1, 0f, manager);
    BigramLoraLm split = new BigramLoraLm(VOCAB, 8, 4, 1, 1, 0f, manager);

    try (GrpoTrainer a = trainer(whole, 16, 0.04); GrpoTrainer b = trainer(split, 3, 0.04)) {
      GrpoTrainer.Result one = a.step(groups);
      GrpoTrainer.Result many = b.step(groups);

      assertEquals(one.update().loss(), many.update().loss(), 1e-6);
      assertEquals(one.update().gradNorm(), many.update().gradNorm(), 1e-5);
      assertEquals(one.stats().clipFraction(), many.stats().clipFraction(), 1e-12);
    }
    assertArrayEquals(
        whole.trainableParameters().get("lora_A").toFloatArray(),
        split.trainableParameters().get("lora_A").toFloatArray(),
        1e-6f);
  }

  @Test
  void resumingFromACheckpointReproducesTheUninterruptedRun(@TempDir Path dir) {
    List<List<RolloutGroup>> batches = new ArrayList<>();
    BigramLoraLm sampler = model(1);
    for (int i = 0; i < 4; i++) {
      batches.add(rollouts(sampler, new Random(100 + i)));
    }
    BigramLoraLm straight = model(1);
    List<Double> straightLosses = new ArrayList<>();
    try (GrpoTrainer trainer = trainer(straight, 4, 0.04)) {
      for (List<RolloutGroup> batch : batches) {
        straightLosses.add(trainer.step(batch).update().loss());
      }
    }

    BigramLoraLm first = model(1);
    try (GrpoTrainer trainer = trainer(first, 4, 0.04)) {
      trainer.step(batches.get(0));
      trainer.step(batches.get(1));
      TrainerCheckpoint.save(dir.resolve("ckpt"), first, trainer.optimizer(), Map.of("version", "2"));
      trainer.step(batches.get(2)); // the interrupted run goes on a little; the resume must not see it
    }
    BigramLoraLm resumed = model(99); // another adapter init: all of it must be restored
    List<Double> resumedLosses = new ArrayList<>();
    try (GrpoTrainer trainer = trainer(resumed, 4, 0.04)) {
      Map<String, String> extra =
          TrainerCheckpoint.restore(dir.resolve("ckpt"), resumed, trainer.optimizer(), manager);
      assertEquals("2", extra.get("version"));
      resumedLosses.add(trainer.step(batches.get(2)).update().loss());
      resumedLosses.add(trainer.step(batches.get(3)).update().loss());
    }

    assertEquals(straightLosses.subList(2, 4), resumedLosses);
    for (String name : List.of("lora_A", "lora_B")) {
      assertArrayEquals(
          straight.trainableParameters().get(name).toFloatArray(),
          resumed.trainableParameters().get(name).toFloatArray(),
          name);
    }
  }

  /** Same base weights every time; the adapter from {@code adapterSeed}; LoRA dropout 0.1. */
  private BigramLoraLm model(long adapterSeed) {
    return new BigramLoraLm(VOCAB, 8, 4, 1, adapterSeed, 0.1f, manager);
  }

  private GrpoTrainer trainer(BigramLoraLm model, int microBatch, double beta) {
    OptimizerSettings opt =
        new OptimizerSettings(0.05, 0.0, 10, AdamW.Settings.defaults(), 1.0, microBatch, 42);
    return new GrpoTrainer(model, GrpoSettings.defaults().withBeta(beta), opt, 1.0, 0, manager);
  }

  /** Four prompts, G = 4, reward 1 when the completion contains the target token. */
  private static List<RolloutGroup> rollouts(BigramLoraLm model, Random random) {
    List<RolloutGroup> groups = new ArrayList<>();
    for (int p = 0; p < 4; p++) {
      int[] prompt = {1 + p, 5 + p};
      List<Completion> completions = new ArrayList<>();
      double[] rewards = new double[4];
      for (int g = 0; g < 4; g++) {
        Completion c = model.sample(prompt, 3 + g, random);
        completions.add(c);
        rewards[g] = java.util.Arrays.stream(c.completionIds()).anyMatch(t -> t == TARGET) ? 1 : 0;
      }
      groups.add(new RolloutGroup(completions, rewards));
    }
    return groups;
  }
}
