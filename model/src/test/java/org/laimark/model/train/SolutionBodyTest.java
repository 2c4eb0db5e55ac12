package org.laimark.model.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * What SFT trains as the answer to a problem: the continuation of the stub, else the body of a
 * one-function solution, else all of it.
 */
class SolutionBodyTest {

  @Test
  void aSolutionThatBeginsWithTheStubIsTrainedAsTheStubsContinuationWithoutTheDocstringAgain() {
    String stub = "def f(xs: list[int]) -> int:\n    \"\"\"Sum the numbers.\n\n    >>> f([1])\n    1\n    \"\"\"\n";
    String solution = stub + "    total = sum(xs)\n    return total\n";

    assertEquals("    total = sum(xs)\n    return total\n", SolutionBody.answerFor(stub, solution, "f"));
  }

  @Test
  void theSolutionsOwnDocstringIsDroppedWhenTheStubShowsOne() {
    String stub = "def f(x):\n    \"\"\"Double it.\n\n    >>> f(2)\n    4\n    \"\"\"\n";
    String written = "def f(x):\n    \"\"\"Double it.\n\n    >>> f(2)\n    5\n    \"\"\"\n    return 2 * x";
    String oneLine = "def f(x):\n    \"\"\"Double it.\"\"\"\n    return 2 * x";

    assertEquals("    return 2 * x", SolutionBody.answerFor(stub, written, "f"));
    assertEquals("    return 2 * x", SolutionBody.answerFor(stub, oneLine, "f"));
    assertEquals("    \"\"\"Double it.\"\"\"\n    return 2 * x", SolutionBody.answerFor("", oneLine, "f"));
  }

  @Test
  void aSolutionNotBeginningWithTheStubIsTrainedAsItsBody() {
    String solution = "def f(xs):\n    return sum(xs)\n";

    assertEquals("    return sum(xs)", SolutionBody.answerFor("def f(xs):\n    \"\"\"Other.\"\"\"\n", solution, "f"));
  }

  @Test
  void aOneFunctionSolutionIsTrainedAsItsIndentedBody() {
    String solution = "def f(xs):\n    total = 0\n    for x in xs:\n        total += x\n    return total\n";

    assertEquals(
        "    total = 0\n    for x in xs:\n        total += x\n    return total",
        SolutionBody.answerFor("", solution, "f"));
  }

  @Test
  void aSignatureOverSeveralLinesEndsAtItsColon() {
    String solution = "def f(a: int,\n      b: dict = {'k': 1}) -> int:  # sum\n    return a + b['k']";

    assertEquals("    return a + b['k']", SolutionBody.answerFor("", solution, "f"));
  }

  @Test
  void importsHelpersOrAOneLinerKeepTheWholeSolution() {
    String withImport = "import math\ndef f(x):\n    return math.sqrt(x)";
    String withHelper = "def f(x):\n    return g(x)\n\ndef g(x):\n    return x";
    String oneLiner = "def f(x): return x";

    assertEquals(withImport, SolutionBody.answerFor("", withImport, "f"));
    assertEquals(withHelper, SolutionBody.answerFor("", withHelper, "f"));
    assertEquals(oneLiner, SolutionBody.answerFor("", oneLiner, "f"));
    assertEquals("def g(x):\n    return x", SolutionBody.answerFor("", "def g(x):\n    return x", "f"));
  }
}
