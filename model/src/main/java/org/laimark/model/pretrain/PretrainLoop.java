package org.laimark.model.pretrain;

import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.laimark.model.policy.Completion;
import org.laimark.model.train.AdapterOptimizer;
import org.laimark.model.train.OptimizerSettings;
import org.laimark.model.train.PackedBatch;
import org.laimark.model.train.SftLoss;
import org.laimark.model.train.TrainableLm;

/**
 * Supervised training steps for pre-training: cross-entropy on completion tokens only (prompts are
 * context), averaged over every completion token of the step's batch, with the project's optimizer
 * (AdamW, cosine schedule with warm-up, global-norm clipping, micro-batch accumulation). A step sorts its
 * batch by length before cutting micro-batches, so sequences padded together are of similar length.
 * Trains whatever {@link TrainableLm#trainableParameters()} returns: for pre-training, every weight.
 */
public final class PretrainLoop implements AutoCloseable {

  /** What one optimizer step did. */
  public record StepResult(long step, double loss, double gradNorm, double learningRate, long completionTokens,
      long sequenceTokens, boolean applied) {}

  private final TrainableLm model;
  private final AdapterOptimizer optimizer;
  private final int microBatchSize;
  private final long padId;
  private final NDManager manager;

  public PretrainLoop(TrainableLm model, OptimizerSettings settings, long padId, NDManager parent) {
    this.model = model;
    this.manager = parent.newSubManager();
    this.optimizer = new AdapterOptimizer(model, settings, manager);
    this.microBatchSize = settings.microBatchSize();
    this.padId = padId;
  }

  public StepResult step(List<TokenizedExample> batch) {
    List<TokenizedExample> sorted = new ArrayList<>(batch);
    sorted.sort(Comparator.comparingInt(TokenizedExample::length));
    long completionTokens = sorted.stream().mapToLong(e -> e.completionIds().length).sum();
    long sequenceTokens = sorted.stream().mapToLong(TokenizedExample::length).sum();
    List<List<Completion>> micro = new ArrayList<>();
    for (int start = 0; start < sorted.size(); start += microBatchSize) {
      List<Completion> part = new ArrayList<>();
      for (TokenizedExample e : sorted.subList(start, Math.min(sorted.size(), start + microBatchSize))) {
        // Teacher forcing needs no sampler log-probs; PackedBatch carries zeros for them.
        part.add(new Completion(e.promptIds(), e.completionIds(), "", new float[e.completionIds().length], 0));
      }
      micro.add(part);
    }
    try (NDManager stepManager = manager.newSubManager()) {
      AdapterOptimizer.Update update = optimizer.update(micro.size(), i -> {
        PackedBatch packed = PackedBatch.of(micro.get(i), padId, stepManager);
        return SftLoss.compute(packed.logProbs(model, 1.0), packed.completionMask(), completionTokens);
      });
      return new StepResult(update.step(), update.loss(), update.gradNorm(), update.learningRate(),
          completionTokens, sequenceTokens, update.applied());
    }
  }

  @Override
  public void close() {
    optimizer.close();
    manager.close();
  }
}
