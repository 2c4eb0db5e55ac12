package org.laimark.model.pretrain;

import java.util.List;
import org.laimark.model.policy.ChatMessage;

/**
 * One supervised example: a chat whose next turn is the assistant's, and the answer the model learns to
 * give (trained on the answer only, which ends with the end-of-turn token).
 */
public record PretrainExample(Kind kind, List<ChatMessage> prompt, String answer) {

  /** What the example teaches. */
  public enum Kind {
    SOLVE, WRITE, HARDER, DEDUCE, ABDUCE
  }

  public PretrainExample {
    prompt = List.copyOf(prompt);
  }

  /** The prompt as the chat template renders it, with the assistant turn opened. */
  public String renderedPrompt() {
    StringBuilder out = new StringBuilder();
    for (ChatMessage m : prompt) {
      out.append(TokenizerFiles.IM_START).append(m.role()).append('\n').append(m.content())
          .append(TokenizerFiles.IM_END).append('\n');
    }
    return out.append(TokenizerFiles.IM_START).append("assistant\n").toString();
  }

  /** The trained continuation: the answer and the end-of-turn token that stops generation. */
  public String completion() {
    return answer + TokenizerFiles.IM_END;
  }
}
