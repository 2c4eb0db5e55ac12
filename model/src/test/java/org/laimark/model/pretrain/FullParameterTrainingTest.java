package org.laimark.model.pretrain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.laimark.model.lora.LoraConfig;
import org.laimark.model.qwen3.Qwen3Config;
import org.laimark.model.qwen3.ModelBuilder;
import org.laimark.model.qwen3.Qwen3Model;
import org.laimark.model.train.AdamW;
import org.laimark.model.train.OptimizerSettings;

/**
 * Pre-training a real (tiny, random) Qwen3 with every weight trainable: the loss falls, every weight moves,
 * and what {@code save} writes is the trained model.
 */
class FullParameterTrainingTest {

  private static final Qwen3Config TINY = Qwen3Config.qwen3(24, 32, 64, 2, 4, 2, 8, true);

  private NDManager manager;

  @BeforeEach
  void setUp() {
    manager = NDManager.newBaseManager();
  }

  @AfterEach
  void tearDown() {
    manager.close();
  }

  /** Prompts of tokens 3..9; the answer is the first prompt token shifted into 10..16, then 2 (end). */
  private static List<TokenizedExample> examples(int count, long seed) {
    Random rng = new Random(seed);
    List<TokenizedExample> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      int[] prompt = new int[2 + rng.nextInt(5)];
      for (int j = 0; j < prompt.length; j++) {
        prompt[j] = 3 + rng.nextInt(7);
      }
      out.add(new TokenizedExample(PretrainExample.Kind.SOLVE, prompt, new int[] {prompt[0] + 7, 2}));
    }
    return out;
  }

  private static OptimizerSettings settings(int steps) {
    return new OptimizerSettings(
        0.01, 0.05, steps, new AdamW.Settings(0.9, 0.95, 1e-8, 0.01), 1.0, 8, 1);
  }

  @Test
  void everyWeightTrainsAndTheLossFallsOnAMappingThatNeedsAttention() {
    try (Qwen3Model model = Qwen3Model.random(TINY, 3, manager)) {
      model.trainAllWeights();
      Map<String, float[]> before = snapshot(model.trainableParameters());
      BatchSampler batches = new BatchSampler(examples(256, 5), 32, 7);
      double first;
      double last;
      try (PretrainLoop loop = new PretrainLoop(model, settings(60), 0, manager)) {
        first = loop.step(batches.next()).loss();
        last = first;
        for (int i = 1; i < 60; i++) {
          last = loop.step(batches.next()).loss();
        }
      }

      // 8 weights per layer + embedding + final norm; the tied head is the embedding.
      assertEquals(2 * 11 + 2, before.size(), "trainable weights: " + before.keySet());
      Map<String, float[]> after = snapshot(model.trainableParameters());
      before.forEach(
          (name, values) -> assertFalse(java.util.Arrays.equals(values, after.get(name)), name + " unchanged"));
      assertTrue(first > 2.0, "an untrained model is near uniform over 24 tokens: " + first);
      // The answer depends on the first prompt token, so it has to be read through attention.
      assertTrue(last < 0.5 * first, "loss " + first + " -> " + last);
    }
  }

  @Test
  void savedWeightsReloadToTheSameLogits(@TempDir Path dir) {
    try (Qwen3Model model = Qwen3Model.random(TINY, 4, manager)) {
      model.trainAllWeights();
      try (PretrainLoop loop = new PretrainLoop(model, settings(3), 0, manager)) {
        BatchSampler batches = new BatchSampler(examples(64, 1), 16, 2);
        for (int i = 0; i < 3; i++) {
          loop.step(batches.next());
        }
      }
      model.save(dir);
      try (Qwen3Model reloaded = Qwen3Model.load(dir, manager);
          NDManager step = manager.newSubManager()) {
        NDArray ids = step.create(new long[][] {{3, 4, 5, 6, 7}});

        assertArrayEquals(
            model.logits(ids, null).toFloatArray(), reloaded.logits(ids, null).toFloatArray(), 0f);
        assertArrayEquals(
            model.logits(ids, null).get(":, 2:").toFloatArray(),
            model.logits(ids, null, 2).toFloatArray(),
            1e-6f,
            "the head applied to later positions only");
      }
    }
  }

  @Test
  void aSavedModelContinuesTrainingEveryWeightOnlyWhenLoadedForIt(@TempDir Path dir) {
    try (Qwen3Model model = Qwen3Model.random(TINY, 6, manager)) {
      model.save(dir);
    }
    try (Qwen3Model mapped = Qwen3Model.load(dir, manager)) {
      IllegalStateException refused = assertThrows(IllegalStateException.class, mapped::trainAllWeights);
      assertTrue(refused.getMessage().contains("fromCheckpointForFullTraining"), refused.getMessage());
    }
    try (Qwen3Model model = ModelBuilder.fromCheckpointForFullTraining(dir, manager)) {
      model.trainAllWeights();
      Map<String, float[]> before = snapshot(model.trainableParameters());
      try (PretrainLoop loop = new PretrainLoop(model, settings(3), 0, manager)) {
        BatchSampler batches = new BatchSampler(examples(64, 1), 16, 2);
        for (int i = 0; i < 3; i++) {
          loop.step(batches.next());
        }
      }
      Map<String, float[]> after = snapshot(model.trainableParameters());
      before.forEach(
          (name, values) -> assertFalse(java.util.Arrays.equals(values, after.get(name)), name + " unchanged"));
    }
  }

  @Test
  void aModelTrainingAllWeightsRefusesAnAdapter() {
    try (Qwen3Model model = Qwen3Model.random(TINY, 5, manager)) {
      model.trainAllWeights();

      assertThrows(IllegalStateException.class, () -> model.attachLora(LoraConfig.defaults(), 1));
    }
  }

  private static Map<String, float[]> snapshot(Map<String, NDArray> parameters) {
    Map<String, float[]> copy = new LinkedHashMap<>();
    parameters.forEach((name, array) -> copy.put(name, array.toFloatArray()));
    return copy;
  }
}
