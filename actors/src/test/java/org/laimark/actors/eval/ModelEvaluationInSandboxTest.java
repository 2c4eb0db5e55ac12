package org.laimark.actors.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.laimark.actors.sandbox.SandboxService;
import org.laimark.config.EvalSettings;
import org.laimark.config.LaimarkConfig;
import org.laimark.config.SandboxSettings;
import org.laimark.data.Problem;

/** A real (tiny, random) Qwen3 checkpoint evaluated end to end: generate, extract, judge, summarise, resume. */
@Tag("sandbox")
@Tag("fixture")
class ModelEvaluationInSandboxTest {
  private static final Path TINY = Path.of(System.getProperty("laimark.shared"), "fixtures", "qwen3-tiny-a");

  @TempDir Path out;

  @Test
  void evaluatesTheTinyModelAndResumesWithoutGeneratingAgain() throws Exception {
    EvalSettings settings = EvalSettings.fromConfig(LaimarkConfig.defaults());
    List<Problem> tasks = Benchmarks.load("humaneval", null).tasks().subList(0, 4);
    Evaluation.Plan plan = new Evaluation.Plan("humaneval", "test", tasks, 1, List.of(1), Harness.STANDARD,
        AnswerMode.AUTO);

    ObjectNode first;
    ObjectNode resumed;
    try (SandboxService sandbox = SandboxService.start(SandboxSettings.fromConfig(LaimarkConfig.defaults()));
        ModelUnderEvaluation model = ModelUnderEvaluation.open(settings, TINY, null, 1, null, 32, null,
            InferencePolicy::load)) {
      first = new Evaluation(plan, model.answers(), sandbox, settings, out, new Evaluation.Listener() {})
          .run("first");
      resumed = new Evaluation(plan, model.answers(), sandbox, settings, out, new Evaluation.Listener() {})
          .run("again");
    }

    assertTrue(first.get("complete").asBoolean());
    assertEquals(4, first.get("samples").asInt());
    assertTrue(first.get("passed").asInt() <= 1, "a random tiny model passes about nothing");
    assertEquals("model", first.get("source").get("kind").asText());
    assertEquals(64, first.get("source").get("model_sha256").asText().length());
    assertEquals(0.0, first.get("source").get("sampling").get("temperature").asDouble());
    assertFalse(first.get("source").get("simulated").asBoolean());
    assertEquals(4, resumed.get("samples_already_done_at_start").asInt());
    assertEquals(first.get("pass_at_k"), resumed.get("pass_at_k"));
  }
}
