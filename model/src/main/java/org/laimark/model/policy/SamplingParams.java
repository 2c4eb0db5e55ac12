package org.laimark.model.policy;

/**
 * How to sample. {@code temperature == 0} means greedy. {@code topK <= 0} disables top-k; {@code topP >= 1}
 * disables nucleus sampling. The seed makes a request reproducible: same seed, same output.
 */
public record SamplingParams(double temperature, double topP, int topK, int maxNewTokens, long seed) {
  public SamplingParams {
    if (temperature < 0) {
      throw new IllegalArgumentException("temperature must be >= 0, got " + temperature);
    }
    if (topP <= 0 || topP > 1) {
      throw new IllegalArgumentException("topP must be in (0, 1], got " + topP);
    }
    if (maxNewTokens <= 0) {
      throw new IllegalArgumentException("maxNewTokens must be positive, got " + maxNewTokens);
    }
  }

  public static SamplingParams greedy(int maxNewTokens) {
    return new SamplingParams(0, 1, 0, maxNewTokens, 0);
  }

  public boolean isGreedy() {
    return temperature == 0;
  }

  public SamplingParams withSeed(long newSeed) {
    return new SamplingParams(temperature, topP, topK, maxNewTokens, newSeed);
  }
}
