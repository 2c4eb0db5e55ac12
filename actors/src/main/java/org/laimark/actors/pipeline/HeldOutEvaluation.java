package org.laimark.actors.pipeline;

import java.util.concurrent.CompletionStage;

/**
 * Measures the current policy on held-out problems (pass@1). Supplied to the {@link Evaluator}, so
 * a run can plug in any benchmark or harness; {@link SandboxedPassAtOne} is the standard one.
 */
public interface HeldOutEvaluation {

  /** The score; completes exceptionally only for trouble on our side (model or sandbox). */
  CompletionStage<Score> evaluate();

  /**
   * {@code passed} of {@code total} held-out answers (one per problem, or several when sampled), all by
   * {@code policyVersion}.
   */
  record Score(long policyVersion, String benchmark, int passed, int total) {
    public Score {
      if (total <= 0 || passed < 0 || passed > total) {
        throw new IllegalArgumentException(
            "need 0 <= passed <= total and total > 0, got " + passed + "/" + total);
      }
    }

    public double passRate() {
      return (double) passed / total;
    }
  }
}
