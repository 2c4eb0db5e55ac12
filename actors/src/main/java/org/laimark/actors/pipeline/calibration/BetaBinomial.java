package org.laimark.actors.pipeline.calibration;

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

  /** Lanczos approximation (g = 7, 9 terms), accurate to ~1e-13 for x > 0. */
  static double logGamma(double x) {
    if (x < 0.5) {
      return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
    }
    double[] c = {
      0.99999999999980993,
      676.5203681218851,
      -1259.1392167224028,
      771.32342877765313,
      -176.61502916214059,
      12.507343278686905,
      -0.13857109526572012,
      9.9843695780195716e-6,
      1.5056327351493116e-7
    };
    double xm = x - 1;
    double sum = c[0];
    for (int i = 1; i < 9; i++) {
      sum += c[i] / (xm + i);
    }
    double t = xm + 7.5;
    return 0.5 * Math.log(2 * Math.PI) + (xm + 0.5) * Math.log(t) - t + Math.log(sum);
  }
}
