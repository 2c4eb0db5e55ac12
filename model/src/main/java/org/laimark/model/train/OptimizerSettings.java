package org.laimark.model.train;

/**
 * How the adapter is optimised. {@link #study(int)} gives the study's GRPO values: peak lr 5e-6 with a
 * cosine schedule and 10% warm-up, AdamW with PyTorch's betas and TRL's zero weight decay, gradients
 * clipped at global norm 1.0 (TRL's {@code max_grad_norm}), seed 42.
 *
 * @param totalSteps optimizer steps the schedule spans (its cosine reaches 0 there)
 * @param microBatchSize sequences per forward/backward pass; a step accumulates gradients over as many
 *     micro-batches as its batch needs, so memory depends on this and not on the batch size
 */
public record OptimizerSettings(
    double peakLearningRate,
    double warmupFraction,
    int totalSteps,
    AdamW.Settings adam,
    double maxGradNorm,
    int microBatchSize,
    long seed) {

  public OptimizerSettings {
    if (microBatchSize <= 0) {
      throw new IllegalArgumentException("microBatchSize must be positive, got " + microBatchSize);
    }
    if (maxGradNorm < 0) {
      throw new IllegalArgumentException("maxGradNorm must be >= 0 (0 = no clipping), got " + maxGradNorm);
    }
    CosineSchedule.withWarmupFraction(peakLearningRate, warmupFraction, totalSteps); // validates
  }

  public static OptimizerSettings study(int totalSteps) {
    return new OptimizerSettings(5e-6, 0.1, totalSteps, AdamW.Settings.defaults(), 1.0, 4, 42);
  }

  public CosineSchedule schedule() {
    return CosineSchedule.withWarmupFraction(peakLearningRate, warmupFraction, totalSteps);
  }

  public OptimizerSettings withPeakLearningRate(double lr) {
    return new OptimizerSettings(lr, warmupFraction, totalSteps, adam, maxGradNorm, microBatchSize, seed);
  }

  public OptimizerSettings withMicroBatchSize(int size) {
    return new OptimizerSettings(
        peakLearningRate, warmupFraction, totalSteps, adam, maxGradNorm, size, seed);
  }
}
