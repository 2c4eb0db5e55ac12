package org.laimark.actors.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.laimark.data.Problem;

class HarnessTest {
  private static final String STUB = "def add_all(xs):\n    \"\"\"Sum of xs.\"\"\"\n";
  private static final String BODY = "    total = 0\n    for x in xs:\n        total += x\n    return total\n";
  private static final Problem TASK =
      Problem.induction("t", STUB, "assert add_all([1, 2]) == 3", STUB + BODY, "add_all");

  @Test
  void standardPutsABodyRightUnderTheStub() {
    Harness.Prepared p = Harness.STANDARD.prepare(TASK, BODY, AnswerMode.AUTO);

    assertEquals(STUB + BODY, p.solution());
    assertEquals(AnswerMode.BODY, p.mode());
  }

  @Test
  void standardPutsAFullFunctionAfterTheStub() {
    String function = "def add_all(xs):\n    return sum(xs)\n";

    Harness.Prepared p = Harness.STANDARD.prepare(TASK, "```python\n" + function + "```", AnswerMode.AUTO);

    assertEquals(STUB + "\n" + function, p.solution());
    assertEquals(AnswerMode.FULL_FUNCTION, p.mode());
  }

  @Test
  void standardAddsTheNewlineAStubWithoutOneNeeds() {
    Problem noNewline = Problem.induction("t", STUB.strip(), "assert add_all([]) == 0", STUB + BODY, "add_all");

    assertEquals(STUB + BODY, Harness.STANDARD.prepare(noNewline, BODY, AnswerMode.BODY).solution());
  }

  @Test
  void standardReportsAnEmptyAnswerInsteadOfRunningIt() {
    assertTrue(Harness.STANDARD.prepare(TASK, "<think>hmm</think>", AnswerMode.AUTO).empty());
  }

  @Test
  void seedCompatStripsTheBodysFirstIndentationAsTheStudyDid() {
    Harness.Prepared p = Harness.SEED_COMPAT.prepare(TASK, BODY, AnswerMode.AUTO);

    assertEquals(STUB + BODY.strip() + "\n", p.solution());
    assertTrue(p.solution().contains("\"\"\"\ntotal = 0\n    for x"));
  }

  @Test
  void seedCompatKeepsAColumnZeroFunctionWorking() {
    String function = "def add_all(xs):\n    return sum(xs)";

    Harness.Prepared p = Harness.SEED_COMPAT.prepare(TASK, function, AnswerMode.BODY);

    assertEquals(STUB + function + "\n", p.solution());
    assertEquals(AnswerMode.FULL_FUNCTION, p.mode());
  }

  @Test
  void seedCompatTakesTheLastPythonBlockAndCutsAtTheFirstThinkEnd() {
    String answer = "<think>x</think>```python\nfirst\n```\n```python\n" + BODY + "```<|im_end|>";

    assertEquals(STUB + BODY.strip() + "\n", Harness.SEED_COMPAT.prepare(TASK, answer, AnswerMode.AUTO).solution());
  }

  @Test
  void seedCompatStripsAnUntaggedFencePair() {
    String answer = "```\n" + BODY + "```";

    assertEquals(STUB + BODY.strip() + "\n", Harness.SEED_COMPAT.prepare(TASK, answer, AnswerMode.AUTO).solution());
  }

  @Test
  void seedCompatPutsTheStrippedAnswerOnANewLineAfterAStubWithoutOne() {
    Problem noNewline = Problem.induction("t", STUB.strip(), "assert add_all([]) == 0", STUB + BODY, "add_all");

    assertEquals(STUB + BODY.strip() + "\n", Harness.SEED_COMPAT.prepare(noNewline, BODY, AnswerMode.AUTO).solution());
  }

  @Test
  void seedCompatRunsAnEmptyAnswerAsPass() {
    assertEquals(STUB + "    pass\n", Harness.SEED_COMPAT.prepare(TASK, "  \n", AnswerMode.AUTO).solution());
  }
}
