package org.laimark.model.pretrain;

import org.laimark.data.domain.SplitSizes;
import org.laimark.model.qwen3.Qwen3Config;
import org.laimark.model.train.AdamW;
import org.laimark.model.train.OptimizerSettings;

/**
 * Everything that decides what {@code laimark pretrain} makes: the model shape, the tokenizer, the data
 * and the optimisation. {@link #EMBEDDED} is the shipped model's recipe (about an hour on 2 CPU cores);
 * {@link #SMOKE} runs the same path in a minute or two with a model too small to learn much.
 *
 * @param shape the Qwen3 architecture apart from the vocabulary (which the tokenizer decides)
 * @param vocabularySize tokens of the byte-level BPE (3 special + 256 bytes + merges)
 * @param tokenizerProblems problems whose examples the tokenizer is trained on (a prefix of the corpus)
 * @param splits the domain splits; the pre-training corpus is made from {@code splits.pretrain()} problems
 * @param mix which examples each pre-training problem yields besides solving
 * @param writeTopic what a writing example names as its topic (and so what the pipeline can ask for)
 * @param steps optimizer steps
 * @param batchSize examples per optimizer step
 * @param microBatchSize examples per forward/backward pass (memory, not maths)
 * @param peakLearningRate AdamW's rate after warm-up; cosine decay to 0 at the last step
 * @param warmupFraction share of the steps spent warming up linearly
 * @param weightDecay AdamW's decoupled weight decay
 * @param maxGradNorm global gradient-norm clip
 * @param seed weights, data order and dropout
 * @param evalProblems held-out problems the command evaluates after training (0 = none)
 */
public record PretrainSettings(
    ModelShape shape,
    int vocabularySize,
    int tokenizerProblems,
    SplitSizes splits,
    CorpusMix mix,
    WriteTopic writeTopic,
    int steps,
    int batchSize,
    int microBatchSize,
    double peakLearningRate,
    double warmupFraction,
    double weightDecay,
    double maxGradNorm,
    long seed,
    int evalProblems) {

  /** The decoder's shape; head_dim explicit as in config.json. */
  public record ModelShape(int hiddenSize, int intermediateSize, int layers, int heads, int keyValueHeads,
      int headDim, int contextLength) {

    public Qwen3Config config(int vocabularySize) {
      return new Qwen3Config("Qwen3ForCausalLM", vocabularySize, hiddenSize, intermediateSize, layers, heads,
          keyValueHeads, headDim, 1e-6, 1e6, 1.0, true, false, false, true, contextLength);
    }
  }

  /**
   * The embedded model: ~1 M parameters, a 1536-token vocabulary, 650 steps of 32 examples (~21 000
   * examples, ~4.5 M tokens, drawn from 24 000 problems' ~50 000). Sized from the ~1 250 training tokens/s
   * measured on the shared 2-core machine (docs/embedded-model.md says how to re-measure it).
   */
  public static final PretrainSettings EMBEDDED = new PretrainSettings(
      new ModelShape(128, 384, 4, 4, 2, 32, 1024), 1536, 3000, SplitSizes.DEFAULT.withPretrain(24_000),
      new CorpusMix(0.5, 0.10, 0.25, 0.25), WriteTopic.CATEGORY, 650, 32, 16, 2e-3, 0.03, 0.01, 1.0, 42, 300);

  /** The same path at toy size, for trying the command: a minute or two, and a model that knows nothing. */
  public static final PretrainSettings SMOKE = new PretrainSettings(
      new ModelShape(32, 64, 1, 2, 1, 16, 1024), 320, 100, SplitSizes.DEFAULT.withPretrain(120),
      CorpusMix.ALL, WriteTopic.CATEGORY, 12, 8, 8, 3e-3, 0.1, 0.0, 1.0, 42, 8);

  public PretrainSettings {
    if (vocabularySize < 3 + 256) {
      throw new IllegalArgumentException("vocabularySize must be at least 259 (3 special tokens + 256 bytes), got "
          + vocabularySize);
    }
    if (steps <= 0 || batchSize <= 0 || microBatchSize <= 0 || tokenizerProblems <= 0) {
      throw new IllegalArgumentException(
          "steps, batchSize, microBatchSize and tokenizerProblems must be positive");
    }
    if (evalProblems < 0 || evalProblems > splits.heldOut()) {
      throw new IllegalArgumentException("evalProblems must be between 0 and the held-out size "
          + splits.heldOut() + ", got " + evalProblems);
    }
  }

  public Qwen3Config modelConfig() {
    return shape.config(vocabularySize);
  }

  public OptimizerSettings optimizer() {
    return new OptimizerSettings(peakLearningRate, warmupFraction, steps,
        new AdamW.Settings(0.9, 0.95, 1e-8, weightDecay), maxGradNorm, microBatchSize, seed);
  }

  /**
   * The embedded recipe with every writing example asked for its first operation by name
   * ({@link WriteTopic#FIRST_STEP}), so the pipeline's topic sweep can ask for each operation in turn.
   */
  public static final PretrainSettings EMBEDDED_NAMED = EMBEDDED.withWriteTopic(WriteTopic.FIRST_STEP);

  public PretrainSettings withWriteTopic(WriteTopic value) {
    return new PretrainSettings(shape, vocabularySize, tokenizerProblems, splits, mix, value, steps, batchSize,
        microBatchSize, peakLearningRate, warmupFraction, weightDecay, maxGradNorm, seed, evalProblems);
  }

  public PretrainSettings withSteps(int value) {
    return new PretrainSettings(shape, vocabularySize, tokenizerProblems, splits, mix, writeTopic, value, batchSize,
        microBatchSize, peakLearningRate, warmupFraction, weightDecay, maxGradNorm, seed, evalProblems);
  }

  public PretrainSettings withSeed(long value) {
    return new PretrainSettings(shape, vocabularySize, tokenizerProblems, splits, mix, writeTopic, steps, batchSize,
        microBatchSize, peakLearningRate, warmupFraction, weightDecay, maxGradNorm, value, evalProblems);
  }

  public PretrainSettings withSplits(SplitSizes value) {
    return new PretrainSettings(shape, vocabularySize, tokenizerProblems, value, mix, writeTopic, steps, batchSize,
        microBatchSize, peakLearningRate, warmupFraction, weightDecay, maxGradNorm, seed, evalProblems);
  }

  public PretrainSettings withEvalProblems(int value) {
    return new PretrainSettings(shape, vocabularySize, tokenizerProblems, splits, mix, writeTopic, steps, batchSize,
        microBatchSize, peakLearningRate, warmupFraction, weightDecay, maxGradNorm, seed, value);
  }
}
