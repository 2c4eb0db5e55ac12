package org.laimark.model.tokenizer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.laimark.model.CheckpointException;
import org.laimark.model.policy.ChatMessage;

/**
 * Qwen3's real chat template (the one Qwen3 checkpoints ship: namespace, reversed slices, Python
 * string methods, think blocks) renders as Jinja2 renders it. Expected strings are derived by hand
 * from Jinja2's semantics for each branch the template takes.
 */
class Qwen3ChatTemplateTest {

  private static final ChatTemplate QWEN3 =
      ChatTemplate.of(
          "qwen3", resource("qwen3-chat-template.jinja"), Map.of("eos_token", "<|im_end|>"));

  @Test
  void rendersSystemAndUserWithGenerationPrompt() {
    List<ChatMessage> chat =
        List.of(ChatMessage.system("You write Python."), ChatMessage.user("def add(a, b):"));

    String rendered = QWEN3.render(chat, true);

    assertEquals(
        "<|im_start|>system\n"
            + "You write Python.<|im_end|>\n"
            + "<|im_start|>user\n"
            + "def add(a, b):<|im_end|>\n"
            + "<|im_start|>assistant\n",
        rendered);
  }

  @Test
  void hardSwitchOffAppendsAnEmptyThinkBlock() {
    String rendered = QWEN3.render(List.of(ChatMessage.user("Hi")), true, false);

    assertEquals(
        "<|im_start|>user\nHi<|im_end|>\n<|im_start|>assistant\n<think>\n\n</think>\n\n", rendered);
  }

  @Test
  void hardSwitchOnChangesNothing() {
    assertEquals(
        QWEN3.render(List.of(ChatMessage.user("Hi")), true),
        QWEN3.render(List.of(ChatMessage.user("Hi")), true, true));
  }

  @Test
  void dropsReasoningOfEarlierAssistantTurns() {
    List<ChatMessage> chat =
        List.of(
            ChatMessage.system("S"),
            ChatMessage.user("U1"),
            new ChatMessage("assistant", "<think>\nhmm\n</think>\n\nHello"),
            ChatMessage.user("U2"));

    String rendered = QWEN3.render(chat, true);

    assertEquals(
        "<|im_start|>system\n"
            + "S<|im_end|>\n"
            + "<|im_start|>user\n"
            + "U1<|im_end|>\n"
            + "<|im_start|>assistant\n"
            + "Hello<|im_end|>\n"
            + "<|im_start|>user\n"
            + "U2<|im_end|>\n"
            + "<|im_start|>assistant\n",
        rendered);
  }

  @Test
  void keepsReasoningOfTheFinalAssistantTurn() {
    List<ChatMessage> chat =
        List.of(ChatMessage.user("Q"), new ChatMessage("assistant", "<think>\nr1\n</think>\n\nA"));

    String rendered = QWEN3.render(chat, false);

    assertEquals(
        "<|im_start|>user\n"
            + "Q<|im_end|>\n"
            + "<|im_start|>assistant\n"
            + "<think>\n"
            + "r1\n"
            + "</think>\n\n"
            + "A<|im_end|>\n",
        rendered);
  }

  @Test
  void givesAFinalAssistantTurnWithoutReasoningAnEmptyThinkBlock() {
    List<ChatMessage> chat = List.of(ChatMessage.user("Q"), new ChatMessage("assistant", "A"));

    String rendered = QWEN3.render(chat, false);

    assertEquals(
        "<|im_start|>user\n"
            + "Q<|im_end|>\n"
            + "<|im_start|>assistant\n"
            + "<think>\n\n"
            + "</think>\n\n"
            + "A<|im_end|>\n",
        rendered);
  }

  @Test
  void saysItHasAThinkingSwitch() {
    assertTrue(QWEN3.hasThinkingSwitch());
  }

  @Test
  void raiseExceptionInATemplateBecomesAOneLineError() {
    ChatTemplate strict =
        ChatTemplate.of(
            "strict", "{{ raise_exception('Only user roles are supported!') }}", Map.of());

    CheckpointException error =
        assertThrows(
            CheckpointException.class, () -> strict.render(List.of(ChatMessage.user("x")), true));

    assertTrue(error.getMessage().contains("Only user roles are supported!"), error.getMessage());
  }

  @Test
  void specialTokensAreTemplateVariables() {
    ChatTemplate template =
        ChatTemplate.of("t", "{{ eos_token }}|{{ bos_token }}|", Map.of("eos_token", "</s>"));

    assertEquals("</s>||", template.render(List.of(), false));
  }

  private static String resource(String name) {
    try (InputStream in = Qwen3ChatTemplateTest.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
