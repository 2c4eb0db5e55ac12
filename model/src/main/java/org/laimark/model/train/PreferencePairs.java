package org.laimark.model.train;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.laimark.data.io.Fields;
import org.laimark.data.io.InvalidRecordException;
import org.laimark.data.io.JsonlReader;
import org.laimark.data.io.ReadResult;
import org.laimark.model.policy.ChatMessage;
import org.laimark.model.tokenizer.Qwen3Tokenizer;

/**
 * DPO pairs from a JSONL file, one object per line, as TRL's preference datasets: {@code {"prompt": ...,
 * "chosen": "...", "rejected": "..."}} where {@code prompt} is either a string (one user message) or a
 * list of {@code {"role", "content"}} messages, rendered by the checkpoint's chat template with the
 * generation prompt; {@code chosen} and {@code rejected} are the assistant's answers, each trained with
 * the end-of-sequence token after it. A bad line becomes a one-line error naming the file and line; the
 * other lines are still read.
 */
public final class PreferencePairs {

  private PreferencePairs() {}

  public static ReadResult<PreferencePair> read(Path file, Qwen3Tokenizer tokenizer, int maxTokens) {
    return JsonlReader.read(
        file,
        (record, line) -> {
          Fields fields = new Fields(record);
          List<ChatMessage> chat = chat(record.get("prompt"));
          String chosen = fields.string("chosen", "the preferred answer");
          String rejected = fields.string("rejected", "the dispreferred answer");
          if (chosen.isBlank() || rejected.isBlank()) {
            throw new InvalidRecordException("fields chosen and rejected must not be blank");
          }
          PreferencePair pair =
              new PreferencePair(
                  tokenizer.encodeChat(chat, true, null),
                  SupervisedExamples.withStop(tokenizer, chosen),
                  SupervisedExamples.withStop(tokenizer, rejected));
          SupervisedExamples.requireLength(pair.length(), maxTokens);
          return pair;
        });
  }

  private static List<ChatMessage> chat(JsonNode prompt) {
    List<ChatMessage> chat = new ArrayList<>();
    if (prompt != null && prompt.isTextual() && !prompt.asText().isEmpty()) {
      chat.add(ChatMessage.user(prompt.asText()));
      return chat;
    }
    if (prompt != null && prompt.isArray() && prompt.size() > 0) {
      for (JsonNode m : prompt) {
        if (!m.path("role").isTextual() || !m.path("content").isTextual()) {
          throw new InvalidRecordException(
              "field prompt: every message needs string fields role and content");
        }
        chat.add(new ChatMessage(m.get("role").asText(), m.get("content").asText()));
      }
      return chat;
    }
    throw new InvalidRecordException(
        "field prompt must be a non-empty string or a list of {\"role\", \"content\"} messages");
  }
}
