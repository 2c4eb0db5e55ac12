package org.laimark.actors.pipeline.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.laimark.data.Problem;

class AnswerGraderTest {

  private static final Problem ADD =
      Problem.induction(
          "add",
          "def add(a, b):\n    \"\"\"Add two numbers.\"\"\"\n",
          "assert add(1, 2) == 3\nassert add(0, 0) == 0",
          "def add(a, b):\n    return a + b\n",
          "add");
  private static final List<Problem> DERIVED = new TaskDeriver(1).derive(ADD);

  @Test
  void aBodyKeepsItsIndentationUnderTheStub() {
    Grading g = AnswerGrader.grade(ADD, "    return a + b\n", "j");

    assertTrue(g.needsSandbox());
    assertEquals(
        "def add(a, b):\n    \"\"\"Add two numbers.\"\"\"\n    return a + b\n", g.job().program());
    assertEquals(ADD.tests(), g.job().tests());
  }

  @Test
  void aBodyThatLostItsIndentationIsJudgedAsWrittenNotRepaired() {
    Grading g = AnswerGrader.grade(ADD, "```python\nreturn a + b\n```", "j");

    assertTrue(g.job().program().endsWith("\"\"\"\nreturn a + b\n"));
  }

  @Test
  void aFullFunctionAnswerIsJudgedAfterTheStub() {
    Grading g =
        AnswerGrader.grade(ADD, "<think>easy</think>\ndef add(a, b):\n    return b + a\n", "j");

    assertTrue(g.job().program().endsWith("def add(a, b):\n    return b + a\n"));
  }

  @Test
  void emptyAnswersFailWithoutRunning() {
    assertEquals("empty answer", AnswerGrader.grade(ADD, "  \n", "j").failure());
    assertEquals(
        "empty answer", AnswerGrader.grade(DERIVED.get(0), "<think>hmm</think>", "j").failure());
  }

  @Test
  void aDeductionAnswerBecomesACanonicalLiteralInTheTest() {
    Grading g = AnswerGrader.grade(DERIVED.get(0), " `0x3` ", "j");

    assertEquals("def add(a, b):\n    return a + b\n", g.job().program());
    assertEquals("assert add(1, 2) == 3", g.job().tests());
  }

  @Test
  void aDeductionAnswerThatIsCodeIsAFailureNotATest() {
    Grading injection = AnswerGrader.grade(DERIVED.get(0), "3 or True", "j");
    Grading name = AnswerGrader.grade(DERIVED.get(0), "_result", "j");

    assertFalse(injection.needsSandbox());
    assertTrue(injection.failure().startsWith("answer is not a single Python literal"));
    assertFalse(name.needsSandbox());
  }

  @Test
  void anAbductionAnswerIsAnArgumentListOfLiterals() {
    Grading g = AnswerGrader.grade(DERIVED.get(1), "2, 1", "j");
    Grading spliced = AnswerGrader.grade(DERIVED.get(1), "1, 2) or (True", "j");

    assertEquals("assert add(2, 1) == 3", g.job().tests());
    assertFalse(spliced.needsSandbox());
  }
}
