package org.laimark.model.qwen3;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.laimark.model.CheckpointException;
import org.laimark.model.lora.LoraConfig;
import org.laimark.model.safetensors.SafetensorsFile;
import org.laimark.model.safetensors.SafetensorsWriter;

/**
 * Broken model folders fail with one line naming the file, tensor or key; sharded checkpoints load.
 */
class CheckpointErrorsTest {

  private static final Qwen3Config CONFIG = Qwen3Config.qwen3(64, 32, 48, 2, 4, 2, 8, true);

  @TempDir Path directory;
  private NDManager manager;

  @BeforeEach
  void start() {
    manager = NDManager.newBaseManager();
    try (Qwen3Model model = Qwen3Model.random(CONFIG, 1, manager)) {
      model.save(directory);
    }
  }

  @AfterEach
  void stop() {
    manager.close();
  }

  @Test
  void namesAMissingModelDirectory() {
    Path absent = directory.resolve("nope");

    CheckpointException error =
        assertThrows(CheckpointException.class, () -> Qwen3Model.load(absent, manager));

    assertEquals(absent + ": no such model directory", error.getMessage());
  }

  @Test
  void namesAnUnsupportedArchitecture() throws Exception {
    replaceInConfig("Qwen3ForCausalLM", "GPT2LMHeadModel");

    CheckpointException error =
        assertThrows(CheckpointException.class, () -> Qwen3Model.load(directory, manager));

    assertEquals(
        directory.resolve("config.json")
            + ": architecture GPT2LMHeadModel is not supported; supported: "
            + "Qwen3ForCausalLM, Qwen2ForCausalLM, LlamaForCausalLM",
        error.getMessage());
  }

  @Test
  void namesAMisShapedTensor() throws Exception {
    replaceInConfig("\"intermediate_size\" : 48", "\"intermediate_size\" : 50");

    CheckpointException error =
        assertThrows(CheckpointException.class, () -> Qwen3Model.load(directory, manager));

    assertEquals(
        directory.resolve("model.safetensors")
            + ": tensor model.layers.0.mlp.gate_proj.weight has shape "
            + "[48, 32] but config.json implies [50, 32]",
        error.getMessage());
  }

  @Test
  void namesAMissingTensor() {
    rewriteWeightsWithout("model.layers.1.self_attn.k_norm.weight");

    CheckpointException error =
        assertThrows(CheckpointException.class, () -> Qwen3Model.load(directory, manager));

    assertEquals(
        directory
            + ": tensor model.layers.1.self_attn.k_norm.weight is missing from the checkpoint",
        error.getMessage());
  }

  @Test
  void namesAnUnsupportedRopeScaling() throws Exception {
    replaceInConfig(
        "\"rope_theta\"",
        "\"rope_scaling\" : {\"rope_type\": \"yarn\", \"factor\": 4.0}, \"rope_theta\"");

    CheckpointException error =
        assertThrows(CheckpointException.class, () -> Qwen3Model.load(directory, manager));

    assertTrue(
        error
            .getMessage()
            .endsWith(
                "rope_scaling.rope_type 'yarn' is not supported (supported: default, linear)"),
        error.getMessage());
  }

  @Test
  void readsRopeThetaInTheNewerForm() throws Exception {
    replaceInConfig(
        "\"rope_theta\" : 1000000.0",
        "\"rope_parameters\" : {\"rope_type\": \"default\", \"rope_theta\": 5000.0}");

    assertEquals(5000.0, Qwen3Config.read(directory.resolve("config.json")).ropeTheta());
  }

  @Test
  void namesAnAdapterWhoseRankDisagreesWithItsMatrices() throws Exception {
    Path adapter = directory.resolve("adapter");
    try (Qwen3Model model = Qwen3Model.load(directory, manager)) {
      model.attachLora(new LoraConfig(4, 8, 0, java.util.List.of("q_proj")), 1);
      model.saveAdapter(adapter);
      Path config = adapter.resolve("adapter_config.json");
      Files.writeString(config, Files.readString(config).replace("\"r\" : 4", "\"r\" : 8"));

      CheckpointException error =
          assertThrows(CheckpointException.class, () -> model.loadAdapter(adapter));

      assertEquals(
          adapter.resolve("adapter_model.safetensors")
              + ": tensor base_model.model.model.layers.0.self_attn."
              + "q_proj.lora_A.weight has shape [4, 32] but the model and r imply [8, 32]",
          error.getMessage());
    }
  }

  @Test
  void loadsAShardedCheckpointAsTheSingleFile() throws Exception {
    long[] ids = {3, 1, 4, 1, 5};
    float[] single = logits(ids);
    SafetensorsFile whole = SafetensorsFile.open(directory.resolve("model.safetensors"));
    Map<String, NDArray> first = new LinkedHashMap<>();
    Map<String, NDArray> second = new LinkedHashMap<>();
    StringBuilder weightMap = new StringBuilder();
    int i = 0;
    for (String name : whole.entries().keySet()) {
      String shard =
          i++ % 2 == 0 ? "model-00001-of-00002.safetensors" : "model-00002-of-00002.safetensors";
      (shard.startsWith("model-00001") ? first : second).put(name, whole.load(name, manager));
      weightMap
          .append(weightMap.length() == 0 ? "" : ",")
          .append('"')
          .append(name)
          .append("\":\"")
          .append(shard)
          .append('"');
    }
    SafetensorsWriter.write(directory.resolve("model-00001-of-00002.safetensors"), first, Map.of());
    SafetensorsWriter.write(
        directory.resolve("model-00002-of-00002.safetensors"), second, Map.of());
    Files.writeString(
        directory.resolve("model.safetensors.index.json"),
        "{\"metadata\":{},\"weight_map\":{" + weightMap + "}}");
    Files.delete(directory.resolve("model.safetensors"));

    assertArrayEquals(single, logits(ids), 0f);
  }

  private float[] logits(long[] ids) {
    try (Qwen3Model model = Qwen3Model.load(directory, manager);
        NDManager step = model.newStepManager()) {
      return model.forward(step.create(ids, new Shape(1, ids.length)), null, null).toFloatArray();
    }
  }

  private void replaceInConfig(String from, String to) throws Exception {
    Path config = directory.resolve("config.json");
    String text = Files.readString(config);
    assertTrue(text.contains(from), "config.json lacks " + from + ":\n" + text);
    Files.writeString(config, text.replace(from, to));
  }

  private void rewriteWeightsWithout(String name) {
    Path file = directory.resolve("model.safetensors");
    SafetensorsFile whole = SafetensorsFile.open(file);
    Map<String, NDArray> kept = new LinkedHashMap<>();
    for (String tensor : whole.entries().keySet()) {
      if (!tensor.equals(name)) {
        kept.put(tensor, whole.load(tensor, manager));
      }
    }
    SafetensorsWriter.write(file, kept, Map.of());
  }
}
