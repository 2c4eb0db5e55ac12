package org.laimark.actors.eval;

import java.util.ArrayList;
import java.util.List;
import org.laimark.config.EvalSettings;
import org.laimark.data.Problem;
import org.laimark.model.policy.ChatMessage;

/**
 * The chat a model answers a task from, as the study built it: a system prompt, then a user message asking
 * to complete the function, followed by the stub. MBPP tasks also show their assert lines (their one-line
 * descriptions leave the expected output format open; Austin et al. 2021 show them too). The policy renders
 * the chat through the model's own chat template.
 */
public final class EvalPrompts {
  private final EvalSettings.Prompt prompt;

  public EvalPrompts(EvalSettings.Prompt prompt) {
    this.prompt = prompt;
  }

  public List<ChatMessage> messages(Problem task) {
    List<ChatMessage> chat = new ArrayList<>();
    if (!prompt.system().isBlank()) {
      chat.add(ChatMessage.system(prompt.system()));
    }
    String user = prompt.user().replace("{stub}", task.prompt());
    if ("mbpp".equals(task.source())) {
      user += prompt.mbppTests().replace("{tests}", task.tests());
    }
    chat.add(ChatMessage.user(user));
    return chat;
  }
}
