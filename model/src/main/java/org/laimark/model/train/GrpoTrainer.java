package org.laimark.model.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.List;
import org.laimark.model.policy.Completion;
import org.laimark.model.policy.RolloutGroup;

/**
 * One GRPO step on groups of rewarded rollouts: group-normalised advantages, the completions re-scored
 * with gradient by the current adapter (old log-probs are the sampler's, from {@link
 * Completion#tokenLogProbs()}), reference log-probs with the adapter disabled when beta > 0, and one
 * {@link AdapterOptimizer} update over micro-batches. With beta 0, sequences whose advantage is exactly 0
 * (degenerate groups) are not run at all: their loss and gradient are exactly zero, but their tokens still
 * count in the normalisation, so the loss equals TRL's.
 */
public final class GrpoTrainer implements AutoCloseable {

  /** The step's optimizer update, its advantages and its token statistics. */
  public record Result(AdapterOptimizer.Update update, GroupAdvantages advantages, GrpoLoss.Stats stats) {}

  private final TrainableLm model;
  private final GrpoSettings settings;
  private final GrpoLoss loss;
  private final AdapterOptimizer optimizer;
  private final int microBatchSize;
  private final double temperature;
  private final long padId;
  private final NDManager manager;

  /**
   * @param temperature the sampling temperature, applied to the logits so log-probs match the sampler's
   * @param padId token id used to pad (never scored)
   */
  public GrpoTrainer(
      TrainableLm model,
      GrpoSettings settings,
      OptimizerSettings optimizerSettings,
      double temperature,
      long padId,
      NDManager manager) {
    this.model = model;
    this.settings = settings;
    this.loss = new GrpoLoss(settings);
    this.manager = manager.newSubManager();
    this.optimizer = new AdapterOptimizer(model, optimizerSettings, this.manager);
    this.microBatchSize = optimizerSettings.microBatchSize();
    this.temperature = temperature;
    this.padId = padId;
  }

  public Result step(List<RolloutGroup> groups) {
    List<double[]> rewards = new ArrayList<>();
    List<Completion> completions = new ArrayList<>();
    for (RolloutGroup group : groups) {
      rewards.add(group.rewards());
      completions.addAll(group.completions());
    }
    GroupAdvantages advantages = GroupAdvantages.of(rewards, settings.scaleByStd());
    long tokens = completions.stream().mapToLong(c -> c.completionIds().length).sum();
    List<Integer> trained = new ArrayList<>();
    long skippedTokens = 0;
    for (int i = 0; i < completions.size(); i++) {
      if (advantages.advantages()[i] != 0 || settings.beta() > 0) {
        trained.add(i);
      } else {
        skippedTokens += completions.get(i).completionIds().length;
      }
    }
    if (trained.isEmpty()) {
      // every group degenerate and no KL term: nothing to learn, and an AdamW step on zero gradients
      // would still move the weights along the old momentum, so no step is taken at all
      AdapterOptimizer.Update none =
          new AdapterOptimizer.Update(optimizer.steps(), 0, 0, optimizer.learningRate(), false);
      return new Result(none, advantages, new GrpoLoss.Stats(0, skippedTokens, 0));
    }
    try (NDManager stepManager = manager.newSubManager()) {
      List<MicroBatch> batches = pack(trained, completions, advantages.advantages(), stepManager);
      GrpoLoss.Stats[] stats = {new GrpoLoss.Stats(0, skippedTokens, 0)};
      AdapterOptimizer.Update update =
          optimizer.update(
              batches.size(),
              i -> {
                MicroBatch b = batches.get(i);
                NDArray weights =
                    settings.normalization().tokenWeights(
                        b.packed.completionMask(), completions.size(), tokens, settings.maxCompletionLength());
                GrpoLoss.Output out =
                    loss.compute(
                        b.packed.logProbs(model, temperature),
                        b.packed.oldLogProbs(),
                        b.refLogProbs,
                        b.advantages,
                        b.packed.completionMask(),
                        weights);
                stats[0] = stats[0].plus(out.stats());
                return out.loss();
              });
      return new Result(update, advantages, stats[0]);
    }
  }

  private record MicroBatch(PackedBatch packed, NDArray advantages, NDArray refLogProbs) {}

  private List<MicroBatch> pack(
      List<Integer> trained, List<Completion> completions, double[] advantages, NDManager stepManager) {
    List<MicroBatch> batches = new ArrayList<>();
    for (int start = 0; start < trained.size(); start += microBatchSize) {
      List<Integer> indexes = trained.subList(start, Math.min(trained.size(), start + microBatchSize));
      List<Completion> part = new ArrayList<>();
      float[] a = new float[indexes.size()];
      for (int k = 0; k < indexes.size(); k++) {
        part.add(completions.get(indexes.get(k)));
        a[k] = (float) advantages[indexes.get(k)];
      }
      PackedBatch packed = PackedBatch.of(part, padId, stepManager);
      NDArray ref = settings.beta() > 0 ? ReferenceLogProbs.of(model, packed, temperature) : null;
      batches.add(new MicroBatch(packed, stepManager.create(a), ref));
    }
    return batches;
  }

  public AdapterOptimizer optimizer() {
    return optimizer;
  }

  @Override
  public void close() {
    optimizer.close();
    manager.close();
  }
}
