package org.laimark.actors.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.laimark.config.EvalSettings;
import org.laimark.config.LaimarkConfig;
import org.laimark.data.Problem;
import org.laimark.model.policy.Completion;
import org.laimark.model.policy.GenerationRequest;
import org.laimark.model.policy.SamplingParams;

@Tag("fixture")
class InferencePolicyTest {
  private static final Path TINY = Path.of(System.getProperty("laimark.shared"), "fixtures", "qwen3-tiny-a");

  @Test
  void generatesFromTheChatTemplateDeterministicallyWhenGreedy() {
    EvalSettings settings = EvalSettings.fromConfig(LaimarkConfig.defaults());
    Problem task = Benchmarks.load("humaneval", null).tasks().get(0);
    GenerationRequest request = new GenerationRequest(new EvalPrompts(settings.prompt()).messages(task),
        SamplingParams.greedy(24), task.id());

    try (InferencePolicy policy = InferencePolicy.load(TINY, null)) {
      List<Completion> first = policy.generate(List.of(request, request));
      List<Completion> again = policy.generate(List.of(request));

      assertFalse(policy.simulated());
      assertTrue(first.get(0).completionIds().length > 0 && first.get(0).completionIds().length <= 24);
      assertEquals(first.get(0).text(), first.get(1).text());
      assertEquals(first.get(0).text(), again.get(0).text());
      assertTrue(first.get(0).promptIds().length > 100, "system prompt, user message and stub were encoded");
    }
  }

  @Test
  void appliesTheAdapter() {
    Problem task = Benchmarks.load("humaneval", null).tasks().get(0);
    GenerationRequest request = new GenerationRequest(
        List.of(org.laimark.model.policy.ChatMessage.user(task.prompt())), SamplingParams.greedy(16), "x");

    try (InferencePolicy base = InferencePolicy.load(TINY, null);
        InferencePolicy adapted = InferencePolicy.load(TINY, TINY.resolve("adapter"))) {
      assertTrue(adapted.description().contains("adapter"));
      assertFalse(java.util.Arrays.equals(base.generate(List.of(request)).get(0).tokenLogProbs(),
          adapted.generate(List.of(request)).get(0).tokenLogProbs()));
    }
  }
}
