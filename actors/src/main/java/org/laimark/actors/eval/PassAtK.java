package org.laimark.actors.eval;

import java.util.Collection;

/**
 * The unbiased pass@k estimator of Chen et al. (2021): with n samples of which c pass, the probability that
 * at least one of k samples drawn without replacement passes is {@code 1 - C(n-c, k) / C(n, k)}, computed as
 * {@code 1 - prod_{i=n-c+1}^{n} (1 - k/i)} so large n never overflows. A benchmark's pass@k is the mean over
 * its tasks. k larger than n is refused: the estimator is undefined there, and reporting pass@10 from one
 * sample is the kind of number this package exists to prevent.
 */
public final class PassAtK {

  /** One task's sample count and pass count. */
  public record TaskCount(String taskId, int n, int c) {
    public TaskCount {
      if (n <= 0 || c < 0 || c > n) {
        throw new IllegalArgumentException(
            "task " + taskId + ": need 0 <= passed <= samples and samples > 0, got " + c + "/" + n);
      }
    }
  }

  private PassAtK() {}

  /** pass@k for one task with {@code n} samples, {@code c} of them passing. */
  public static double estimate(int n, int c, int k) {
    if (k <= 0) {
      throw new IllegalArgumentException("k must be positive, got " + k);
    }
    if (k > n) {
      throw new IllegalArgumentException(
          "pass@" + k + " needs at least " + k + " samples per task, got n=" + n);
    }
    if (c < 0 || c > n) {
      throw new IllegalArgumentException("passed samples must be between 0 and " + n + ", got " + c);
    }
    if (n - c < k) {
      return 1.0;
    }
    double allFail = 1.0;
    for (int i = n - c + 1; i <= n; i++) {
      allFail *= 1.0 - (double) k / i;
    }
    return 1.0 - allFail;
  }

  /** The mean of {@link #estimate} over tasks; every task must have at least k samples. */
  public static double mean(Collection<TaskCount> tasks, int k) {
    if (tasks.isEmpty()) {
      throw new IllegalArgumentException("pass@" + k + " of no tasks is undefined");
    }
    double sum = 0;
    for (TaskCount t : tasks) {
      if (k > t.n()) {
        throw new IllegalArgumentException(
            "pass@" + k + " needs at least " + k + " samples per task; " + t.taskId() + " has " + t.n());
      }
      sum += estimate(t.n(), t.c(), k);
    }
    return sum / tasks.size();
  }
}
