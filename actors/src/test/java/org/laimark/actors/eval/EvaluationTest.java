package org.laimark.actors.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.laimark.config.EvalSettings;
import org.laimark.config.LaimarkConfig;
import org.laimark.data.Problem;
import org.laimark.data.Verdict;
import org.laimark.data.VerdictStatus;

/** The evaluation's bookkeeping (resume, totals, refusals) against a SCRIPTED sandbox that runs nothing. */
class EvaluationTest {
  private static final EvalSettings SETTINGS = EvalSettings.fromConfig(LaimarkConfig.defaults());
  private static final List<Problem> TASKS = Benchmarks.load("humaneval", null).tasks().subList(0, 6);
  private static final String RIGHT = "    return 'right'\n";
  private static final String WRONG = "    return 'wrong'\n";

  @TempDir Path out;
  private final ScriptedSandbox sandbox = ScriptedSandbox.passingWhenProgramContains("'right'");

  @AfterEach
  void stop() {
    sandbox.close();
  }

  /** Samples 0-2 of every task are right, 3-9 wrong; throws (a simulated crash) past {@code failAfter}. */
  private static class Answers implements AnswerSource {
    final AtomicInteger given = new AtomicInteger();
    final int failAfter;

    Answers(int failAfter) {
      this.failAfter = failAfter;
    }

    @Override
    public int batchSize() {
      return 4;
    }

    @Override
    public List<String> answers(List<SampleKey> keys) {
      if (given.get() + keys.size() > failAfter) {
        throw new IllegalStateException("simulated crash after " + given.get() + " answers");
      }
      given.addAndGet(keys.size());
      return keys.stream().map(k -> k.index() < 3 ? RIGHT : WRONG).toList();
    }

    @Override
    public ObjectNode identity() {
      return JsonNodeFactory.instance.objectNode().put("kind", "scripted");
    }
  }

  private Evaluation evaluation(AnswerSource answers, Harness harness) {
    Evaluation.Plan plan = new Evaluation.Plan("humaneval", "test", TASKS, 10, List.of(1, 5, 10), harness,
        AnswerMode.AUTO);
    return new Evaluation(plan, answers, sandbox, SETTINGS, out, new Evaluation.Listener() {});
  }

  @Test
  void reportsPassAtKOfThreeRightOutOfTen() throws Exception {
    ObjectNode summary = evaluation(new Answers(Integer.MAX_VALUE), Harness.STANDARD).run("test");

    assertEquals(0.3, summary.get("pass_at_k").get("1").asDouble(), 1e-12);
    assertEquals(1 - 21.0 / 252, summary.get("pass_at_k").get("5").asDouble(), 1e-12);
    assertEquals(1.0, summary.get("pass_at_k").get("10").asDouble(), 1e-12);
    assertEquals(60, summary.get("samples").asInt());
    assertEquals(18, summary.get("passed").asInt());
    assertEquals(42, summary.get("error_classes").get("assertion_failure").asInt());
    assertTrue(summary.get("complete").asBoolean());
  }

  @Test
  void resumesAfterACrashWithoutRedoingOrLosingSamples() throws Exception {
    assertThrows(IllegalStateException.class,
        () -> evaluation(new Answers(24), Harness.STANDARD).run("first"));
    long linesAfterCrash = Files.readAllLines(out.resolve("results.jsonl")).size();
    int jobsBefore = sandbox.jobs.get();

    Answers second = new Answers(Integer.MAX_VALUE);
    ObjectNode summary = evaluation(second, Harness.STANDARD).run("second");

    assertEquals(24, linesAfterCrash);
    assertEquals(36, second.given.get());
    assertEquals(24, summary.get("samples_already_done_at_start").asInt());
    assertEquals(0.3, summary.get("pass_at_k").get("1").asDouble(), 1e-12);
    assertEquals(60, summary.get("samples").asInt());
    assertEquals(jobsBefore + 36, sandbox.jobs.get());
    assertNoDuplicateSamples();
  }

  @Test
  void dropsATornLastLineAndRedoesThatSample() throws Exception {
    assertThrows(IllegalStateException.class,
        () -> evaluation(new Answers(8), Harness.STANDARD).run("first"));
    Files.writeString(out.resolve("results.jsonl"), "{\"task_id\": \"HumanEval/2\", \"sam",
        StandardOpenOption.APPEND);

    ObjectNode summary = evaluation(new Answers(Integer.MAX_VALUE), Harness.STANDARD).run("second");

    assertEquals(8, summary.get("samples_already_done_at_start").asInt());
    assertEquals(60, summary.get("samples").asInt());
    assertNoDuplicateSamples();
  }

  @Test
  void leavesSamplesWithInfrastructureErrorsForTheNextRun() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    try (ScriptedSandbox flaky = new ScriptedSandbox(job -> {
      boolean reference = job.id().endsWith("#reference");
      if (!reference && calls.incrementAndGet() % 10 == 0) {
        return Verdict.infraError("worker died");
      }
      return job.program().contains("'right'") || reference
          ? ScriptedSandbox.verdict(VerdictStatus.PASSED, "")
          : ScriptedSandbox.verdict(VerdictStatus.FAILED, "AssertionError");
    })) {
      Evaluation.Plan plan = new Evaluation.Plan("humaneval", "test", TASKS, 10, List.of(1), Harness.STANDARD,
          AnswerMode.AUTO);
      ObjectNode first = new Evaluation(plan, new Answers(Integer.MAX_VALUE), flaky, SETTINGS, out,
          new Evaluation.Listener() {}).run("first");
      ObjectNode second = new Evaluation(plan, new Answers(Integer.MAX_VALUE), flaky, SETTINGS, out,
          new Evaluation.Listener() {}).run("second");

      assertEquals(6, first.get("infra_errors_this_run").asInt());
      assertFalse(first.get("complete").asBoolean());
      assertEquals(54, first.get("samples").asInt());
      assertTrue(second.get("complete").asBoolean());
      assertEquals(60, second.get("samples").asInt());
      assertEquals(0.3, second.get("pass_at_k").get("1").asDouble(), 1e-12);
    }
  }

  @Test
  void retriesAWallClockTimeoutOnceButNotACpuLimit() throws Exception {
    java.util.Map<String, Integer> attempts = new java.util.concurrent.ConcurrentHashMap<>();
    try (ScriptedSandbox starved = new ScriptedSandbox(job -> {
      int attempt = attempts.merge(job.id(), 1, Integer::sum);
      if (job.id().startsWith("HumanEval/0#")) {
        return ScriptedSandbox.verdict(attempt == 1 ? VerdictStatus.TIMEOUT : VerdictStatus.PASSED, "");
      }
      return ScriptedSandbox.verdict(job.id().startsWith("HumanEval/1#") ? VerdictStatus.CPU_LIMIT
          : VerdictStatus.TIMEOUT, "");
    })) {
      Evaluation.Plan plan = new Evaluation.Plan("humaneval", "test", TASKS.subList(0, 3), 1, List.of(1),
          Harness.SEED_COMPAT, AnswerMode.AUTO);

      ObjectNode summary = new Evaluation(plan, new Answers(Integer.MAX_VALUE), starved, SETTINGS, out,
          new Evaluation.Listener() {}).run("starved");

      assertEquals(1, summary.get("passed").asInt());
      assertEquals(2, summary.get("error_classes").get("timeout").asInt());
      assertEquals(2, attempts.get("HumanEval/0#0"));
      assertEquals(1, attempts.get("HumanEval/1#0"));
      assertEquals(2, attempts.get("HumanEval/2#0"));
    }
  }

  @Test
  void refusesToMixADifferentEvaluationIntoTheFolder() throws Exception {
    evaluation(new Answers(Integer.MAX_VALUE), Harness.STANDARD).run("standard");

    EvalInputException e = assertThrows(EvalInputException.class,
        () -> evaluation(new Answers(Integer.MAX_VALUE), Harness.SEED_COMPAT).run("seed"));

    assertTrue(e.getMessage().contains("this folder holds a different evaluation (harness: \"standard\" then,"
        + " \"seed\" now"), e.getMessage());
  }

  @Test
  void recordsEmptyAnswersWithoutRunningThem() throws Exception {
    AnswerSource empty = new Answers(Integer.MAX_VALUE) {
      @Override
      public List<String> answers(List<SampleKey> keys) {
        return keys.stream().map(k -> "```python\n```").toList();
      }
    };
    Evaluation.Plan plan = new Evaluation.Plan("humaneval", "test", TASKS, 1, List.of(1), Harness.STANDARD,
        AnswerMode.AUTO);

    ObjectNode summary = new Evaluation(plan, empty, sandbox, SETTINGS, out, new Evaluation.Listener() {})
        .run("empty");

    assertEquals(0.0, summary.get("pass_at_k").get("1").asDouble());
    assertEquals(6, summary.get("error_classes").get("empty_answer").asInt());
    assertEquals(TASKS.size(), sandbox.jobs.get(), "only the reference timings ran");
  }

  @Test
  void refusesKLargerThanN() {
    EvalInputException e = assertThrows(EvalInputException.class,
        () -> new Evaluation.Plan("humaneval", "test", TASKS, 1, List.of(1, 10), Harness.STANDARD,
            AnswerMode.AUTO));

    assertEquals("pass@10 needs at least 10 samples per task, but n=1 (raise --n or lower --k)", e.getMessage());
  }

  @Test
  void measuresEachReferenceOnceAcrossRuns() throws Exception {
    evaluation(new Answers(Integer.MAX_VALUE), Harness.STANDARD).run("first");
    int references = (int) Files.readAllLines(out.resolve("references.jsonl")).size();
    int jobs = sandbox.jobs.get();

    evaluation(new Answers(Integer.MAX_VALUE), Harness.STANDARD).run("again");

    assertEquals(TASKS.size(), references);
    assertEquals(jobs, sandbox.jobs.get(), "nothing left to run");
  }

  private void assertNoDuplicateSamples() throws IOException {
    Set<String> seen = new HashSet<>();
    for (String line : Files.readAllLines(out.resolve("results.jsonl"))) {
      ObjectNode o = (ObjectNode) new com.fasterxml.jackson.databind.ObjectMapper().readTree(line);
      assertTrue(seen.add(o.get("task_id").asText() + "#" + o.get("sample").asInt()), "duplicate: " + line);
    }
  }
}
