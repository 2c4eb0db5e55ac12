package org.laimark.data.domain;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.laimark.data.Problem;

/**
 * The domain cut into three splits. The held-out benchmark ("mini-HumanEval") is drawn first, from its
 * own random stream (so its content does not depend on the other sizes), with one problem per composition
 * and difficulties 2 to 4 — depth 1 is never held out, since that would withhold a primitive entirely.
 * The curated set and the pre-training pool are then drawn from other streams, rejecting every
 * composition the benchmark uses and every problem {@link HeldOutGuard} finds overlapping.
 */
public record DomainSplits(
    List<DomainProblem> heldOut, List<DomainProblem> curated, List<DomainProblem> pretrain) {

  /** Probability of difficulty 1..4 in each split (index 0 is difficulty 1). */
  static final double[] HELD_OUT_MIX = {0.0, 0.40, 0.35, 0.25};
  static final double[] CURATED_MIX = {0.10, 0.30, 0.35, 0.25};
  static final double[] PRETRAIN_MIX = {0.20, 0.30, 0.30, 0.20};

  public DomainSplits {
    heldOut = List.copyOf(heldOut);
    curated = List.copyOf(curated);
    pretrain = List.copyOf(pretrain);
  }

  public static DomainSplits generate(SplitSizes sizes) {
    List<DomainProblem> heldOut = heldOut(sizes);
    HeldOutGuard guard = new HeldOutGuard(heldOut);
    List<DomainProblem> curated = trainable(sizes.curated(), CURATED_MIX, true, guard,
        new Random(sizes.seed() * 31 + 2));
    List<DomainProblem> pretrain = trainable(sizes.pretrain(), PRETRAIN_MIX, false, guard,
        new Random(sizes.seed() * 31 + 3));
    return new DomainSplits(heldOut, curated, pretrain);
  }

  /** The held-out benchmark alone (what evaluation needs, without generating the training pool). */
  public static List<DomainProblem> heldOut(SplitSizes sizes) {
    Random rng = new Random(sizes.seed() * 31 + 1);
    DomainGenerator generator = new DomainGenerator(rng);
    Set<String> signatures = new HashSet<>();
    List<DomainProblem> out = new ArrayList<>();
    while (out.size() < sizes.heldOut()) {
      DomainProblem p = generator.generate(depth(HELD_OUT_MIX, rng), c -> !signatures.contains(c.signature()));
      signatures.add(p.composition().signature());
      out.add(p);
    }
    return out;
  }

  public List<Problem> heldOutProblems() {
    return problems(heldOut, "domain-heldout-");
  }

  public List<Problem> curatedProblems() {
    return problems(curated, "domain-curated-");
  }

  public List<Problem> pretrainProblems() {
    return problems(pretrain, "domain-pretrain-");
  }

  public static List<Problem> problems(List<DomainProblem> split, String idPrefix) {
    List<Problem> out = new ArrayList<>();
    for (int i = 0; i < split.size(); i++) {
      out.add(split.get(i).toProblem(String.format("%s%05d", idPrefix, i + 1)));
    }
    return out;
  }

  private static List<DomainProblem> trainable(
      int size, double[] mix, boolean distinctNames, HeldOutGuard guard, Random rng) {
    DomainGenerator generator = new DomainGenerator(rng);
    Set<String> names = new HashSet<>();
    List<DomainProblem> out = new ArrayList<>();
    while (out.size() < size) {
      DomainProblem p = generator.generate(depth(mix, rng),
          c -> !guard.reservedComposition(c) && !(distinctNames && names.contains(c.entryPoint())));
      if (guard.overlap(p).isEmpty()) {
        names.add(p.entryPoint());
        out.add(p);
      }
    }
    return out;
  }

  private static int depth(double[] mix, Random rng) {
    double roll = rng.nextDouble();
    for (int i = 0; i < mix.length; i++) {
      roll -= mix[i];
      if (roll < 0) {
        return i + 1;
      }
    }
    return mix.length;
  }
}
