package org.laimark.actors.pipeline.calibration;

import org.apache.commons.math3.special.Gamma;

/**
 * The beta-binomial distribution: successes in n trials whose rate has a Beta(a, b) distribution.
 */
final class BetaBinomial {

  private BetaBinomial() {}

  /**
   * Probabilities that the number of successes in {@code n} trials is below {@code lo}, in [{@code
   * lo}, {@code hi}], and above {@code hi}.
   */
  static double[] outcomeShares(int n, double a, double b, int lo, int hi) {
    double below = 0;
    double inside = 0;
    double above = 0;
    for (int x = 0; x <= n; x++) {
      double p = Math.exp(logChoose(n, x) + logBeta(x + a, n - x + b) - logBeta(a, b));
      if (x < lo) {
        below += p;
      } else if (x > hi) {
        above += p;
      } else {
        inside += p;
      }
    }
    return new double[] {below, inside, above};
  }

  private static double logChoose(int n, int k) {
    return logGamma(n + 1) - logGamma(k + 1) - logGamma(n - k + 1);
  }

  private static double logBeta(double a, double b) {
    return logGamma(a) + logGamma(b) - logGamma(a + b);
  }

  private static double logGamma(double x) {
    return Gamma.logGamma(x);
  }
}
