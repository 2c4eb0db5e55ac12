package org.laimark.experiment;

import java.util.List;

/**
 * The mean of per-seed values with a two-sided 95% Student-t confidence interval: mean ± t(0.975, n-1) ·
 * s / √n, with s the sample standard deviation. Seeds are few (2-5), so the t quantile, not the normal
 * 1.96, is what keeps the interval honest. One value has no interval (half-width NaN).
 */
public record TInterval(double mean, double halfWidth, int n) {

  /** t(0.975, df) for df = 1..30; beyond that the normal quantile is within 2%. */
  private static final double[] T975 = {
    12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.160, 2.145,
    2.131, 2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048,
    2.045, 2.042
  };

  public static TInterval of(List<Double> values) {
    int n = values.size();
    if (n == 0) {
      return new TInterval(Double.NaN, Double.NaN, 0);
    }
    double mean = values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    if (n == 1) {
      return new TInterval(mean, Double.NaN, 1);
    }
    double ss = values.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum();
    double sd = Math.sqrt(ss / (n - 1));
    return new TInterval(mean, quantile(n - 1) * sd / Math.sqrt(n), n);
  }

  static double quantile(int df) {
    return df <= T975.length ? T975[df - 1] : 1.960;
  }

  public double low() {
    return mean - halfWidth;
  }

  public double high() {
    return mean + halfWidth;
  }
}
