package org.laimark.actors.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.laimark.config.EvalSettings;
import org.laimark.config.LaimarkConfig;
import org.laimark.data.Problem;
import org.laimark.model.policy.ChatMessage;
import org.laimark.model.policy.Completion;
import org.laimark.model.policy.GenerationRequest;
import org.laimark.model.policy.Policy;
import org.laimark.model.policy.RolloutGroup;
import org.laimark.model.policy.SamplingParams;
import org.laimark.model.policy.TrainingMetrics;

class ModelAnswersTest {
  private static final EvalSettings SETTINGS = EvalSettings.fromConfig(LaimarkConfig.defaults());

  /** A SIMULATED policy that records its requests and answers with the request's seed. */
  private static final class RecordingPolicy implements Policy {
    final List<GenerationRequest> requests = new ArrayList<>();

    @Override
    public String description() {
      return "SIMULATED recording policy";
    }

    @Override
    public boolean simulated() {
      return true;
    }

    @Override
    public long version() {
      return 0;
    }

    @Override
    public List<Completion> generate(List<GenerationRequest> batch) {
      requests.addAll(batch);
      return batch.stream().map(r -> new Completion(new int[0], new int[0],
          "seed " + r.sampling().seed(), new float[0], 0)).toList();
    }

    @Override
    public TrainingMetrics train(List<RolloutGroup> groups) {
      throw new UnsupportedOperationException("evaluation never trains");
    }

    @Override
    public TrainingMetrics imitate(List<RolloutGroup> groups) {
      throw new UnsupportedOperationException("evaluation never trains");
    }

    @Override
    public void save(Path directory) {}

    @Override
    public void restore(Path directory) {}

    @Override
    public void close() {}
  }

  @Test
  void asksWithTheStudysChatAndGivesEachSampleItsOwnStableSeed() {
    RecordingPolicy policy = new RecordingPolicy();
    ModelAnswers answers = new ModelAnswers(policy, new EvalPrompts(SETTINGS.prompt()),
        new SamplingParams(0.8, 0.95, 0, 64, 42), 8, JsonNodeFactory.instance.objectNode());
    Problem task = Benchmarks.load("humaneval", null).tasks().get(2);

    List<String> first = answers.answers(List.of(new SampleKey(task, 0), new SampleKey(task, 1)));
    List<String> again = answers.answers(List.of(new SampleKey(task, 1)));

    List<ChatMessage> chat = policy.requests.get(0).messages();
    assertEquals("system", chat.get(0).role());
    assertTrue(chat.get(0).content().endsWith("/no_think"));
    assertEquals("Complete the following Python function. Return only the function body, no explanation."
        + "\n\n" + task.prompt(), chat.get(1).content());
    assertNotEquals(first.get(0), first.get(1));
    assertEquals(first.get(1), again.get(0));
  }

  @Test
  void showsMbppTasksTheirTests() {
    Problem mbpp = Benchmarks.load("mbpp", "test").tasks().get(0);

    String user = new EvalPrompts(SETTINGS.prompt()).messages(mbpp).get(1).content();

    assertTrue(user.contains("def " + mbpp.entryPoint() + "("), user);
    assertTrue(user.endsWith("Your code should pass these tests:\n" + mbpp.tests()), user);
  }

  @Test
  void decodesGreedilyForOneSampleAndRecordsTheModelsHash(@TempDir Path model) throws Exception {
    java.nio.file.Files.writeString(model.resolve("config.json"), "{}");
    RecordingPolicy policy = new RecordingPolicy();

    try (ModelUnderEvaluation m = ModelUnderEvaluation.open(SETTINGS, model, null, 1, null, null, null,
        (dir, adapter) -> policy)) {
      m.answers().answers(List.of(new SampleKey(Benchmarks.load("humaneval", null).tasks().get(0), 0)));
      ObjectNode identity = m.answers().identity();

      assertEquals(0.0, policy.requests.get(0).sampling().temperature());
      assertEquals(2048, policy.requests.get(0).sampling().maxNewTokens());
      assertEquals(FileDigest.sha256(model), identity.get("model_sha256").asText());
      assertEquals(64, identity.get("model_sha256").asText().length());
      assertTrue(identity.get("simulated").asBoolean());
    }
  }

  @Test
  void refusesGreedyDecodingForSeveralSamples(@TempDir Path model) {
    EvalInputException e = assertThrows(EvalInputException.class, () -> ModelUnderEvaluation.open(
        SETTINGS, model, null, 10, 0.0, null, null, (dir, adapter) -> new RecordingPolicy()));

    assertEquals("--n 10 with greedy decoding (temperature 0) gives 10 identical samples; give --temperature > 0"
        + " for pass@k", e.getMessage());
  }
}
