package org.laimark.data.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.laimark.data.Problem;
import org.laimark.data.io.Datasets;
import org.laimark.data.io.ReadResult;

class MbppReaderTest {

  @Test
  void readsAll974ShippedProblemsIntoTheStandardSplits() {
    ReadResult<MbppTask> tasks = Datasets.mbpp();

    assertEquals(List.of(), tasks.errors());
    assertEquals(974, tasks.items().size());
    Map<MbppSplit, Integer> sizes = new EnumMap<>(MbppSplit.class);
    tasks.items().forEach(t -> sizes.merge(t.split(), 1, Integer::sum));
    assertEquals(
        Map.of(
            MbppSplit.PROMPT,
            10,
            MbppSplit.TEST,
            500,
            MbppSplit.VALIDATION,
            90,
            MbppSplit.TRAIN,
            374),
        sizes);
  }

  @Test
  void everyShippedTaskBecomesAProblem() {
    ReadResult<Problem> problems = Datasets.mbpp().map(MbppTask::toProblem);

    assertEquals(List.of(), problems.errors());
    assertEquals(974, problems.items().size());
    Problem first = problems.items().get(0);
    assertEquals("MBPP/1", first.id());
    assertEquals("min_cost", first.entryPoint());
    assertFalse(first.solution().contains("\r"));
    assertEquals(
        "def min_cost(cost, m, n):\n"
            + "    \"\"\"Write a function to find the minimum cost path to reach (m, n) from (0, 0)"
            + " for the given cost matrix cost[][] and a position (m, n) in cost[][].\"\"\"\n",
        first.prompt());
  }

  @Test
  void setupCodeRunsAfterTheSolutionThatDefinesItsClasses() {
    Problem task367 = Datasets.mbpp().items().get(366).toProblem();

    String program = task367.programFor(task367.solution());

    assertTrue(task367.testSetupCode().startsWith("root = Node(1)"));
    assertTrue(program.indexOf("class Node") < program.indexOf("root = Node(1)"));
  }

  @Test
  void theEntryPointIsTheDefinedFunctionTheTestsCall() {
    MbppTask task =
        new MbppTask(
            700,
            "t",
            "def helper(x):\n  return x\ndef solve(a):\n  return helper(a)",
            List.of("assert solve(1) == 1"),
            "",
            List.of());

    assertEquals("solve", task.entryPoint());
  }

  @Test
  void aTaskWhoseTestsCallNoDefinedFunctionIsAnError() {
    String line =
        "{\"task_id\": 5, \"text\": \"t\", \"code\": \"def f(): return 1\", \"test_list\":"
            + " [\"assert g() == 1\"], \"test_setup_code\": \"\", \"challenge_test_list\": []}\n";

    ReadResult<Problem> read =
        MbppReader.read("m.jsonl", new ByteArrayInputStream(line.getBytes(StandardCharsets.UTF_8)))
            .map(MbppTask::toProblem);

    assertEquals(
        "m.jsonl:1: MBPP task 5: no top-level function of 'code' is called in 'test_list'",
        read.errors().get(0).toString());
  }

  @Test
  void reportsWrongElementTypesInTestList() {
    String line =
        "{\"task_id\": 5, \"text\": \"t\", \"code\": \"c\", \"test_list\": [\"assert 1\", 2]}\n";

    ReadResult<MbppTask> read =
        MbppReader.read("m.jsonl", new ByteArrayInputStream(line.getBytes(StandardCharsets.UTF_8)));

    assertEquals(
        "m.jsonl:1: field 'test_list' element 1 must be a string, got a number",
        read.errors().get(0).toString());
  }

  @Test
  void splitsFollowTheTaskIdRanges() {
    assertEquals(MbppSplit.PROMPT, MbppSplit.of(10));
    assertEquals(MbppSplit.TEST, MbppSplit.of(11));
    assertEquals(MbppSplit.VALIDATION, MbppSplit.of(600));
    assertEquals(MbppSplit.TRAIN, MbppSplit.of(601));
    assertThrows(IllegalArgumentException.class, () -> MbppSplit.of(975));
  }
}
