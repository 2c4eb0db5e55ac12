package org.laimark.model.qwen3;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import org.laimark.model.safetensors.SafetensorsFile;

/**
 * LoRA on a random model: PEFT init, PEFT files, reload, merge, the reference switch, dropout,
 * gradients.
 */
class LoraAdapterTest {

  private static final Qwen3Config CONFIG = Qwen3Config.qwen3(64, 32, 48, 2, 4, 2, 8, false);
  private static final long[] IDS = {1, 5, 9, 33, 2, 61, 7};

  @TempDir Path directory;
  private NDManager manager;
  private Qwen3Model model;

  @BeforeEach
  void start() {
    manager = NDManager.newBaseManager();
    model = Qwen3Model.random(CONFIG, 3, 0.1, manager);
  }

  @AfterEach
  void stop() {
    model.close();
    manager.close();
  }

  @Test
  void freshAdapterLeavesTheOutputsUnchanged() {
    float[] base = logits(model);

    model.attachLora(LoraConfig.defaults(), 1);

    assertArrayEquals(base, logits(model), 0f);
  }

  @Test
  void trainableParametersAreTheLoraMatricesInPeftOrder() {
    model.attachLora(LoraConfig.defaults(), 1);

    List<String> names = new ArrayList<>(model.trainableParameters().keySet());

    assertEquals(8, names.size());
    assertEquals("base_model.model.model.layers.0.self_attn.q_proj.lora_A.weight", names.get(0));
    assertEquals("base_model.model.model.layers.0.self_attn.q_proj.lora_B.weight", names.get(1));
    assertEquals("base_model.model.model.layers.0.self_attn.v_proj.lora_A.weight", names.get(2));
    assertEquals("base_model.model.model.layers.1.self_attn.v_proj.lora_B.weight", names.get(7));
    assertEquals(new Shape(16, 32), model.trainableParameters().get(names.get(0)).getShape());
    assertEquals(new Shape(32, 16), model.trainableParameters().get(names.get(1)).getShape());
  }

  @Test
  void peftInitialisationDrawsAFromKaimingUniformAndZerosB() {
    model.attachLora(new LoraConfig(4, 8, 0, List.of("q_proj")), 1);

    float[] a =
        model
            .trainableParameters()
            .get("base_model.model.model.layers.0.self_attn.q_proj.lora_A.weight")
            .toFloatArray();
    float[] b =
        model
            .trainableParameters()
            .get("base_model.model.model.layers.0.self_attn.q_proj.lora_B.weight")
            .toFloatArray();

    float bound = (float) (1 / Math.sqrt(32));
    float largest = 0;
    for (float v : a) {
      largest = Math.max(largest, Math.abs(v));
    }
    assertTrue(
        largest <= bound && largest > bound * 0.8f, "max |A| = " + largest + ", bound " + bound);
    assertArrayEquals(new float[b.length], b, 0f);
  }

  @Test
  void savedAdapterReloadsToTheSameLogitsWithPeftFileNames() throws Exception {
    model.attachLora(LoraConfig.defaults(), 1);
    randomiseB(model, 7);
    float[] adapted = logits(model);

    model.saveAdapter(directory);
    Qwen3Model fresh = Qwen3Model.random(CONFIG, 3, 0.1, manager);
    fresh.loadAdapter(directory);

    assertArrayEquals(adapted, logits(fresh), 1e-6f);
    JsonNode config =
        new ObjectMapper().readTree(directory.resolve("adapter_config.json").toFile());
    assertEquals("LORA", config.get("peft_type").asText());
    assertEquals(16, config.get("r").asInt());
    assertEquals(32.0, config.get("lora_alpha").asDouble());
    assertEquals("[\"q_proj\",\"v_proj\"]", config.get("target_modules").toString());
    SafetensorsFile weights = SafetensorsFile.open(directory.resolve("adapter_model.safetensors"));
    assertEquals(model.trainableParameters().keySet(), weights.entries().keySet());
    assertEquals(Map.of("format", "pt"), weights.metadata());
    fresh.close();
  }

  @Test
  void mergedAdapterGivesTheSameLogitsAsUnmerged() {
    model.attachLora(new LoraConfig(4, 8, 0.05, List.of("all-linear")), 1);
    randomiseB(model, 9);
    float[] unmerged = logits(model);

    model.mergeAdapter();

    assertFalse(model.hasAdapter());
    assertTrue(model.trainableParameters().isEmpty());
    assertArrayEquals(unmerged, logits(model), 1e-5f);
  }

  @Test
  void mergedModelSavesAndReloadsWithoutTheAdapter() {
    model.attachLora(LoraConfig.defaults(), 1);
    randomiseB(model, 9);
    float[] adapted = logits(model);
    model.mergeAdapter();

    model.save(directory);

    try (Qwen3Model merged = Qwen3Model.load(directory, manager)) {
      assertArrayEquals(adapted, logits(merged), 1e-5f);
    }
  }

  @Test
  void disabledAdapterIsTheBaseModel() {
    float[] base = logits(model);
    model.attachLora(LoraConfig.defaults(), 1);
    randomiseB(model, 4);

    model.setAdapterEnabled(false);
    float[] reference = logits(model);
    model.setAdapterEnabled(true);

    assertArrayEquals(base, reference, 0f);
    assertFalse(java.util.Arrays.equals(base, logits(model)));
  }

  @Test
  void dropoutActsOnlyInTraining() {
    model.attachLora(new LoraConfig(4, 8, 0.5, List.of("q_proj", "v_proj")), 1);
    randomiseB(model, 4);
    float[] evaluation = logits(model);

    model.setTraining(true);
    Engine.getInstance().setRandomSeed(5);
    float[] firstTraining = logits(model);
    Engine.getInstance().setRandomSeed(5);
    float[] sameSeed = logits(model);
    model.setTraining(false);

    assertFalse(java.util.Arrays.equals(evaluation, firstTraining));
    assertArrayEquals(firstTraining, sameSeed, 0f);
    assertArrayEquals(evaluation, logits(model), 0f);
  }

  @Test
  void gradientsReachTheLoraMatricesOnly() {
    model.attachLora(LoraConfig.defaults(), 1);
    randomiseB(model, 4);
    Map<String, NDArray> parameters = model.trainableParameters();
    parameters.values().forEach(p -> p.setRequiresGradient(true));

    try (NDManager step = model.newStepManager();
        GradientCollector collector = Engine.getInstance().newGradientCollector()) {
      NDArray input = step.create(IDS, new Shape(1, IDS.length));
      collector.backward(model.forward(input, null, null).logSoftmax(-1).get(":, :, 3").sum());
    }

    for (Map.Entry<String, NDArray> p : parameters.entrySet()) {
      float norm = p.getValue().getGradient().abs().sum().getFloat();
      assertTrue(norm > 0, "no gradient for " + p.getKey());
    }
  }

  private static void randomiseB(Qwen3Model m, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    m.trainableParameters()
        .forEach(
            (name, array) -> {
              if (name.contains("lora_B")) {
                float[] values = new float[(int) array.size()];
                for (int i = 0; i < values.length; i++) {
                  values[i] = (float) random.nextGaussian() * 0.2f;
                }
                array.set(values);
              }
            });
  }

  private static float[] logits(Qwen3Model m) {
    try (NDManager step = m.newStepManager()) {
      return m.forward(step.create(IDS, new Shape(1, IDS.length)), null, null).toFloatArray();
    }
  }
}
