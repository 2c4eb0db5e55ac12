package org.laimark.data.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DomainSplitsTest {

  private static final SplitSizes SIZES = new SplitSizes(20260401L, 300, 300, 2500);
  private static DomainSplits splits;

  @BeforeAll
  static void generate() {
    splits = DomainSplits.generate(SIZES);
  }

  @Test
  void heldOutSharesNoCompositionEntryPointOrNearDuplicateDocstringWithTrainingSplits() {
    HeldOutGuard guard = new HeldOutGuard(splits.heldOut());
    List<DomainProblem> trainable = new ArrayList<>(splits.curated());
    trainable.addAll(splits.pretrain());

    assertEquals(List.of(), guard.overlaps(trainable));
    Set<String> heldOutNames = new HashSet<>();
    splits.heldOut().forEach(p -> heldOutNames.add(p.entryPoint()));
    trainable.forEach(p -> assertTrue(!heldOutNames.contains(p.entryPoint()), p.entryPoint()));
  }

  @Test
  void heldOutDocstringsStayBelowTheStudysSimilarityThresholdAgainstEveryTrainingDocstring() {
    double worst = 0;
    List<Set<String>> held =
        splits.heldOut().stream().map(p -> DocstringTrigrams.of(p.docstring())).toList();
    for (DomainProblem p : splits.curated()) {
      Set<String> grams = DocstringTrigrams.of(p.docstring());
      for (Set<String> h : held) {
        worst = Math.max(worst, DocstringTrigrams.jaccard(grams, h));
      }
    }

    assertTrue(worst <= DocstringTrigrams.THRESHOLD, "max Jaccard " + worst);
  }

  @Test
  void heldOutHasTheRequestedSizeDistinctCompositionsAndNoSingleOperationProblems() {
    Set<String> signatures = new HashSet<>();
    splits.heldOut().forEach(p -> signatures.add(p.composition().signature()));

    assertEquals(SIZES.heldOut(), splits.heldOut().size());
    assertEquals(SIZES.heldOut(), signatures.size());
    assertTrue(splits.heldOut().stream().allMatch(p -> p.difficulty() >= 2 && p.difficulty() <= 4));
  }

  @Test
  void heldOutDoesNotDependOnTheOtherSplitSizes() {
    List<String> small =
        DomainSplits.heldOut(new SplitSizes(SIZES.seed(), 300, 1, 1)).stream()
            .map(DomainProblem::solution)
            .toList();

    assertEquals(splits.heldOut().stream().map(DomainProblem::solution).toList(), small);
  }

  @Test
  void curatedProblemsHaveDistinctEntryPoints() {
    Set<String> names = new HashSet<>();
    splits.curated().forEach(p -> assertTrue(names.add(p.entryPoint()), p.entryPoint()));
  }

  @Test
  void guardRejectsTheSameCompositionWithOtherParameters() {
    DomainProblem held =
        splits.heldOut().stream()
            .filter(p -> p.composition().steps().stream().anyMatch(s -> !s.params().isEmpty()))
            .findFirst()
            .orElseThrow();
    DomainGenerator generator = new DomainGenerator(new Random(99));

    DomainProblem twin =
        generator.generate(
            held.difficulty(),
            c ->
                c.signature().equals(held.composition().signature())
                    && !c.equals(held.composition()));

    assertEquals(
        "same composition",
        new HeldOutGuard(splits.heldOut()).overlap(twin).orElseThrow().reason());
  }

  @Test
  void guardRejectsANearDuplicateDocstringOfAnotherComposition() {
    Composition held =
        composition("keep_above", 3, "square_each", -1, "running_sum", -1, "sum_list", -1);
    Composition near =
        composition("keep_below", 3, "square_each", -1, "running_sum", -1, "sum_list", -1);
    List<TestCase> heldCases = cases(held);
    List<Integer> phrasing = List.of(0, 0, 0, 0);
    DomainProblem heldProblem = new DomainProblem(held, phrasing, heldCases);
    DomainProblem nearProblem = new DomainProblem(near, phrasing, cases(near));

    String reason =
        new HeldOutGuard(List.of(heldProblem)).overlap(nearProblem).orElseThrow().reason();

    assertTrue(reason.startsWith("docstring trigram Jaccard"), reason);
  }

  private static Composition composition(Object... idAndParam) {
    List<Step> steps = new ArrayList<>();
    for (int i = 0; i < idAndParam.length; i += 2) {
      int param = (Integer) idAndParam[i + 1];
      steps.add(
          new Step(
              PrimitiveCatalogue.byId((String) idAndParam[i]),
              param < 0 ? List.of() : List.of(param)));
    }
    return new Composition(steps);
  }

  private static List<TestCase> cases(Composition c) {
    List<TestCase> out = new ArrayList<>();
    for (List<Long> input : List.of(List.of(1L, 5L, 2L), List.of(7L, 1L), List.of(4L))) {
      out.add(new TestCase(input, c.apply(input)));
    }
    return out;
  }
}
