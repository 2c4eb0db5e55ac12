package org.laimark.actors.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.laimark.actors.sandbox.SandboxService;
import org.laimark.config.EvalSettings;
import org.laimark.config.LaimarkConfig;
import org.laimark.config.SandboxSettings;

/** What MBPP's test split allows: its reference solutions, judged once (docs/evaluation.md explains each failure). */
@Tag("sandbox")
@Tag("slow")
class MbppReferencesInSandboxTest {
  /** The failures docs/evaluation.md explains; 341 fails on every CPython, the others are explained there. */
  private static final Set<String> EXPLAINED = Set.of("MBPP/123", "MBPP/126", "MBPP/341");

  @TempDir Path out;

  @Test
  void referenceSolutionsFailOnlyWhereTheDocumentedDataProblemsAre() throws Exception {
    EvalSettings settings = EvalSettings.fromConfig(LaimarkConfig.defaults());
    Benchmarks.TaskSet mbpp = Benchmarks.load("mbpp", "test");
    Evaluation.Plan plan = new Evaluation.Plan("mbpp", "test", mbpp.tasks(), 1, List.of(1), Harness.STANDARD,
        AnswerMode.AUTO);

    ObjectNode summary;
    try (SandboxService sandbox = SandboxService.start(SandboxSettings.fromConfig(LaimarkConfig.defaults()))) {
      summary = new Evaluation(plan, new ReferenceAnswers(), sandbox, settings, out, new Evaluation.Listener() {})
          .run("test");
    }

    Set<String> failing = new HashSet<>();
    for (JsonNode r : summary.get("reference_failures")) {
      failing.add(r.get("task_id").asText());
    }
    assertEquals(500, summary.get("samples").asInt());
    assertTrue(EXPLAINED.containsAll(failing), "unexplained failing references: " + failing);
    assertTrue(failing.contains("MBPP/341"), "set ordering makes 341's expected tuples unreachable");
    assertEquals(500 - failing.size(), summary.get("passed").asInt());
  }
}
