package org.laimark.model.train.bench;

import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.laimark.model.policy.Completion;
import org.laimark.model.policy.RolloutGroup;
import org.laimark.model.qwen3.Qwen3Model;
import org.laimark.model.train.GrpoSettings;
import org.laimark.model.train.GrpoTrainer;
import org.laimark.model.train.OptimizerSettings;

/**
 * Times GRPO steps of the real trainer on synthetic rollouts: {@code prompts} prompts × G completions of
 * fixed lengths with random tokens, rewards alternating 1/0 so no group is degenerate (a degenerate group
 * would be skipped, flattering the numbers). Token counts are the positions the model reads; FLOPs are
 * {@link ModelFlops#loraTraining}.
 */
public final class TrainingThroughput {

  /** What the timed steps did; {@code rssMebibytes} is sampled after each step. */
  public record Result(
      int steps,
      long tokensPerStep,
      double[] secondsPerStep,
      double flopsPerStep,
      double[] rssMebibytes) {

    public MatmulPeak.Samples tokensPerSecond() {
      double[] rates = new double[secondsPerStep.length];
      for (int i = 0; i < rates.length; i++) {
        rates[i] = tokensPerStep / secondsPerStep[i];
      }
      return new MatmulPeak.Samples(rates);
    }

    public MatmulPeak.Samples gflops() {
      double[] rates = new double[secondsPerStep.length];
      for (int i = 0; i < rates.length; i++) {
        rates[i] = flopsPerStep / secondsPerStep[i] / 1e9;
      }
      return new MatmulPeak.Samples(rates);
    }
  }

  /** Shape of one synthetic GRPO batch. */
  public record Shape(int prompts, int groupSize, int promptLength, int completionLength, int microBatch) {}

  private TrainingThroughput() {}

  /** Runs one warm-up step, then {@code steps} timed ones. The model must carry a LoRA adapter. */
  public static Result measure(Qwen3Model model, Shape shape, int steps, NDManager manager) {
    List<RolloutGroup> groups = syntheticGroups(model.config().vocabSize(), shape);
    OptimizerSettings optimizer =
        OptimizerSettings.study(steps + 1).withMicroBatchSize(shape.microBatch());
    double[] seconds = new double[steps];
    double[] rss = new double[steps];
    try (GrpoTrainer trainer =
        new GrpoTrainer(model, GrpoSettings.defaults(), optimizer, 1.0, 0, manager)) {
      trainer.step(groups);
      for (int i = 0; i < steps; i++) {
        long start = System.nanoTime();
        trainer.step(groups);
        seconds[i] = (System.nanoTime() - start) / 1e9;
        rss[i] = ResidentMemory.mebibytes();
      }
    }
    long sequences = (long) shape.prompts() * shape.groupSize();
    long length = shape.promptLength() + shape.completionLength() - 1;
    return new Result(
        steps,
        sequences * length,
        seconds,
        ModelFlops.loraTraining(model.config(), sequences, length, shape.completionLength()),
        rss);
  }

  /** Random-token rollouts of the given shape, rewards alternating 1/0 within each group. */
  public static List<RolloutGroup> syntheticGroups(int vocab, Shape shape) {
    SplittableRandom random = new SplittableRandom(7);
    List<RolloutGroup> groups = new ArrayList<>();
    float uniform = (float) -Math.log(vocab);
    for (int p = 0; p < shape.prompts(); p++) {
      int[] prompt = random.ints(shape.promptLength(), 1, vocab).toArray();
      List<Completion> completions = new ArrayList<>();
      double[] rewards = new double[shape.groupSize()];
      for (int g = 0; g < shape.groupSize(); g++) {
        int[] tokens = random.ints(shape.completionLength(), 1, vocab).toArray();
        float[] logProbs = new float[tokens.length];
        java.util.Arrays.fill(logProbs, uniform);
        completions.add(new Completion(prompt, tokens, "", logProbs, 0));
        rewards[g] = g % 2;
      }
      groups.add(new RolloutGroup(completions, rewards));
    }
    return groups;
  }
}
