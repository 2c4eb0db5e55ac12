package org.laimark.model.policy;

/** One chat turn; role is "system", "user" or "assistant". */
public record ChatMessage(String role, String content) {
  public ChatMessage {
    if (role == null || content == null) {
      throw new IllegalArgumentException("role and content must not be null");
    }
  }

  public static ChatMessage system(String content) {
    return new ChatMessage("system", content);
  }

  public static ChatMessage user(String content) {
    return new ChatMessage("user", content);
  }
}
