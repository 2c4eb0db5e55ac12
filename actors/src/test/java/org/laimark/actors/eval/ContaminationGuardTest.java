package org.laimark.actors.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.laimark.data.Problem;
import org.laimark.data.io.Datasets;

class ContaminationGuardTest {
  private static ContaminationGuard guard;
  private static List<Problem> curriculum;

  @BeforeAll
  static void load() {
    guard = new ContaminationGuard(
        ContaminationGuard.referenceProblems(List.of("humaneval", "mbpp")), 3, 0.15, 40);
    curriculum = Datasets.seedCurriculum().items();
  }

  @Test
  void flagsEveryHumanEvalVariationOfTheStudyCurriculumWithItsSource() {
    List<Problem> variations = curriculum.stream().filter(p -> p.seedId() != null).toList();

    assertEquals(10, variations.size());
    for (Problem p : variations) {
      ContaminationGuard.Match m = guard.nearest(p);
      System.out.printf("%-36s %-14s %.3f %.1f %s%n", p.id(), p.seedId(), m.score(), m.evidence(), m.nearest());
      assertEquals(p.seedId(), m.nearest(), p.id() + " nearest");
      assertTrue(m.flagged(), p.id() + " scored " + m.score());
    }
  }

  @Test
  void letsTheGenuinelyNewProblemsOfTheStudyCurriculumThrough() {
    List<Problem> fresh = curriculum.stream().filter(p -> p.seedId() == null).toList();

    assertEquals(12, fresh.size());
    for (Problem p : fresh) {
      ContaminationGuard.Match m = guard.nearest(p);
      System.out.printf("%-36s %.3f %.1f %s%n", p.id(), m.score(), m.evidence(), m.nearest());
      assertFalse(m.flagged(), p.id() + " scored " + m.score() + " against " + m.nearest());
    }
  }

  @Test
  void scoresABenchmarkProblemAgainstItselfAsACompleteCopy() {
    Problem he0 = Datasets.problems(org.laimark.data.io.ProblemFormat.HUMANEVAL).items().get(0);

    ContaminationGuard.Match m = guard.nearest(he0);

    assertEquals("HumanEval/0", m.nearest());
    assertEquals(1.0, m.score(), 1e-9);
  }

  @Test
  void doesNotFlagATinyProblemForSharingAFewCommonPhrases() {
    Problem identity = Problem.induction("identity", "def f(x):\n    \"\"\"Return x.\"\"\"",
        "assert f(1) == 1\nassert f(2) == 2", "def f(x):\n    return x", "f");

    ContaminationGuard.Match m = guard.nearest(identity);

    assertTrue(m.score() > 0.15, "contained, score " + m.score());
    assertTrue(m.evidence() < 40, "but on little evidence: " + m.evidence());
    assertFalse(m.flagged());
  }

  @Test
  void flagsAVerbatimCopyOfTheSmallestBenchmarkProblem() {
    List<Problem> all = ContaminationGuard.referenceProblems(List.of("humaneval", "mbpp"));
    for (Problem p : all) {
      Problem copy = p.toBuilder().id("copy of " + p.id()).source("generated").build();

      ContaminationGuard.Match m = guard.nearest(copy);

      assertTrue(m.flagged(), p.id() + ": score " + m.score() + ", evidence " + m.evidence());
    }
  }

  @Test
  void seesThroughARenamedFunction() {
    Problem he0 = Datasets.problems(org.laimark.data.io.ProblemFormat.HUMANEVAL).items().get(0);
    Problem renamed = Problem.induction("renamed",
        he0.prompt().replace("has_close_elements", "any_two_close"),
        "assert any_two_close([1.0, 2.0], 0.5) == False",
        he0.solution().replace("has_close_elements", "any_two_close"), "any_two_close");

    ContaminationGuard.Match m = guard.nearest(renamed);

    assertEquals("HumanEval/0", m.nearest());
    assertTrue(m.score() > 0.9, "score " + m.score());
  }
}
