package org.laimark.actors.pipeline.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.laimark.data.Abduction;
import org.laimark.data.Deduction;
import org.laimark.data.Problem;
import org.laimark.data.TaskType;

class TaskDeriverTest {

  private static final String SOLUTION = "def pad(s, n):\n    return s.ljust(n, '.')\n";

  private static Problem problem(String tests) {
    return Problem.induction("pad", "def pad(s, n):\n    \"\"\"Pad.\"\"\"", tests, SOLUTION, "pad");
  }

  @Test
  void makesOneDeductionAndOneAbductionPerLiteralAssertUpToTheLimit() {
    Problem p =
        problem(
            "assert pad('a', 3) == 'a..'\nassert pad('', 2) == '..'\n"
                + "assert pad('ab', 2) == 'ab'\nassert pad('x', 0x2) == 'x.'");

    List<Problem> tasks = new TaskDeriver(3).derive(p);

    assertEquals(
        List.of(
            TaskType.DEDUCTION,
            TaskType.DEDUCTION,
            TaskType.DEDUCTION,
            TaskType.ABDUCTION,
            TaskType.ABDUCTION,
            TaskType.ABDUCTION),
        tasks.stream().map(Problem::taskType).toList());
    assertEquals(new Deduction(SOLUTION, "pad", "'a', 3", "'a..'"), tasks.get(0).deduction());
    assertEquals(new Abduction(SOLUTION, "pad", "'..'"), tasks.get(4).abduction());
    assertEquals("pad#deduction0", tasks.get(0).id());
  }

  @Test
  void skipsAssertsThatAreNotACallOfLiteralsComparedWithALiteral() {
    Problem p =
        problem(
            "assert pad('a', 3) == 'a' + '..'\n"
                + "assert pad(x, 3) == 'x..'\n"
                + "assert len(pad('a', 3)) == 3\n"
                + "assert pad('a', n=3) == 'a..'\n"
                + "assert pad('a', 3) != 'a'\n"
                + "assert pad('q', 2) == 'q.', 'message'\n"
                + "assert pad('z', 2) == 'z.'");

    List<Problem> tasks = new TaskDeriver(3).derive(p);

    assertEquals(2, tasks.size());
    assertEquals("'z', 2", tasks.get(0).deduction().input());
  }

  @Test
  void normalisesLiteralsAndDropsRepeatedCallsAndOutputs() {
    Problem p =
        problem(
            "assert pad( \"a\" ,3 )==\"a..\"\nassert pad('a', 3) == 'a..'\n"
                + "assert pad('b', 1) == 'b'\nassert pad('b', 0) == 'b'");

    List<Problem> tasks = new TaskDeriver(3).derive(p);

    assertEquals(
        List.of("'a', 3", "'b', 1", "'b', 0"),
        tasks.stream().filter(t -> t.deduction() != null).map(t -> t.deduction().input()).toList());
    assertEquals(
        List.of("'a..'", "'b'"),
        tasks.stream()
            .filter(t -> t.abduction() != null)
            .map(t -> t.abduction().expected())
            .toList());
  }

  @Test
  void derivesNothingFromDerivedTasksOrWithALimitOfZero() {
    Problem p = problem("assert pad('a', 3) == 'a..'\nassert pad('', 2) == '..'");

    assertTrue(new TaskDeriver(0).derive(p).isEmpty());
    assertTrue(new TaskDeriver(3).derive(new TaskDeriver(3).derive(p).get(0)).isEmpty());
  }

  @Test
  void taskKeysNameTheTaskNotTheAnswer() {
    List<Problem> tasks = new TaskDeriver(1).derive(problem("assert pad('a', 3) == 'a..'"));

    assertEquals("deduction:pad:'a', 3", TaskKeys.of(tasks.get(0)));
    assertEquals("abduction:pad:'a..'", TaskKeys.of(tasks.get(1)));
    assertEquals("pad", TaskKeys.of(problem("assert pad('a', 3) == 'a..'")));
  }
}
