package org.laimark.model.train.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.laimark.model.generate.Generator;
import org.laimark.model.generate.PromptRequest;
import org.laimark.model.policy.SamplingParams;
import org.laimark.model.qwen3.Qwen3Model;

/**
 * Prefill and decode speed of the real {@link Generator} at one batch size: random prompts of a fixed
 * length, greedy, no stop tokens. Prefill is timed as a generation of one new token; decode as the extra
 * time a generation of {@code newTokens} takes, divided over its extra steps (so sampling and the Java side
 * of each step count, as they do in use).
 */
public final class GenerationThroughput {

  /** Tokens per second over the timed repeats. */
  public record Result(int batch, MatmulPeak.Samples prefill, MatmulPeak.Samples decode) {}

  private GenerationThroughput() {}

  public static Result measure(Qwen3Model model, int batch, int promptLength, int newTokens, int repeats) {
    Generator generator = new Generator(model, ids -> "");
    List<PromptRequest> one = requests(model, batch, promptLength, 1);
    List<PromptRequest> many = requests(model, batch, promptLength, newTokens);
    generator.generate(one); // warm-up
    double[] prefill = new double[repeats];
    double[] decode = new double[repeats];
    for (int i = 0; i < repeats; i++) {
      double first = seconds(() -> generator.generate(one));
      double all = seconds(() -> generator.generate(many));
      prefill[i] = (double) batch * promptLength / first;
      decode[i] = (double) batch * (newTokens - 1) / Math.max(1e-9, all - first);
    }
    return new Result(batch, new MatmulPeak.Samples(prefill), new MatmulPeak.Samples(decode));
  }

  private static List<PromptRequest> requests(Qwen3Model model, int batch, int length, int newTokens) {
    SplittableRandom random = new SplittableRandom(11);
    List<PromptRequest> requests = new ArrayList<>();
    for (int i = 0; i < batch; i++) {
      int[] prompt = random.ints(length, 1, model.config().vocabSize()).toArray();
      requests.add(new PromptRequest(prompt, SamplingParams.greedy(newTokens), Set.of()));
    }
    return requests;
  }

  private static double seconds(Runnable work) {
    long start = System.nanoTime();
    work.run();
    return (System.nanoTime() - start) / 1e9;
  }
}
