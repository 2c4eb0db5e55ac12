package org.laimark.data.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.Predicate;

/**
 * Draws random problems of a given difficulty: a source kind, then a chain of primitives whose types
 * connect (only the last step may produce a boolean), parameters, phrasings and test cases. Deterministic
 * for the {@link Random} it is given.
 */
public final class DomainGenerator {

  /** Source kinds and how often each starts a composition: lists, strings, integers. */
  private static final ValueType[] SOURCES = {ValueType.INT_LIST, ValueType.STR, ValueType.INT};
  private static final double[] SOURCE_WEIGHTS = {0.45, 0.35, 0.20};
  private static final int ATTEMPTS = 10_000;

  private final Random rng;
  private final CaseSampler cases;

  public DomainGenerator(Random rng) {
    this.rng = rng;
    this.cases = new CaseSampler(rng);
  }

  /** A problem of {@code depth} operations whose composition {@code accept} allows. */
  public DomainProblem generate(int depth, Predicate<Composition> accept) {
    if (depth < 1) {
      throw new IllegalArgumentException("depth must be at least 1, got " + depth);
    }
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      Composition composition = composition(depth);
      if (composition == null || !accept.test(composition)) {
        continue;
      }
      Optional<List<TestCase>> found = cases.casesFor(composition);
      if (found.isPresent()) {
        return new DomainProblem(composition, phrasing(composition), found.get());
      }
    }
    throw new IllegalStateException("no acceptable problem of depth " + depth + " in " + ATTEMPTS
        + " attempts; the filter excludes (nearly) everything");
  }

  /**
   * A problem one operation harder than {@code base} (the study's "harder variant"): a step inserted where
   * it takes and gives the same kind of value, or appended at the end; empty when none is found.
   */
  public Optional<DomainProblem> harder(DomainProblem base, Predicate<Composition> accept) {
    for (int attempt = 0; attempt < 200; attempt++) {
      Composition composition = extended(base.composition());
      if (composition == null || !accept.test(composition)) {
        continue;
      }
      Optional<List<TestCase>> found = cases.casesFor(composition);
      if (found.isPresent()) {
        return Optional.of(new DomainProblem(composition, phrasing(composition), found.get()));
      }
    }
    return Optional.empty();
  }

  private Composition extended(Composition base) {
    List<Step> steps = new ArrayList<>(base.steps());
    int position = rng.nextInt(steps.size() + 1);
    boolean append = position == steps.size();
    ValueType type = position == 0 ? base.input() : steps.get(position - 1).primitive().to();
    if (type == ValueType.BOOL) {
      return null;
    }
    List<Primitive> options = new ArrayList<>();
    for (Primitive p : PrimitiveCatalogue.accepting(type)) {
      boolean fits = append || p.to() == type;
      boolean repeats = (position > 0 && steps.get(position - 1).primitive() == p)
          || (!append && steps.get(position).primitive() == p);
      if (fits && !repeats) {
        options.add(p);
      }
    }
    if (options.isEmpty()) {
      return null;
    }
    Primitive chosen = options.get(rng.nextInt(options.size()));
    steps.add(position, new Step(chosen, params(chosen)));
    return new Composition(steps);
  }

  private Composition composition(int depth) {
    ValueType type = pickSource();
    List<Step> steps = new ArrayList<>();
    for (int i = 0; i < depth; i++) {
      boolean last = i == depth - 1;
      List<Primitive> options = new ArrayList<>();
      for (Primitive p : PrimitiveCatalogue.accepting(type)) {
        boolean repeats = !steps.isEmpty() && steps.get(steps.size() - 1).primitive() == p;
        if ((last || p.to() != ValueType.BOOL) && !repeats) {
          options.add(p);
        }
      }
      if (options.isEmpty()) {
        return null;
      }
      Primitive chosen = options.get(rng.nextInt(options.size()));
      steps.add(new Step(chosen, params(chosen)));
      type = chosen.to();
    }
    return new Composition(steps);
  }

  private ValueType pickSource() {
    double roll = rng.nextDouble();
    for (int i = 0; i < SOURCES.length - 1; i++) {
      roll -= SOURCE_WEIGHTS[i];
      if (roll < 0) {
        return SOURCES[i];
      }
    }
    return SOURCES[SOURCES.length - 1];
  }

  private List<Integer> params(Primitive p) {
    List<Integer> values = new ArrayList<>();
    for (Primitive.ParamRange range : p.params()) {
      values.add(range.lo() + rng.nextInt(range.hi() - range.lo() + 1));
    }
    return values;
  }

  private List<Integer> phrasing(Composition composition) {
    List<Integer> variants = new ArrayList<>();
    for (Step step : composition.steps()) {
      variants.add(rng.nextInt(step.primitive().phrases().size()));
    }
    return variants;
  }
}
