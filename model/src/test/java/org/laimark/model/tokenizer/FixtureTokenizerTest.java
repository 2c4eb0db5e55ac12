package org.laimark.model.tokenizer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.laimark.model.TinyFixture;
import org.laimark.model.policy.ChatMessage;

/**
 * Token ids, decoding, special tokens and chat rendering identical to transformers on qwen3-tiny-a.
 */
@Tag("fixture")
class FixtureTokenizerTest {

  private static Qwen3Tokenizer tokenizer;

  @BeforeAll
  static void load() {
    tokenizer = Qwen3Tokenizer.load(TinyFixture.directory());
  }

  @AfterAll
  static void close() {
    tokenizer.close();
  }

  @Test
  void encodesEveryReferenceTextToTheReferenceIds() {
    for (JsonNode text : TinyFixture.reference().get("tokenizer")) {
      assertArrayEquals(
          TinyFixture.ints(text.get("ids")), tokenizer.encode(text.get("text").asText()));
    }
  }

  @Test
  void decodesTheReferenceIdsBackToTheReferenceText() {
    for (JsonNode text : TinyFixture.reference().get("tokenizer")) {
      assertEquals(
          text.get("decoded").asText(), tokenizer.decode(TinyFixture.ints(text.get("ids")), false));
    }
  }

  @Test
  void rendersTheReferenceChatExactly() {
    JsonNode chat = TinyFixture.reference().get("chat");

    String rendered =
        tokenizer
            .chatTemplate()
            .render(messages(chat), chat.get("add_generation_prompt").asBoolean());

    assertEquals(chat.get("rendered").asText(), rendered);
  }

  @Test
  void encodesTheReferenceChatToTheReferenceIds() {
    JsonNode chat = TinyFixture.reference().get("chat");

    int[] ids = tokenizer.encodeChat(messages(chat), true, null);

    assertArrayEquals(TinyFixture.ints(chat.get("ids")), ids);
  }

  @Test
  void readsSpecialTokensFromTheCheckpoint() {
    assertEquals(2, tokenizer.eosTokenId());
    assertEquals(java.util.Set.of(2), tokenizer.stopTokenIds());
    assertEquals(0, tokenizer.padTokenId().getAsInt());
    assertEquals(1, tokenizer.tokenId("<|im_start|>").getAsInt());
  }

  @Test
  void doesNotTruncateLongTexts() {
    String text = TinyFixture.reference().get("tokenizer").get(2).get("text").asText().repeat(5);

    int[] ids = tokenizer.encode(text);

    assertEquals(text, tokenizer.decode(ids, false));
    org.junit.jupiter.api.Assertions.assertTrue(ids.length > 1000, "got " + ids.length + " ids");
  }

  private static List<ChatMessage> messages(JsonNode chat) {
    List<ChatMessage> messages = new ArrayList<>();
    chat.get("messages")
        .forEach(
            m -> messages.add(new ChatMessage(m.get("role").asText(), m.get("content").asText())));
    return messages;
  }
}
