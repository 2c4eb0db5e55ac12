package org.laimark.actors.eval;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.laimark.data.Problem;
import org.laimark.data.io.Datasets;

class EvaluationSplitGuardTest {

  @Test
  void refusesHumanEvalAndTheMbppTestSplitUnlessForced() {
    List<Problem> curated = new java.util.ArrayList<>(Benchmarks.load("humaneval", null).tasks());
    curated.addAll(Benchmarks.load("mbpp", "test").tasks());

    EvalInputException e = assertThrows(EvalInputException.class,
        () -> EvaluationSplitGuard.requireTrainable(curated, false, "--allow-eval-data"));

    assertEquals("664 of 664 training problems are evaluation data, e.g. HumanEval/0 (HumanEval test set),"
        + " HumanEval/1 (HumanEval test set), HumanEval/2 (HumanEval test set); training on them inflates"
        + " every score measured on them. Pass --allow-eval-data to do it anyway", e.getMessage());
    assertDoesNotThrow(() -> EvaluationSplitGuard.requireTrainable(curated, true, "--allow-eval-data"));
  }

  @Test
  void allowsMbppTrainAndTheStudyCurriculum() {
    assertDoesNotThrow(() -> EvaluationSplitGuard.requireTrainable(
        Benchmarks.load("mbpp", "train").tasks(), false, "--force"));
    assertDoesNotThrow(() -> EvaluationSplitGuard.requireTrainable(
        Datasets.seedCurriculum().items(), false, "--force"));
  }

  @Test
  void namesTheSplitOfAnMbppProblem() {
    assertEquals("MBPP validation split", EvaluationSplitGuard.evaluationSplitOf(
        Benchmarks.load("mbpp", "validation").tasks().get(0)));
    assertNull(EvaluationSplitGuard.evaluationSplitOf(Benchmarks.load("mbpp", "prompt").tasks().get(0)));
  }
}
