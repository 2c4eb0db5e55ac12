package org.laimark.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.laimark.model.safetensors.SafetensorsFile;

/**
 * The shared parity oracle fixtures/qwen3-tiny-a: a tiny random Qwen3 in Hugging Face format with
 * outputs computed by transformers/peft (see its README). Tests using it are tagged "fixture".
 */
public final class TinyFixture {

  private TinyFixture() {}

  public static Path directory() {
    String shared = System.getProperty("laimark.shared");
    if (shared == null) {
      throw new IllegalStateException(
          "system property laimark.shared is not set (surefire sets it)");
    }
    Path dir = Path.of(shared, "fixtures", "qwen3-tiny-a");
    if (!Files.isDirectory(dir)) {
      throw new IllegalStateException(dir + ": fixture missing");
    }
    return dir;
  }

  public static JsonNode reference() {
    try {
      return new ObjectMapper().readTree(directory().resolve("reference.json").toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static SafetensorsFile referenceTensors() {
    return SafetensorsFile.open(directory().resolve("reference.safetensors"));
  }

  public static long[] longs(JsonNode array) {
    long[] out = new long[array.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = array.get(i).asLong();
    }
    return out;
  }

  public static int[] ints(JsonNode array) {
    int[] out = new int[array.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = array.get(i).asInt();
    }
    return out;
  }

  public static float maxAbsDifference(float[] a, float[] b) {
    if (a.length != b.length) {
      throw new AssertionError("lengths differ: " + a.length + " vs " + b.length);
    }
    float max = 0;
    for (int i = 0; i < a.length; i++) {
      max = Math.max(max, Math.abs(a[i] - b[i]));
    }
    return max;
  }
}
