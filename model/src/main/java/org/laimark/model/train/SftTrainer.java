package org.laimark.model.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import java.util.ArrayList;
import java.util.List;
import org.laimark.model.policy.Completion;

/**
 * Supervised fine-tuning of the adapter, the study's first baseline: each step is the cross-entropy of the
 * completion tokens of a batch of (prompt, completion) examples ({@link SftLoss}, averaged over the
 * batch's completion tokens), accumulated over micro-batches of {@code microBatchSize} examples and
 * applied by the {@link AdapterOptimizer} (AdamW, cosine schedule with warm-up, clipping). Prompt tokens
 * are context only; log-probs at temperature 1.
 */
public final class SftTrainer implements AutoCloseable {

  /** The optimizer step; {@code update().loss()} is the batch's mean token cross-entropy (with dropout). */
  public record Result(AdapterOptimizer.Update update, long completionTokens) {}

  private final TrainableLm model;
  private final AdapterOptimizer optimizer;
  private final boolean ownsOptimizer;
  private final int microBatchSize;
  private final long padId;
  private final NDManager manager;

  public SftTrainer(TrainableLm model, OptimizerSettings settings, long padId, NDManager manager) {
    this.model = model;
    this.manager = manager.newSubManager();
    this.optimizer = new AdapterOptimizer(model, settings, this.manager);
    this.ownsOptimizer = true;
    this.microBatchSize = settings.microBatchSize();
    this.padId = padId;
  }

  /**
   * Steps {@code optimizer}, which another trainer owns: a policy that takes GRPO and supervised steps on
   * one adapter keeps one AdamW state and one learning-rate schedule, so its checkpoint is one optimizer.
   */
  public SftTrainer(
      TrainableLm model, AdapterOptimizer optimizer, int microBatchSize, long padId, NDManager manager) {
    if (microBatchSize <= 0) {
      throw new IllegalArgumentException("microBatchSize must be positive, got " + microBatchSize);
    }
    this.model = model;
    this.manager = manager.newSubManager();
    this.optimizer = optimizer;
    this.ownsOptimizer = false;
    this.microBatchSize = microBatchSize;
    this.padId = padId;
  }

  public Result step(List<SupervisedExample> batch) {
    if (batch.isEmpty()) {
      throw new IllegalArgumentException("an SFT step needs at least one example");
    }
    long tokens = completionTokens(batch);
    try (NDManager stepManager = manager.newSubManager()) {
      List<PackedBatch> parts = pack(batch, stepManager);
      AdapterOptimizer.Update update =
          optimizer.update(
              parts.size(),
              i -> {
                PackedBatch part = parts.get(i);
                return SftLoss.compute(part.logProbs(model, 1.0), part.completionMask(), tokens);
              });
      return new Result(update, tokens);
    }
  }

  /** Mean cross-entropy per completion token of {@code examples}, in eval mode (no dropout, no step). */
  public double loss(List<SupervisedExample> examples) {
    long tokens = completionTokens(examples);
    double total = 0;
    try (NDManager stepManager = manager.newSubManager()) {
      for (PackedBatch part : pack(examples, stepManager)) {
        try (NDScope scope = new NDScope()) {
          NDArray logProbs = part.logProbs(model, 1.0);
          total += GrpoLoss.sumOf(SftLoss.compute(logProbs, part.completionMask(), tokens));
          scope.suppressNotUsedWarning();
        }
      }
    }
    return total;
  }

  private List<PackedBatch> pack(List<SupervisedExample> examples, NDManager stepManager) {
    List<PackedBatch> parts = new ArrayList<>();
    for (int start = 0; start < examples.size(); start += microBatchSize) {
      List<Completion> part = new ArrayList<>();
      for (SupervisedExample e : examples.subList(start, Math.min(examples.size(), start + microBatchSize))) {
        part.add(e.asCompletion());
      }
      parts.add(PackedBatch.of(part, padId, stepManager));
    }
    return parts;
  }

  static long completionTokens(List<SupervisedExample> examples) {
    return examples.stream().mapToLong(e -> e.completionIds().length).sum();
  }

  public AdapterOptimizer optimizer() {
    return optimizer;
  }

  @Override
  public void close() {
    if (ownsOptimizer) {
      optimizer.close();
    }
    manager.close();
  }
}
