package org.laimark.model.train;

/**
 * Linear warm-up to the peak learning rate, then a half cosine down to zero: the arithmetic of Hugging
 * Face's {@code get_cosine_schedule_with_warmup}, which the study used (lr 5e-6, warm-up 10%). As there, the
 * very first step of a warm-up runs at learning rate 0.
 */
public record CosineSchedule(double peakLearningRate, int warmupSteps, int totalSteps) {

  public CosineSchedule {
    if (peakLearningRate <= 0) {
      throw new IllegalArgumentException("peak learning rate must be positive, got " + peakLearningRate);
    }
    if (totalSteps <= 0 || warmupSteps < 0 || warmupSteps > totalSteps) {
      throw new IllegalArgumentException(
          "need 0 <= warmupSteps <= totalSteps and totalSteps > 0, got warmupSteps "
              + warmupSteps
              + " and totalSteps "
              + totalSteps);
    }
  }

  /** Warm-up steps = ceil(fraction × total), as transformers' {@code warmup_ratio}. */
  public static CosineSchedule withWarmupFraction(double peak, double warmupFraction, int totalSteps) {
    if (warmupFraction < 0 || warmupFraction > 1) {
      throw new IllegalArgumentException("warm-up fraction must be in [0, 1], got " + warmupFraction);
    }
    return new CosineSchedule(peak, (int) Math.ceil(warmupFraction * totalSteps), totalSteps);
  }

  /** The learning rate of the optimizer step with 0-based index {@code step}; 0 past the end. */
  public double learningRate(long step) {
    if (step < warmupSteps) {
      return peakLearningRate * step / Math.max(1, warmupSteps);
    }
    double progress = (double) (step - warmupSteps) / Math.max(1, totalSteps - warmupSteps);
    return peakLearningRate * Math.max(0.0, 0.5 * (1 + Math.cos(Math.PI * Math.min(1.0, progress))));
  }

  /** Whether the step with 0-based index {@code step} runs at learning rate 0 because the schedule ended. */
  public boolean endedBefore(long step) {
    return step >= totalSteps;
  }
}
