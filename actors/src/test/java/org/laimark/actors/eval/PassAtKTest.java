package org.laimark.actors.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.List;
import org.junit.jupiter.api.Test;

class PassAtKTest {

  /** 1 - C(n-c, k) / C(n, k), exactly, in big integers. */
  private static double closedForm(int n, int c, int k) {
    BigDecimal fail = new BigDecimal(binomial(n - c, k)).divide(new BigDecimal(binomial(n, k)),
        MathContext.DECIMAL128);
    return BigDecimal.ONE.subtract(fail).doubleValue();
  }

  private static BigInteger binomial(int n, int k) {
    if (k < 0 || k > n) {
      return BigInteger.ZERO;
    }
    BigInteger r = BigInteger.ONE;
    for (int i = 0; i < k; i++) {
      r = r.multiply(BigInteger.valueOf(n - i)).divide(BigInteger.valueOf(i + 1));
    }
    return r;
  }

  @Test
  void equalsTheClosedFormForTenSamplesThreeCorrect() {
    assertEquals(0.3, PassAtK.estimate(10, 3, 1), 1e-12);
    assertEquals(closedForm(10, 3, 5), PassAtK.estimate(10, 3, 5), 1e-12);
    assertEquals(1.0 - 21.0 / 252.0, PassAtK.estimate(10, 3, 5), 1e-12);
    assertEquals(1.0, PassAtK.estimate(10, 3, 10), 1e-12);
  }

  @Test
  void equalsTheClosedFormOnEveryCaseUpToTwentySamples() {
    for (int n = 1; n <= 20; n++) {
      for (int c = 0; c <= n; c++) {
        for (int k = 1; k <= n; k++) {
          assertEquals(closedForm(n, c, k), PassAtK.estimate(n, c, k), 1e-12, n + "/" + c + "/" + k);
        }
      }
    }
  }

  @Test
  void staysFiniteForLargeSampleCounts() {
    double p = PassAtK.estimate(1000, 10, 100);

    assertTrue(p > 0.6 && p < 0.7, "pass@100 with 10/1000 correct is about 0.65, got " + p);
  }

  @Test
  void refusesKLargerThanTheSamples() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> PassAtK.estimate(1, 1, 10));

    assertEquals("pass@10 needs at least 10 samples per task, got n=1", e.getMessage());
  }

  @Test
  void averagesOverTasks() {
    List<PassAtK.TaskCount> tasks = List.of(new PassAtK.TaskCount("a", 10, 3),
        new PassAtK.TaskCount("b", 10, 0), new PassAtK.TaskCount("c", 10, 10));

    assertEquals((0.3 + 0 + 1) / 3, PassAtK.mean(tasks, 1), 1e-12);
    assertThrows(IllegalArgumentException.class, () -> PassAtK.mean(tasks, 11));
  }
}
