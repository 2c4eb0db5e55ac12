package org.laimark.data;

/**
 * What calibration measured for a problem: the pass rate of {@code samples} policy samples and the
 * window it was judged against (JSON {@code pass_rate}, {@code samples}, {@code
 * learnability_zone}). The three fields are written together, so they are read together.
 */
public record Calibration(double passRate, int samples, LearnabilityZone zone) {

  public Calibration {
    if (!(passRate >= 0 && passRate <= 1)) {
      throw new IllegalArgumentException("pass_rate must be between 0 and 1, got " + passRate);
    }
    if (samples <= 0) {
      throw new IllegalArgumentException("samples must be positive, got " + samples);
    }
    if (zone == null) {
      throw new IllegalArgumentException("learnability_zone must not be null");
    }
  }

  public boolean learnable() {
    return zone.contains(passRate);
  }
}
