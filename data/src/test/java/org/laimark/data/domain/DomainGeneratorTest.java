package org.laimark.data.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.laimark.data.Problem;
import org.laimark.data.TaskType;

class DomainGeneratorTest {

  private static List<DomainProblem> sample(long seed, int count) {
    DomainGenerator generator = new DomainGenerator(new Random(seed));
    List<DomainProblem> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      out.add(generator.generate(1 + i % 4, c -> true));
    }
    return out;
  }

  @Test
  void sameSeedGivesTheSameProblems() {
    List<String> first = sample(7, 40).stream().map(DomainProblem::solution).toList();
    List<String> again = sample(7, 40).stream().map(DomainProblem::solution).toList();
    List<String> other = sample(8, 40).stream().map(DomainProblem::solution).toList();

    assertEquals(first, again);
    assertNotEquals(first, other);
  }

  @Test
  void difficultyIsTheNumberOfOperationsAndTheBodyHasOneLinePerOperation() {
    for (DomainProblem p : sample(1, 40)) {
      long statements = p.body().lines().count();

      assertEquals(p.composition().depth(), p.difficulty());
      assertEquals(p.difficulty() + 1, statements, p.solution());
    }
  }

  @Test
  void rendersTheStudysInductionRecord() {
    DomainProblem p = sample(3, 1).get(0);

    Problem problem = p.toProblem("domain-x-1");

    assertEquals(TaskType.INDUCTION, problem.taskType());
    assertTrue(problem.prompt().startsWith("def " + p.entryPoint() + "("), problem.prompt());
    assertTrue(problem.prompt().endsWith("    \"\"\"\n"), problem.prompt());
    assertEquals(problem.prompt() + p.body(), problem.solution());
    assertEquals(
        CaseSampler.CASES, problem.tests().lines().filter(l -> l.startsWith("assert ")).count());
    assertEquals(2, problem.prompt().lines().filter(l -> l.trim().startsWith(">>> ")).count());
    assertEquals("laimark-domain", problem.source());
  }

  @Test
  void testsAreNotSatisfiedByAConstantAnswer() {
    for (DomainProblem p : sample(5, 60)) {
      long distinct = p.cases().stream().map(TestCase::expected).distinct().count();

      assertTrue(distinct >= 2, p.tests());
    }
  }

  @Test
  void everyStepChangesSomeAnswer() {
    for (DomainProblem p : sample(11, 60)) {
      for (int i = 0; i < p.difficulty(); i++) {
        Composition reduced = p.composition().without(i);
        if (reduced == null) {
          continue;
        }
        boolean changes = false;
        for (TestCase c : p.cases()) {
          try {
            changes |= !Objects.equals(reduced.apply(c.input()), c.expected());
          } catch (DomainBounds.OutOfDomain e) {
            changes = true;
          }
        }
        assertTrue(changes, "step " + i + " of " + p.composition().signature() + " is decoration");
      }
    }
  }

  @Test
  void differentCompositionsNeverShareAnEntryPoint() {
    Map<String, String> owner = new HashMap<>();
    for (DomainProblem p : sample(13, 2000)) {
      String identity =
          p.composition().signature()
              + p.composition().steps().stream().map(s -> s.params().toString()).toList();
      String previous = owner.putIfAbsent(p.entryPoint(), identity);

      assertTrue(
          previous == null || previous.equals(identity),
          p.entryPoint() + " names both " + previous + " and " + identity);
    }
  }

  @Test
  void nameFragmentsAreUniqueAcrossTheCatalogue() {
    Set<String> fragments = new HashSet<>();
    for (Primitive p : PrimitiveCatalogue.all()) {
      assertTrue(fragments.add(p.nameFragment()), "fragment used twice: " + p.nameFragment());
    }
  }

  @Test
  void aHarderVariantIsTheParentCompositionWithOneMoreOperation() {
    DomainGenerator generator = new DomainGenerator(new Random(21));
    for (DomainProblem parent : sample(19, 30)) {
      if (parent.difficulty() == 4) {
        continue;
      }
      DomainProblem variant = generator.harder(parent, c -> true).orElseThrow();
      List<Step> extra = new ArrayList<>(variant.composition().steps());

      assertEquals(parent.difficulty() + 1, variant.difficulty());
      assertTrue(parent.composition().steps().stream().allMatch(extra::remove), variant.composition().signature());
      assertEquals(1, extra.size());
    }
  }

  @Test
  void deductionAndAbductionComeFromTheTestCases() {
    DomainProblem p = sample(17, 1).get(0);

    List<Problem> dd = DomainTaskVariants.deductions(p, "x");
    List<Problem> ab = DomainTaskVariants.abductions(p, "x");

    assertEquals(3, dd.size());
    assertEquals(3, ab.size());
    assertEquals(p.cases().get(0).argument(), dd.get(0).deduction().input());
    assertEquals(p.cases().get(0).expectedLiteral(), dd.get(0).deduction().expected());
    assertEquals(p.cases().get(1).expectedLiteral(), ab.get(1).abduction().expected());
    assertFalse(
        dd.get(0).deduction().code().contains("\"\"\""), "deduction code carries no docstring");
    assertEquals(TaskType.ABDUCTION, ab.get(0).taskType());
  }
}
