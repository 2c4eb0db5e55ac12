package org.laimark.model.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.laimark.model.policy.SamplingParams;
import org.laimark.model.qwen3.Qwen3Config;
import org.laimark.model.qwen3.Qwen3Model;

/** Cached, batched, left-padded, seeded generation against uncached full-sequence forwards. */
class GeneratorTest {

  private static final int VOCAB = 97;
  private static NDManager manager;
  private static Qwen3Model model;
  private static Generator generator;

  @BeforeAll
  static void start() {
    manager = NDManager.newBaseManager();
    model = Qwen3Model.random(Qwen3Config.qwen3(VOCAB, 32, 64, 2, 4, 2, 8, false), 5, manager);
    generator = new Generator(model, Arrays::toString);
  }

  @AfterAll
  static void stop() {
    model.close();
    manager.close();
  }

  @Test
  void cachedGreedyDecodingEqualsArgmaxOfFullForwards() {
    int[] prompt = {3, 14, 15, 92, 65};

    Generation g = generator.generate(List.of(request(prompt, SamplingParams.greedy(12)))).get(0);

    float[][] logits = fullLogits(concat(prompt, g.tokenIds()));
    for (int i = 0; i < g.tokenIds().length; i++) {
      float[] row = logits[prompt.length - 1 + i];
      assertEquals(argmax(row), g.tokenIds()[i], "token " + i);
      assertEquals(logSoftmax(row, 1.0)[g.tokenIds()[i]], g.logProbs()[i], 1e-4, "log-prob " + i);
    }
  }

  @Test
  void sampledLogProbsAreTheTemperedLogSoftmaxOfFullForwards() {
    int[] prompt = {7, 1, 8};
    SamplingParams params = new SamplingParams(0.7, 0.9, 20, 10, 123);

    Generation g = generator.generate(List.of(request(prompt, params))).get(0);

    float[][] logits = fullLogits(concat(prompt, g.tokenIds()));
    for (int i = 0; i < g.tokenIds().length; i++) {
      double expected = logSoftmax(logits[prompt.length - 1 + i], 0.7)[g.tokenIds()[i]];
      assertEquals(expected, g.logProbs()[i], 1e-4, "log-prob " + i);
    }
  }

  @Test
  void batchedLeftPaddedGenerationEqualsOneAtATime() {
    List<PromptRequest> requests =
        List.of(
            request(new int[] {1, 2, 3}, new SamplingParams(1.0, 1.0, 0, 9, 11)),
            request(new int[] {4, 5, 6, 7, 8, 9, 10}, new SamplingParams(0.8, 0.9, 0, 6, 12)),
            request(new int[] {11, 12, 13, 14, 15}, SamplingParams.greedy(8)));

    List<Generation> batched = generator.generate(requests);

    for (int i = 0; i < requests.size(); i++) {
      Generation alone = generator.generate(List.of(requests.get(i))).get(0);
      assertArrayEquals(alone.tokenIds(), batched.get(i).tokenIds(), "request " + i);
      assertArrayEquals(alone.logProbs(), batched.get(i).logProbs(), 1e-4f, "request " + i);
    }
  }

  @Test
  void sameSeedSameSampleAndOtherSeedsDiffer() {
    int[] prompt = {9, 9, 9};

    Generation first =
        generator.generate(List.of(request(prompt, new SamplingParams(1.0, 1.0, 0, 20, 7)))).get(0);
    Generation again =
        generator.generate(List.of(request(prompt, new SamplingParams(1.0, 1.0, 0, 20, 7)))).get(0);
    Generation other =
        generator.generate(List.of(request(prompt, new SamplingParams(1.0, 1.0, 0, 20, 8)))).get(0);

    assertArrayEquals(first.tokenIds(), again.tokenIds());
    assertFalse(Arrays.equals(first.tokenIds(), other.tokenIds()));
  }

  @Test
  void stopsAtAStopTokenAndKeepsIt() {
    int[] prompt = {20, 21, 22};
    int[] free =
        generator.generate(List.of(request(prompt, SamplingParams.greedy(10)))).get(0).tokenIds();
    int at = firstNewTokenIndex(free, 2);
    PromptRequest stopping = new PromptRequest(prompt, SamplingParams.greedy(10), Set.of(free[at]));

    List<Generation> both =
        generator.generate(List.of(stopping, request(new int[] {5, 6}, SamplingParams.greedy(10))));

    assertArrayEquals(Arrays.copyOf(free, at + 1), both.get(0).tokenIds());
    assertEquals(FinishReason.STOP, both.get(0).finishReason());
    assertEquals(FinishReason.LENGTH, both.get(1).finishReason());
    assertArrayEquals(
        generator
            .generate(List.of(request(new int[] {5, 6}, SamplingParams.greedy(10))))
            .get(0)
            .tokenIds(),
        both.get(1).tokenIds(),
        "the survivor is unaffected by its neighbour leaving the batch");
  }

  @Test
  void topKOfOneIsGreedy() {
    int[] prompt = {30, 31};

    Generation greedy =
        generator.generate(List.of(request(prompt, SamplingParams.greedy(8)))).get(0);
    Generation topOne =
        generator.generate(List.of(request(prompt, new SamplingParams(1.3, 1.0, 1, 8, 99)))).get(0);

    assertArrayEquals(greedy.tokenIds(), topOne.tokenIds());
  }

  @Test
  void leavesNoArraysBehind() {
    int before = manager.getManagedArrays().size();

    for (int i = 0; i < 5; i++) {
      generator.generate(
          List.of(
              request(new int[] {1, 2, 3}, new SamplingParams(1.0, 0.9, 5, 6, i)),
              request(new int[] {4}, SamplingParams.greedy(3))));
    }

    assertEquals(before, manager.getManagedArrays().size());
  }

  private static PromptRequest request(int[] prompt, SamplingParams params) {
    return new PromptRequest(prompt, params, Set.of());
  }

  private static float[][] fullLogits(int[] ids) {
    try (NDManager step = model.newStepManager()) {
      long[] wide = Arrays.stream(ids).asLongStream().toArray();
      NDArray input = step.create(wide, new Shape(1, ids.length));
      float[] flat = model.forward(input, null, null).toFloatArray();
      float[][] rows = new float[ids.length][];
      for (int t = 0; t < ids.length; t++) {
        rows[t] = Arrays.copyOfRange(flat, t * VOCAB, (t + 1) * VOCAB);
      }
      return rows;
    }
  }

  static double[] logSoftmax(float[] row, double temperature) {
    double max = Double.NEGATIVE_INFINITY;
    for (float v : row) {
      max = Math.max(max, v / temperature);
    }
    double sum = 0;
    for (float v : row) {
      sum += Math.exp(v / temperature - max);
    }
    double[] out = new double[row.length];
    for (int i = 0; i < row.length; i++) {
      out[i] = row[i] / temperature - max - Math.log(sum);
    }
    return out;
  }

  private static int argmax(float[] row) {
    int best = 0;
    for (int i = 1; i < row.length; i++) {
      if (row[i] > row[best]) {
        best = i;
      }
    }
    return best;
  }

  private static int[] concat(int[] a, int[] b) {
    int[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  /** The first index at or after {@code from} whose token did not occur earlier. */
  private static int firstNewTokenIndex(int[] tokens, int from) {
    List<Integer> seen = new ArrayList<>();
    for (int i = 0; i < tokens.length; i++) {
      if (i >= from && !seen.contains(tokens[i])) {
        return i;
      }
      seen.add(tokens[i]);
    }
    throw new AssertionError("no fresh token in " + Arrays.toString(tokens));
  }
}
