package org.laimark.model.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** What SFT trains as the answer to a problem: the body of a one-function solution, else all of it. */
class SolutionBodyTest {

  @Test
  void aOneFunctionSolutionIsTrainedAsItsIndentedBody() {
    String solution = "def f(xs):\n    total = 0\n    for x in xs:\n        total += x\n    return total\n";

    assertEquals(
        "    total = 0\n    for x in xs:\n        total += x\n    return total",
        SolutionBody.answerFor(solution, "f"));
  }

  @Test
  void aSignatureOverSeveralLinesEndsAtItsColon() {
    String solution = "def f(a: int,\n      b: dict = {'k': 1}) -> int:  # sum\n    return a + b['k']";

    assertEquals("    return a + b['k']", SolutionBody.answerFor(solution, "f"));
  }

  @Test
  void importsHelpersOrAOneLinerKeepTheWholeSolution() {
    String withImport = "import math\ndef f(x):\n    return math.sqrt(x)";
    String withHelper = "def f(x):\n    return g(x)\n\ndef g(x):\n    return x";
    String oneLiner = "def f(x): return x";

    assertEquals(withImport, SolutionBody.answerFor(withImport, "f"));
    assertEquals(withHelper, SolutionBody.answerFor(withHelper, "f"));
    assertEquals(oneLiner, SolutionBody.answerFor(oneLiner, "f"));
    assertEquals("def g(x):\n    return x", SolutionBody.answerFor("def g(x):\n    return x", "f"));
  }
}
