package org.laimark.actors.pipeline.proposal;

import org.laimark.data.Problem;

/**
 * What to ask the policy to write: a fresh problem on a topic at a difficulty, or a harder variant
 * of an accepted problem. {@code index} numbers proposals in a run; the sampling seed is derived
 * from it, so a resumed run asks the same questions in the same way.
 */
public sealed interface ProposalSpec {

  long index();

  /** A new problem about {@code topic} at {@code difficulty}. */
  record FreshProblem(long index, String topic, String difficulty) implements ProposalSpec {}

  /** A harder variant of {@code parent}, an accepted problem (keeps its topic). */
  record HarderVariant(long index, Problem parent) implements ProposalSpec {}
}
