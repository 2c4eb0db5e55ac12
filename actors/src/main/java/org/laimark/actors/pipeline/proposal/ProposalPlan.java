package org.laimark.actors.pipeline.proposal;

import java.util.List;
import org.laimark.config.GeneratorSettings;
import org.laimark.data.Problem;
import org.laimark.data.TaskType;

/**
 * Which problem to ask for next. Proposal i is a harder variant of an accepted problem when a hash of
 * (seed, i) falls below {@code harderShare} and the bank holds an accepted induction problem (the parent
 * is picked by another hash of (seed, i)); otherwise it is fresh: {@code topics[i mod T]} at {@code
 * difficulties[(i / T) mod D]}, so every topic is visited at every difficulty before a pair repeats. The
 * choice depends only on the index (and, for a parent, on the accepted problems offered), so a resumed
 * run continues the same sequence from its proposal count.
 */
public final class ProposalPlan {

  private final List<String> topics;
  private final List<String> difficulties;
  private final double harderShare;
  private final long seed;

  /** Fresh problems only. */
  public ProposalPlan(GeneratorSettings settings) {
    this(settings, 0);
  }

  /** {@code harderShare}: the share of proposals asking for a harder variant, in [0, 1]. */
  public ProposalPlan(GeneratorSettings settings, double harderShare) {
    if (!(harderShare >= 0 && harderShare <= 1)) {
      throw new IllegalArgumentException("harder-variant share must be in [0, 1], got " + harderShare);
    }
    this.topics = settings.topics();
    this.difficulties = settings.difficulties();
    this.harderShare = harderShare;
    this.seed = settings.seed();
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

  /** Whether proposal {@code index} asks for a harder variant (when a parent is available). */
  public boolean wantsHarder(long index) {
    return harderShare > 0 && unit(index, 1) < harderShare;
  }

  /**
   * Proposal {@code index}: a harder variant of one of the {@code accepted} induction problems when
   * {@link #wantsHarder} and there is one, else fresh.
   */
  public ProposalSpec next(long index, List<Problem> accepted) {
    if (!wantsHarder(index)) {
      return fresh(index);
    }
    List<Problem> parents =
        accepted.stream().filter(p -> p.taskType() == TaskType.INDUCTION).toList();
    if (parents.isEmpty()) {
      return fresh(index);
    }
    return harder(index, parents.get((int) (unit(index, 2) * parents.size())));
  }

  /** Proposals a whole topic-by-difficulty sweep takes. */
  public int cycleLength() {
    return topics.size() * difficulties.size();
  }

  /** A uniform number in [0, 1) from (seed, index, salt): SplitMix64's finaliser. */
  private double unit(long index, long salt) {
    long z = seed + 0x9E3779B97F4A7C15L * (index * 2 + salt + 1);
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    z = z ^ (z >>> 31);
    return (z >>> 11) * 0x1.0p-53;
  }
}
