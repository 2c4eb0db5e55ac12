package org.laimark.actors.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.laimark.actors.sandbox.SandboxService;
import org.laimark.config.EvalSettings;
import org.laimark.config.LaimarkConfig;
import org.laimark.config.SandboxSettings;
import org.laimark.data.Problem;
import org.laimark.data.benchmark.HumanEvalTask;
import org.laimark.data.io.Datasets;

/** Real verdicts: HumanEval answers judged in the real sandbox, with our harness and the study's. */
@Tag("sandbox")
class EvaluationInSandboxTest {
  private static final EvalSettings SETTINGS = EvalSettings.fromConfig(LaimarkConfig.defaults());
  private static SandboxService sandbox;
  private static List<Problem> tasks;
  private static Map<String, String> canonicalBodies;
  private static Path referenceTimings;

  @TempDir static Path shared;
  @TempDir Path out;

  @BeforeAll
  static void start() throws InterruptedException {
    sandbox = SandboxService.start(SandboxSettings.fromConfig(LaimarkConfig.defaults()));
    tasks = Benchmarks.load("humaneval", null).tasks();
    canonicalBodies = Datasets.humanEval().items().stream()
        .collect(Collectors.toMap(HumanEvalTask::taskId, HumanEvalTask::canonicalSolution));
    // Measured once for the class; each evaluation finds them in its folder as a resumed run would.
    referenceTimings = shared.resolve("references.jsonl");
    new TimeLimits(SETTINGS).measure(tasks, sandbox, referenceTimings, () -> {});
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  /** Evaluates one answer per task (answers keyed by task id) over {@code subset}. */
  private ObjectNode evaluate(List<Problem> subset, Map<String, String> answers, Harness harness)
      throws Exception {
    Files.createDirectories(out);
    Files.copy(referenceTimings, out.resolve("references.jsonl"), StandardCopyOption.REPLACE_EXISTING);
    AnswerSource source = new AnswerSource() {
      @Override
      public int batchSize() {
        return 64;
      }

      @Override
      public List<String> answers(List<SampleKey> keys) {
        return keys.stream().map(k -> answers.get(k.taskId())).toList();
      }

      @Override
      public ObjectNode identity() {
        return new ObjectMapper().createObjectNode().put("kind", "test");
      }
    };
    Evaluation.Plan plan = new Evaluation.Plan("humaneval", "test", subset, 1, List.of(1), harness,
        AnswerMode.AUTO);
    return new Evaluation(plan, source, sandbox, SETTINGS, out, new Evaluation.Listener() {}).run("test");
  }

  private List<ObjectNode> results() throws IOException {
    List<ObjectNode> rows = new ArrayList<>();
    for (String line : Files.readAllLines(out.resolve("results.jsonl"))) {
      rows.add((ObjectNode) new ObjectMapper().readTree(line));
    }
    return rows;
  }

  @Test
  void canonicalSolutionsScoreOneOnAll164Tasks() throws Exception {
    ObjectNode summary = evaluate(tasks, canonicalBodies, Harness.STANDARD);

    assertEquals(1.0, summary.get("pass_at_k").get("1").asDouble());
    assertEquals(164, summary.get("passed").asInt());
    assertEquals(164, summary.get("answers_read_as").get("body").asInt());
    assertEquals(0, summary.get("reference_failures").size());
  }

  @Test
  void emptyCompletionsScoreZero() throws Exception {
    Map<String, String> empty = tasks.stream().collect(Collectors.toMap(Problem::id, t -> ""));

    ObjectNode summary = evaluate(tasks, empty, Harness.STANDARD);

    assertEquals(0.0, summary.get("pass_at_k").get("1").asDouble());
    assertEquals(164, summary.get("error_classes").get("empty_answer").asInt());
  }

  @Test
  void aCorrectlyIndentedBodyPassesAndLosingItsFirstIndentIsAnIndentationError() throws Exception {
    Problem task = tasks.get(0);
    String body = canonicalBodies.get(task.id());
    ObjectNode passed = evaluate(List.of(task), Map.of(task.id(), "```python\n" + body + "```"),
        Harness.STANDARD);
    Files.delete(out.resolve("run.json"));
    Files.delete(out.resolve("results.jsonl"));

    ObjectNode broken = evaluate(List.of(task), Map.of(task.id(), body.stripLeading()), Harness.STANDARD);

    assertEquals(1, passed.get("passed").asInt());
    assertEquals(1, broken.get("error_classes").get("indentation_error").asInt());
    ObjectNode row = results().get(0);
    assertEquals("IndentationError", row.get("error_type").asText());
    assertEquals("body", row.get("mode").asText());
  }

  @Test
  void theStudysHarnessFailsTheSameCorrectBodyAndPassesAFullFunction() throws Exception {
    Problem task = tasks.get(0);
    String body = canonicalBodies.get(task.id());
    ObjectNode bodyOnly = evaluate(List.of(task), Map.of(task.id(), body), Harness.SEED_COMPAT);
    Files.delete(out.resolve("run.json"));
    Files.delete(out.resolve("results.jsonl"));

    ObjectNode fullFunction = evaluate(List.of(task), Map.of(task.id(), task.prompt().strip() + "\n" + body),
        Harness.SEED_COMPAT);

    assertEquals(0, bodyOnly.get("passed").asInt());
    assertEquals(1, bodyOnly.get("error_classes").get("indentation_error").asInt());
    assertEquals(1, fullFunction.get("passed").asInt());
  }

  @Test
  void theStudysHarnessFailsEveryCanonicalBodyThatOurHarnessPasses() throws Exception {
    ObjectNode summary = evaluate(tasks, canonicalBodies, Harness.SEED_COMPAT);

    assertEquals(0, summary.get("passed").asInt());
    assertEquals(164, summary.get("error_classes").get("indentation_error").asInt());
    assertTrue(summary.get("time_limits").has("fixed_seconds"));
  }
}
