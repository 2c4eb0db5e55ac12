package org.laimark.model.pretrain;

/**
 * How often a pre-training problem also teaches the tasks other than solving (every problem teaches
 * solving: it is what held-out pass@1 measures). Writing examples are the longest (a whole problem, ~380
 * tokens) and deduction/abduction prompts are long for a few answer tokens, so they get a share of the
 * token budget rather than one example per problem each.
 *
 * @param write probability that a problem also yields a problem-writing example
 * @param harder probability of a harder-variant example (problems of difficulty 1-3 only)
 * @param deduce probability of a deduction example (call → value)
 * @param abduce probability of an abduction example (value → argument)
 */
public record CorpusMix(double write, double harder, double deduce, double abduce) {

  /** One of each per problem. */
  public static final CorpusMix ALL = new CorpusMix(1, 1, 1, 1);

  public CorpusMix {
    for (double p : new double[] {write, harder, deduce, abduce}) {
      if (!(p >= 0 && p <= 1)) {
        throw new IllegalArgumentException("corpus mix probabilities must be in [0, 1], got " + p);
      }
    }
  }
}
