package org.laimark.actors.pipeline.proposal;

import java.util.List;
import org.laimark.config.GeneratorSettings;
import org.laimark.data.Problem;

/**
 * Which fresh problem to ask for next: proposal i asks about {@code topics[i mod T]} at {@code
 * difficulties[(i / T) mod D]}, so every topic is visited at every difficulty before a pair
 * repeats. Deterministic, so a resumed run continues the same sequence from its proposal count.
 */
public final class ProposalPlan {

  private final List<String> topics;
  private final List<String> difficulties;

  public ProposalPlan(GeneratorSettings settings) {
    this.topics = settings.topics();
    this.difficulties = settings.difficulties();
  }

  public ProposalSpec.FreshProblem fresh(long index) {
    int topic = (int) Math.floorMod(index, (long) topics.size());
    int difficulty =
        (int) Math.floorMod(Math.floorDiv(index, topics.size()), (long) difficulties.size());
    return new ProposalSpec.FreshProblem(index, topics.get(topic), difficulties.get(difficulty));
  }

  public ProposalSpec.HarderVariant harder(long index, Problem accepted) {
    return new ProposalSpec.HarderVariant(index, accepted);
  }

  /** Proposals a whole topic-by-difficulty sweep takes. */
  public int cycleLength() {
    return topics.size() * difficulties.size();
  }
}
