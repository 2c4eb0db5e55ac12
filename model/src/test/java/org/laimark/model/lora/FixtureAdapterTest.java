package org.laimark.model.lora;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.laimark.model.TinyFixture;
import org.laimark.model.qwen3.Qwen3Model;
import org.laimark.model.safetensors.SafetensorsFile;

/**
 * The fixture's PEFT adapter (r 8, alpha 16, q_proj and v_proj) gives peft's logits within 1e-4.
 */
@Tag("fixture")
class FixtureAdapterTest {

  @Test
  void peftAdapterLogitsMatchPeft() {
    JsonNode lora = TinyFixture.reference().get("lora");
    SafetensorsFile reference = TinyFixture.referenceTensors();
    long[] ids = reference.readLongs("input_ids_" + lora.get("text_index").asInt());
    float[] expected = reference.readFloats(lora.get("tensor").asText());
    try (NDManager manager = NDManager.newBaseManager();
        Qwen3Model model = Qwen3Model.load(TinyFixture.directory(), manager)) {
      model.loadAdapter(TinyFixture.directory().resolve(lora.get("adapter_dir").asText()));

      float[] actual;
      try (NDManager step = model.newStepManager()) {
        NDArray input = step.create(ids, new Shape(1, ids.length));
        actual = model.forward(input, null, null).toFloatArray();
      }

      float difference = TinyFixture.maxAbsDifference(expected, actual);
      assertTrue(difference < 1e-4f, "max |Δlogit| with adapter = " + difference);
    }
  }

  @Test
  void readsTheFixtureAdapterConfig() {
    try (NDManager manager = NDManager.newBaseManager();
        Qwen3Model model = Qwen3Model.load(TinyFixture.directory(), manager)) {
      model.loadAdapter(TinyFixture.directory().resolve("adapter"));

      assertEquals(new LoraConfig(8, 16, 0.0, List.of("v_proj", "q_proj")), model.loraConfig());
      assertEquals(8, model.trainableParameters().size());
    }
  }
}
