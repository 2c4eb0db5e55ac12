package org.laimark.actors.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.laimark.data.Problem;

class SamplesFileTest {
  private static List<Problem> tasks;
  @TempDir Path dir;

  @BeforeAll
  static void load() {
    tasks = Benchmarks.load("humaneval", null).tasks();
  }

  /** One line per task with an empty completion, then {@code extra} lines. */
  private Path file(String... extra) throws IOException {
    List<String> lines = new ArrayList<>();
    tasks.forEach(t -> lines.add("{\"task_id\": \"" + t.id() + "\", \"completion\": \"\"}"));
    lines.addAll(List.of(extra));
    Path f = dir.resolve("samples.jsonl");
    Files.write(f, lines);
    return f;
  }

  private EvalInputException refused(Path f) {
    return assertThrows(EvalInputException.class,
        () -> SamplesFile.read(f, tasks, "the humaneval test split"));
  }

  @Test
  void readsOneSamplePerTask() throws IOException {
    SamplesFile.Samples s = SamplesFile.read(file(), tasks, "the humaneval test split");

    assertEquals(1, s.n());
    assertEquals(164, s.answers().size());
  }

  @Test
  void namesTheLineOfAnUnknownTask() throws IOException {
    Path f = file("{\"task_id\": \"HumanEval/999\", \"completion\": \"x\"}");

    assertEquals(List.of(f + ":165: unknown task_id 'HumanEval/999' (not a task of the humaneval test split)"),
        refused(f).problems());
  }

  @Test
  void namesTheLinesOfADuplicatedTask() throws IOException {
    Path f = file("{\"task_id\": \"HumanEval/3\", \"completion\": \"    return 1\"}");

    assertEquals(List.of(f + ":4: task HumanEval/3 has 2 samples (lines 4, 165) but most tasks have 1"),
        refused(f).problems());
  }

  @Test
  void namesTheLineOfARepeatedSampleIndex() throws IOException {
    Path f = dir.resolve("indexed.jsonl");
    Files.write(f, List.of("{\"task_id\": \"HumanEval/0\", \"sample\": 0, \"completion\": \"a\"}",
        "{\"task_id\": \"HumanEval/0\", \"sample\": 0, \"completion\": \"b\"}"));

    EvalInputException e = refused(f);

    assertEquals(f + ":2: duplicate sample 0 for task HumanEval/0 (first at line 1)", e.problems().get(0));
  }

  @Test
  void namesMissingFieldsAndMalformedLines() throws IOException {
    Path f = file("{\"task_id\": \"HumanEval/1\"}", "{\"completion\": \"x\"}", "{not json", "[1, 2]");

    List<String> problems = refused(f).problems();

    assertEquals(f + ":165: missing field 'completion' (expected a string: the answer; 'solution' is"
        + " accepted instead)", problems.get(0));
    assertEquals(f + ":166: missing field 'task_id' (expected a string or an integer)", problems.get(1));
    assertTrue(problems.get(2).startsWith(f + ":167: malformed JSON"), problems.get(2));
    assertEquals(f + ":168: expected a JSON object, got an array", problems.get(3));
  }

  @Test
  void listsTasksWithoutSamples() throws IOException {
    Path f = dir.resolve("partial.jsonl");
    Files.write(f, List.of("{\"task_id\": \"HumanEval/0\", \"completion\": \"a\"}"));

    EvalInputException e = refused(f);

    assertTrue(e.problems().get(0).startsWith(f + ": no samples for 163 task(s): HumanEval/1, HumanEval/2"),
        e.problems().get(0));
  }

  @Test
  void acceptsMbppIdsWrittenAsNumbers() throws IOException {
    List<Problem> mbpp = Benchmarks.load("mbpp", "test").tasks();
    Path f = dir.resolve("mbpp.jsonl");
    List<String> lines = new ArrayList<>();
    for (Problem t : mbpp) {
      int id = Integer.parseInt(t.id().substring(5));
      lines.add(id % 2 == 0 ? "{\"task_id\": " + id + ", \"completion\": \"\"}"
          : "{\"task_id\": \"Mbpp/" + id + "\", \"solution\": \"\"}");
    }
    Files.write(f, lines);

    SamplesFile.Samples s = SamplesFile.read(f, mbpp, "the mbpp test split");

    assertEquals(500, s.answers().size());
    assertEquals(1, s.answers().get("MBPP/11").size());
  }
}
