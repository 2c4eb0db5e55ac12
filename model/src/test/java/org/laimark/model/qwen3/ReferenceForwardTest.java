package org.laimark.model.qwen3;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.laimark.model.safetensors.SafetensorsFile;

/**
 * The DJL model against {@link NaiveQwen3} on shapes the parity fixture does not cover. Each random
 * model is saved as a checkpoint and loaded back, so the comparison also covers saving and loading.
 * Weights have std 0.1 so logits are of order 1 and a 1e-4 agreement means something.
 */
class ReferenceForwardTest {

  private static final float TOLERANCE = 1e-4f;
  private static NDManager manager;

  @TempDir Path directory;

  @BeforeAll
  static void start() {
    manager = NDManager.newBaseManager();
  }

  @AfterAll
  static void stop() {
    manager.close();
  }

  static Stream<Arguments> shapes() {
    return Stream.of(
        Arguments.of(
            "untied, head_dim 16 != 48/4, 3 layers, GQA 4:2",
            Qwen3Config.qwen3(96, 48, 80, 3, 4, 2, 16, false)),
        Arguments.of(
            "multi-query attention (Hkv = 1)", Qwen3Config.qwen3(64, 32, 64, 2, 4, 1, 8, true)),
        Arguments.of(
            "multi-head attention (Hkv = Hq)", Qwen3Config.qwen3(64, 32, 64, 2, 4, 4, 8, true)),
        Arguments.of(
            "Qwen2: q/k/v bias, no q/k norm",
            new Qwen3Config(
                "Qwen2ForCausalLM",
                64,
                32,
                64,
                2,
                4,
                2,
                8,
                1e-6,
                1e6,
                1.0,
                false,
                true,
                false,
                false,
                512)),
        Arguments.of(
            "Llama: attention bias everywhere, linear RoPE scaling",
            new Qwen3Config(
                "LlamaForCausalLM",
                64,
                32,
                64,
                2,
                4,
                2,
                8,
                1e-5,
                1e4,
                2.0,
                true,
                true,
                true,
                false,
                512)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("shapes")
  void matchesTheNaiveReference(String name, Qwen3Config config) {
    assertMatchesReference(config, randomIds(config.vocabSize(), 23, 1));
  }

  @Test
  void matchesTheNaiveReferenceOnALongSequence() {
    assertMatchesReference(
        Qwen3Config.qwen3(96, 48, 80, 2, 4, 2, 16, false), randomIds(96, 300, 2));
  }

  private void assertMatchesReference(Qwen3Config config, int[] ids) {
    try (Qwen3Model original = Qwen3Model.random(config, 42, 0.1, manager)) {
      original.save(directory);
    }
    SafetensorsFile weights = SafetensorsFile.open(directory.resolve("model.safetensors"));
    float[][] expected = new NaiveQwen3(config, weights::readFloats).logits(ids);

    float[] actual;
    try (Qwen3Model model = Qwen3Model.load(directory, manager);
        NDManager step = model.newStepManager()) {
      NDArray input = step.create(toLongs(ids), new Shape(1, ids.length));
      actual = model.forward(input, null, null).toFloatArray();
    }

    float largest = 0;
    float difference = 0;
    for (int t = 0; t < ids.length; t++) {
      for (int v = 0; v < config.vocabSize(); v++) {
        largest = Math.max(largest, Math.abs(expected[t][v]));
        difference =
            Math.max(difference, Math.abs(expected[t][v] - actual[t * config.vocabSize() + v]));
      }
    }
    assertTrue(largest > 0.5f, "logits too small to be a meaningful check: " + largest);
    assertTrue(
        difference < TOLERANCE,
        "max |Δlogit| = " + difference + " (largest logit " + largest + ")");
  }

  static int[] randomIds(int vocab, int length, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int[] ids = new int[length];
    for (int i = 0; i < length; i++) {
      ids[i] = random.nextInt(vocab);
    }
    return ids;
  }

  static long[] toLongs(int[] ids) {
    long[] out = new long[ids.length];
    for (int i = 0; i < ids.length; i++) {
      out[i] = ids[i];
    }
    return out;
  }
}
