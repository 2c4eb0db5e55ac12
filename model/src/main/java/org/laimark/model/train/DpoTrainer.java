package org.laimark.model.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import java.util.ArrayList;
import java.util.List;
import org.laimark.model.policy.Completion;

/**
 * Direct preference optimisation of the adapter, the study's second baseline ({@link DpoLoss}): each pair's
 * chosen and rejected answers are packed into one batch, their sequence log-probs (summed over completion
 * tokens, temperature 1) compared with the reference policy's — the same model with its adapter disabled,
 * computed before the gradient collector opens — and the loss averaged over the batch's pairs. A
 * micro-batch holds {@code microBatchSize} pairs, so 2 × that many sequences per forward pass.
 */
public final class DpoTrainer implements AutoCloseable {

  /** A step, with TRL's two preference statistics over the batch (with dropout, as trained). */
  public record Result(AdapterOptimizer.Update update, Preferences preferences) {}

  /**
   * @param loss mean DPO loss per pair
   * @param rewardAccuracy fraction of pairs whose implicit reward prefers the chosen answer
   * @param meanRewardMargin mean of {@code (logp_c - ref_c) - (logp_r - ref_r)}, in nats (not scaled by beta)
   */
  public record Preferences(double loss, double rewardAccuracy, double meanRewardMargin) {}

  private final TrainableLm model;
  private final DpoLoss loss;
  private final AdapterOptimizer optimizer;
  private final int microBatchSize;
  private final long padId;
  private final NDManager manager;

  public DpoTrainer(
      TrainableLm model, double beta, OptimizerSettings settings, long padId, NDManager manager) {
    this.model = model;
    this.loss = new DpoLoss(beta);
    this.manager = manager.newSubManager();
    this.optimizer = new AdapterOptimizer(model, settings, this.manager);
    this.microBatchSize = settings.microBatchSize();
    this.padId = padId;
  }

  public Result step(List<PreferencePair> pairs) {
    if (pairs.isEmpty()) {
      throw new IllegalArgumentException("a DPO step needs at least one preference pair");
    }
    try (NDManager stepManager = manager.newSubManager()) {
      List<MicroBatch> parts = pack(pairs, stepManager);
      double[] sums = new double[3]; // loss, wins, margin, each summed over pairs
      AdapterOptimizer.Update update =
          optimizer.update(
              parts.size(),
              i -> {
                DpoLoss.Output out = compute(parts.get(i), pairs.size());
                accumulate(sums, out, parts.get(i).pairs());
                return out.loss();
              });
      return new Result(update, preferences(sums, pairs.size()));
    }
  }

  /** The preference statistics of {@code pairs} under the current adapter, in eval mode, without a step. */
  public Preferences evaluate(List<PreferencePair> pairs) {
    double[] sums = new double[3];
    try (NDManager stepManager = manager.newSubManager()) {
      for (MicroBatch part : pack(pairs, stepManager)) {
        try (NDScope scope = new NDScope()) {
          accumulate(sums, compute(part, pairs.size()), part.pairs());
          scope.suppressNotUsedWarning();
        }
      }
    }
    return preferences(sums, pairs.size());
  }

  private record MicroBatch(PackedBatch packed, NDArray refSequenceLogProbs, int pairs) {}

  private DpoLoss.Output compute(MicroBatch part, int pairsInBatch) {
    NDArray sequences =
        DpoLoss.sequenceLogProbs(part.packed().logProbs(model, 1.0), part.packed().completionMask());
    NDArray ref = part.refSequenceLogProbs();
    int p = part.pairs();
    return loss.compute(
        sequences.get("0:{}", p),
        sequences.get("{}:", p),
        ref.get("0:{}", p),
        ref.get("{}:", p),
        pairsInBatch);
  }

  private static void accumulate(double[] sums, DpoLoss.Output out, int pairs) {
    sums[0] += GrpoLoss.sumOf(out.loss());
    sums[1] += out.rewardAccuracy() * pairs;
    sums[2] += out.meanRewardMargin() * pairs;
  }

  private static Preferences preferences(double[] sums, int pairs) {
    return new Preferences(sums[0], sums[1] / Math.max(1, pairs), sums[2] / Math.max(1, pairs));
  }

  /** Chosen answers first, then rejected ones, so a micro-batch's rows i and P + i are one pair. */
  private List<MicroBatch> pack(List<PreferencePair> pairs, NDManager stepManager) {
    List<MicroBatch> parts = new ArrayList<>();
    for (int start = 0; start < pairs.size(); start += microBatchSize) {
      List<PreferencePair> slice = pairs.subList(start, Math.min(pairs.size(), start + microBatchSize));
      List<Completion> rows = new ArrayList<>();
      slice.forEach(pair -> rows.add(pair.chosen().asCompletion()));
      slice.forEach(pair -> rows.add(pair.rejected().asCompletion()));
      PackedBatch packed = PackedBatch.of(rows, padId, stepManager);
      NDArray ref =
          DpoLoss.sequenceLogProbs(ReferenceLogProbs.of(model, packed, 1.0), packed.completionMask());
      parts.add(new MicroBatch(packed, ref, slice.size()));
    }
    return parts;
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
