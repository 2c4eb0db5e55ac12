package org.laimark.model.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.laimark.model.generate.Generation;
import org.laimark.model.generate.Generator;
import org.laimark.model.generate.PromptRequest;
import org.laimark.model.lora.LoraConfig;
import org.laimark.model.policy.Completion;
import org.laimark.model.policy.RolloutGroup;
import org.laimark.model.policy.SamplingParams;
import org.laimark.model.qwen3.Qwen3Config;
import org.laimark.model.qwen3.Qwen3Model;

/**
 * The GRPO trainer on a tiny random Qwen3 with the study's LoRA layout (q/v, dropout 0.05), rollouts from
 * the real {@link Generator}: what a step changes, and exact resume through PEFT adapter files.
 */
class Qwen3TrainingTest {

  static final Qwen3Config TINY = Qwen3Config.qwen3(64, 32, 64, 2, 4, 2, 8, true);
  static final int TARGET = 7;

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
  void trainingChangesTheLoraWeightsAndNotTheBaseWeights(@TempDir Path dir) throws IOException {
    try (Qwen3Model model = tinyModel()) {
      model.save(dir.resolve("before"));
      Map<String, float[]> adapterBefore = snapshot(model);
      try (GrpoTrainer trainer = trainer(model)) {
        for (int step = 0; step < 2; step++) {
          trainer.step(rollouts(model, step));
        }
      }
      model.save(dir.resolve("after"));

      assertArrayEquals(
          Files.readAllBytes(dir.resolve("before/model.safetensors")),
          Files.readAllBytes(dir.resolve("after/model.safetensors")),
          "base weights must not change");
      Map<String, float[]> adapterAfter = snapshot(model);
      for (String name : adapterBefore.keySet()) {
        assertFalse(
            java.util.Arrays.equals(adapterBefore.get(name), adapterAfter.get(name)), name + " unchanged");
      }
    }
  }

  @Test
  void resumingFromACheckpointReproducesTheUninterruptedRun(@TempDir Path dir) {
    List<List<RolloutGroup>> batches = new ArrayList<>();
    try (Qwen3Model sampler = tinyModel()) {
      for (int i = 0; i < 4; i++) {
        batches.add(rollouts(sampler, i));
      }
    }
    List<Double> straightLosses = new ArrayList<>();
    Map<String, float[]> straightWeights;
    try (Qwen3Model model = tinyModel(); GrpoTrainer trainer = trainer(model)) {
      for (List<RolloutGroup> batch : batches) {
        straightLosses.add(trainer.step(batch).update().loss());
      }
      straightWeights = snapshot(model);
    }

    try (Qwen3Model model = tinyModel(); GrpoTrainer trainer = trainer(model)) {
      trainer.step(batches.get(0));
      trainer.step(batches.get(1));
      TrainerCheckpoint.save(dir.resolve("checkpoint"), model, trainer.optimizer(), Map.of());
    }
    List<Double> resumedLosses = new ArrayList<>();
    try (Qwen3Model model = tinyModel(); GrpoTrainer trainer = trainer(model)) {
      TrainerCheckpoint.restore(dir.resolve("checkpoint"), model, trainer.optimizer(), manager);
      resumedLosses.add(trainer.step(batches.get(2)).update().loss());
      resumedLosses.add(trainer.step(batches.get(3)).update().loss());
      Map<String, float[]> resumedWeights = snapshot(model);

      assertEquals(straightLosses.subList(2, 4), resumedLosses);
      for (String name : straightWeights.keySet()) {
        assertArrayEquals(straightWeights.get(name), resumedWeights.get(name), name);
      }
    }
  }

  private Qwen3Model tinyModel() {
    Qwen3Model model = Qwen3Model.random(TINY, 3, manager);
    model.attachLora(new LoraConfig(8, 16, 0.05, List.of("q_proj", "v_proj")), 5);
    return model;
  }

  private GrpoTrainer trainer(Qwen3Model model) {
    OptimizerSettings optimizer =
        new OptimizerSettings(1e-2, 0.0, 50, AdamW.Settings.defaults(), 1.0, 8, 42);
    return new GrpoTrainer(model, GrpoSettings.defaults().withBeta(0.04), optimizer, 1.0, 0, manager);
  }

  private static Map<String, float[]> snapshot(Qwen3Model model) {
    Map<String, float[]> copy = new java.util.LinkedHashMap<>();
    for (Map.Entry<String, NDArray> e : model.trainableParameters().entrySet()) {
      copy.put(e.getKey(), e.getValue().toFloatArray());
    }
    return copy;
  }

  /** Four prompts × G = 4 sampled by the model itself; reward 1 when the completion contains TARGET. */
  static List<RolloutGroup> rollouts(Qwen3Model model, long round) {
    Generator generator = new Generator(model, ids -> "");
    List<PromptRequest> requests = new ArrayList<>();
    List<int[]> prompts = new ArrayList<>();
    for (int p = 0; p < 4; p++) {
      int[] prompt = {1 + p, 10 + p, 20 + p};
      for (int g = 0; g < 4; g++) {
        SamplingParams sampling = new SamplingParams(1.0, 1.0, 0, 8, round * 1000 + p * 10 + g);
        requests.add(new PromptRequest(prompt, sampling, java.util.Set.of()));
        prompts.add(prompt);
      }
    }
    List<Generation> generations = generator.generate(requests);
    List<RolloutGroup> groups = new ArrayList<>();
    for (int p = 0; p < 4; p++) {
      List<Completion> completions = new ArrayList<>();
      double[] rewards = new double[4];
      for (int g = 0; g < 4; g++) {
        Generation gen = generations.get(p * 4 + g);
        completions.add(new Completion(prompts.get(p * 4 + g), gen.tokenIds(), gen.text(), gen.logProbs(), 0));
        rewards[g] = java.util.Arrays.stream(gen.tokenIds()).anyMatch(t -> t == TARGET) ? 1 : 0;
      }
      groups.add(new RolloutGroup(completions, rewards));
    }
    return groups;
  }
}
