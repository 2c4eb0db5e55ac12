package org.laimark.model.qwen3;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.laimark.model.TinyFixture;
import org.laimark.model.safetensors.SafetensorsFile;

/** Parity with transformers on fixtures/qwen3-tiny-a: logits of three texts, within 1e-4. */
@Tag("fixture")
class FixtureParityTest {

  private static final float TOLERANCE = 1e-4f;
  private static NDManager manager;
  private static Qwen3Model model;

  @BeforeAll
  static void load() {
    manager = NDManager.newBaseManager();
    model = Qwen3Model.load(TinyFixture.directory(), manager);
  }

  @AfterAll
  static void close() {
    model.close();
    manager.close();
  }

  @Test
  void logitsOfEveryReferenceTextMatchTransformers() {
    SafetensorsFile reference = TinyFixture.referenceTensors();
    for (JsonNode entry : TinyFixture.reference().get("logits")) {
      int index = entry.get("text_index").asInt();
      long[] ids = reference.readLongs("input_ids_" + index);
      float[] expected = reference.readFloats(entry.get("tensor").asText());

      float[] actual = logits(ids);

      float difference = TinyFixture.maxAbsDifference(expected, actual);
      assertTrue(difference < TOLERANCE, "text " + index + ": max |Δlogit| = " + difference);
    }
  }

  @Test
  void referenceIdsMatchTheIdsInReferenceJson() {
    SafetensorsFile reference = TinyFixture.referenceTensors();
    JsonNode texts = TinyFixture.reference().get("tokenizer");
    for (int i = 0; i < texts.size(); i++) {
      assertArrayEquals(
          TinyFixture.longs(texts.get(i).get("ids")), reference.readLongs("input_ids_" + i));
    }
  }

  private static float[] logits(long[] ids) {
    try (NDManager step = model.newStepManager()) {
      NDArray input = step.create(ids, new Shape(1, ids.length));
      return model.forward(input, null, null).toFloatArray();
    }
  }
}
