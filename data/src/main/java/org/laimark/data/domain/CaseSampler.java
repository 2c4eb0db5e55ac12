package org.laimark.data.domain;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * Finds test cases that make a composition a fair problem: distinct inputs inside the domain bounds,
 * outputs that vary (a constant answer must not pass), and, for every step, a case whose answer changes
 * when that step is left out — so no step is decoration and the docstring describes the real work.
 */
final class CaseSampler {

  static final int CASES = 5;
  private static final int ATTEMPTS = 80;

  private final InputSampler inputs;

  CaseSampler(Random rng) {
    this.inputs = new InputSampler(rng);
  }

  Optional<List<TestCase>> casesFor(Composition composition) {
    List<TestCase> cases = new ArrayList<>();
    Set<Object> seen = new HashSet<>();
    for (int attempt = 0; attempt < ATTEMPTS && cases.size() < CASES; attempt++) {
      Object input = inputs.sample(composition.input());
      if (!seen.add(input)) {
        continue;
      }
      try {
        cases.add(new TestCase(input, composition.apply(input)));
      } catch (DomainBounds.OutOfDomain | ArithmeticException e) {
        // An input whose evaluation leaves the domain is simply not used.
      }
    }
    if (cases.size() < CASES || !outputsVary(composition, cases) || !everyStepMatters(composition, cases)) {
      return Optional.empty();
    }
    return Optional.of(examplesFirst(cases));
  }

  private static boolean outputsVary(Composition composition, List<TestCase> cases) {
    long distinct = cases.stream().map(TestCase::expected).distinct().count();
    return distinct >= (composition.output() == ValueType.BOOL ? 2 : 3);
  }

  private static boolean everyStepMatters(Composition composition, List<TestCase> cases) {
    for (int i = 0; i < composition.depth(); i++) {
      Composition reduced = composition.without(i);
      if (reduced != null && cases.stream().allMatch(c -> sameResult(reduced, c))) {
        return false;
      }
    }
    return true;
  }

  private static boolean sameResult(Composition reduced, TestCase c) {
    try {
      return Objects.equals(reduced.apply(c.input()), c.expected());
    } catch (DomainBounds.OutOfDomain | ArithmeticException e) {
      return false;
    }
  }

  /** Puts two cases with different answers first: they become the docstring's examples. */
  private static List<TestCase> examplesFirst(List<TestCase> cases) {
    List<TestCase> out = new ArrayList<>(cases);
    for (int i = 1; i < out.size(); i++) {
      if (!Objects.equals(out.get(i).expected(), out.get(0).expected())) {
        out.add(1, out.remove(i));
        break;
      }
    }
    return out;
  }
}
