package org.laimark.actors.pipeline.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.laimark.config.LaimarkConfig;
import org.laimark.config.TaskMixSettings;
import org.laimark.data.Problem;
import org.laimark.model.policy.ChatMessage;
import org.laimark.model.policy.GenerationRequest;

class TaskPromptsTest {

  private static final TaskMixSettings SETTINGS =
      TaskMixSettings.fromConfig(LaimarkConfig.defaults());
  private static final TaskPrompts PROMPTS = new TaskPrompts(SETTINGS);
  private static final Problem INC =
      Problem.induction(
          "inc",
          "def inc(x):\n    \"\"\"Return x plus one; {call} is not a placeholder here.\"\"\"\n",
          "assert inc(1) == 2",
          "def inc(x):\n    return x + 1\n",
          "inc");

  @Test
  void eachTypeIsAskedWithItsOwnTemplateUnderTheSystemPrompt() {
    List<Problem> derived = new TaskDeriver(1).derive(INC);

    List<ChatMessage> induction = PROMPTS.messages(INC);
    String deduction = PROMPTS.messages(derived.get(0)).get(1).content();
    String abduction = PROMPTS.messages(derived.get(1)).get(1).content();

    assertEquals("system", induction.get(0).role());
    assertTrue(induction.get(0).content().endsWith("/no_think"));
    assertTrue(induction.get(1).content().endsWith(INC.prompt()));
    assertTrue(deduction.contains("What does inc(1) return?"), deduction);
    assertTrue(abduction.contains("Give arguments for which inc returns 2."), abduction);
  }

  @Test
  void placeholdersInsideFilledValuesAreLeftAlone() {
    assertEquals("a {call} b", PromptTemplate.fill("a {x} b", Map.of("x", "{call}", "call", "no")));
    assertEquals("keep {unknown}", PromptTemplate.fill("keep {unknown}", Map.of()));
  }

  @Test
  void samplesHaveDistinctReproducibleSeedsPerPurposeAndRound() {
    List<GenerationRequest> calibrate = PROMPTS.requests(INC, "calibrate", 0, 0, 3);
    List<GenerationRequest> again = PROMPTS.requests(INC, "calibrate", 0, 0, 3);
    List<GenerationRequest> rollout = PROMPTS.requests(INC, "rollout", 1, 0, 3);

    assertEquals(calibrate, again);
    assertEquals(3, calibrate.stream().map(r -> r.sampling().seed()).distinct().count());
    assertNotEquals(calibrate.get(0).sampling().seed(), rollout.get(0).sampling().seed());
    assertEquals("inc", calibrate.get(0).taskKey());
    assertEquals(1024, calibrate.get(0).sampling().maxNewTokens());
    assertEquals(
        256,
        PROMPTS
            .requests(new TaskDeriver(1).derive(INC).get(0), "calibrate", 0, 0, 1)
            .get(0)
            .sampling()
            .maxNewTokens());
  }

  @Test
  void anEmptySystemPromptIsLeftOut() {
    TaskMixSettings noSystem =
        TaskMixSettings.fromConfig(
            ConfigFactory.parseString("laimark.pipeline.tasks.prompts.system = \"\"")
                .withFallback(LaimarkConfig.defaults()));

    assertEquals(
        List.of("user"),
        new TaskPrompts(noSystem).messages(INC).stream().map(ChatMessage::role).toList());
  }
}
