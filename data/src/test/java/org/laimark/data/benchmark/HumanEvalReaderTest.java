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
  void becomesAProblemThatRunsTheOfficialHarnessProgram() {
    HumanEvalTask task = Datasets.humanEval().items().get(0);

    Problem problem = task.toProblem();

    assertEquals("HumanEval/0", problem.id());
    assertEquals(task.prompt() + task.canonicalSolution(), problem.solution());
    assertEquals("check(has_close_elements)", problem.tests());
    assertEquals(task.test(), problem.testSetupCode());
    String program = problem.programFor(problem.solution());
    assertTrue(program.startsWith(task.prompt() + task.canonicalSolution()));
    assertTrue(program.contains("def check(candidate):"));
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
