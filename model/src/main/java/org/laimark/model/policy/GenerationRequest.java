package org.laimark.model.policy;

import java.util.List;

/**
 * A chat to continue. {@code taskKey} names the task the prompt is about (e.g. a problem's entry point); the
 * DJL policy ignores it, a simulated policy uses it to pick its answer.
 */
public record GenerationRequest(List<ChatMessage> messages, SamplingParams sampling, String taskKey) {
  public GenerationRequest {
    messages = List.copyOf(messages);
    taskKey = taskKey == null ? "" : taskKey;
  }
}
