package org.laimark.data.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.laimark.data.io.Datasets;

class HumanEvalCheckUnrollingTest {

  private static final String TEST =
      String.join(
          "\n",
          "METADATA = {'author': 'jt'}",
          "",
          "",
          "def check(candidate):",
          "    import math",
          "    # simple cases",
          "    assert candidate([1, 2], key=3) == [2, 1]",
          "    assert candidate('a') == 'a', 'message'",
          "    assert (candidate((1,)) == (\"x\", 'y')), 't3'",
          "    assert candidate(",
          "        [3, 4]) == math.pi",
          "    assert candidate(2) == len(METADATA)",
          "    assert abs(candidate(1.5) - 0.5) < 1e-6",
          "    assert not candidate(0)",
          "    assert candidate(1) == 1 or candidate(1) == 2",
          "    x = 4",
          "    assert candidate(x) == 16",
          "    for i in range(3):",
          "        assert candidate(i) == i",
          "    assert candidate(f'{x}') == 'x'",
          "",
          "");

  @Test
  void liftsExactlyTheSimpleEqualityAssertsThatReadNoLocalName() {
    HumanEvalCheckUnrolling u = HumanEvalCheckUnrolling.of(TEST, "reverse");

    assertEquals(
        String.join(
            "\n",
            "assert reverse([1, 2], key=3) == [2, 1]",
            "assert reverse('a') == 'a', 'message'",
            "assert (reverse((1,)) == (\"x\", 'y')), 't3'",
            "assert reverse(2) == len(METADATA)",
            "check(reverse)",
            ""),
        u.tests());
    assertEquals(4, u.lifted());
    assertEquals(9, u.kept());
    assertEquals(
        String.join(
            "\n",
            "METADATA = {'author': 'jt'}",
            "",
            "",
            "def check(candidate):",
            "    import math",
            "    # simple cases",
            "    assert candidate(",
            "        [3, 4]) == math.pi",
            "    assert abs(candidate(1.5) - 0.5) < 1e-6",
            "    assert not candidate(0)",
            "    assert candidate(1) == 1 or candidate(1) == 2",
            "    x = 4",
            "    assert candidate(x) == 16",
            "    for i in range(3):",
            "        assert candidate(i) == i",
            "    assert candidate(f'{x}') == 'x'",
            "",
            ""),
        u.setupCode());
  }

  @Test
  void aCheckLeftEmptyGetsAPassAndIsNotCalled() {
    HumanEvalCheckUnrolling u =
        HumanEvalCheckUnrolling.of("def check(candidate):\n    assert candidate() == 1\n", "f");

    assertEquals("assert f() == 1\n", u.tests());
    assertEquals("def check(candidate):\n    pass\n", u.setupCode());
  }

  @Test
  void textItDoesNotRecogniseIsLeftWhole() {
    String unbalanced = "def check(candidate):\n    assert candidate([1) == 1\n";
    String noCheck = "def test(candidate):\n    assert candidate() == 1\n";

    assertEquals("check(f)", HumanEvalCheckUnrolling.of(unbalanced, "f").tests());
    assertEquals(unbalanced, HumanEvalCheckUnrolling.of(unbalanced, "f").setupCode());
    assertEquals("check(f)", HumanEvalCheckUnrolling.of(noCheck, "f").tests());
  }

  @Test
  void theShippedTasksLift1076Asserts() {
    // 1076 is what Python's own ast finds: top-level `assert candidate(...) == ...` statements of
    // check() reading no name bound in check(); 120 statements stay (loops, tolerances, locals).
    int lifted = 0;
    for (HumanEvalTask task : Datasets.humanEval().items()) {
      lifted += HumanEvalCheckUnrolling.of(task.test(), task.entryPoint()).lifted();
    }

    assertEquals(1076, lifted);
  }
}
