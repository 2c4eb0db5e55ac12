package org.laimark.data.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.laimark.data.Problem;
import org.laimark.data.io.Datasets;
import org.laimark.data.io.ReadResult;

class HumanEvalReaderTest {

  @Test
  void readsAll164ShippedProblemsFromTheGzip() {
    ReadResult<HumanEvalTask> tasks = Datasets.humanEval();

    assertEquals(List.of(), tasks.errors());
    assertEquals(164, tasks.items().size());
    assertEquals("HumanEval/0", tasks.items().get(0).taskId());
    assertEquals("has_close_elements", tasks.items().get(0).entryPoint());
    assertEquals("HumanEval/163", tasks.items().get(163).taskId());
  }

  @Test
  void becomesAProblemWhoseSimpleChecksAreTopLevelAsserts() {
    HumanEvalTask task = Datasets.humanEval().items().get(0);

    Problem problem = task.toProblem();

    assertEquals("HumanEval/0", problem.id());
    assertEquals(task.prompt() + task.canonicalSolution(), problem.solution());
    assertTrue(
        problem
            .tests()
            .startsWith(
                "assert has_close_elements([1.0, 2.0, 3.9, 4.0, 5.0, 2.2], 0.3) == True\n"),
        problem.tests());
    assertEquals(7, problem.tests().lines().count(), problem.tests());
    assertTrue(problem.testSetupCode().contains("def check(candidate):\n    pass\n"));
    String program = problem.programFor(problem.solution());
    assertTrue(program.startsWith(task.prompt() + task.canonicalSolution()));
  }

  @Test
  void aTaskWithNothingToLiftKeepsTheOfficialHarnessProgram() {
    HumanEvalTask task = Datasets.humanEval().items().get(32); // find_zero: a loop with tolerances

    Problem problem = task.toProblem();

    assertEquals("check(find_zero)", problem.tests());
    assertEquals(task.test(), problem.testSetupCode());
  }

  @Test
  void aRecordWithoutACheckFunctionIsAnError() {
    String line =
        "{\"task_id\": \"X/1\", \"prompt\": \"def f():\\n"
            + "\", \"canonical_solution\": \"  return 1\", \"test\": \"assert f() == 1\","
            + " \"entry_point\": \"f\"}\n";

    ReadResult<HumanEvalTask> read =
        HumanEvalReader.read(
            "he.jsonl", new ByteArrayInputStream(line.getBytes(StandardCharsets.UTF_8)));

    assertEquals(
        "he.jsonl:1: field 'test' must define check(candidate)", read.errors().get(0).toString());
  }
}
