package org.laimark.model.tokenizer;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import org.laimark.model.CheckpointException;
import org.laimark.model.policy.ChatMessage;

/**
 * A checkpoint's tokenizer: {@code tokenizer.json} through DJL's bindings to Hugging Face's Rust
 * library, with truncation and padding off (DJL would otherwise cut at 512 tokens), the special
 * tokens of {@code tokenizer_config.json} and {@code generation_config.json}, and the chat
 * template. {@link #encode(String)} behaves as transformers' {@code tokenizer(text)}: the
 * checkpoint's post-processor decides which special tokens to add (none for Qwen). Rendered chats
 * are encoded without added special tokens, as {@code apply_chat_template} does.
 */
public final class Qwen3Tokenizer implements TokenDecoder, AutoCloseable {

  public static final String CONFIG_FILE = "tokenizer_config.json";

  private final HuggingFaceTokenizer tokenizer;
  private final SpecialTokens special;
  private final ChatTemplate chatTemplate;

  private Qwen3Tokenizer(
      HuggingFaceTokenizer tokenizer, SpecialTokens special, ChatTemplate chatTemplate) {
    this.tokenizer = tokenizer;
    this.special = special;
    this.chatTemplate = chatTemplate;
  }

  /**
   * Loads tokenizer.json, tokenizer_config.json and (if present) generation_config.json from a
   * folder.
   */
  public static Qwen3Tokenizer load(Path directory) {
    Path file = directory.resolve("tokenizer.json");
    if (!Files.isRegularFile(file)) {
      throw new CheckpointException(
          file + ": no such file (a model directory needs tokenizer.json)");
    }
    JsonNode config = readJson(directory.resolve(CONFIG_FILE), true);
    SpecialTokens special =
        SpecialTokens.read(
            directory, file, config, readJson(directory.resolve("generation_config.json"), false));
    HuggingFaceTokenizer tokenizer;
    try {
      tokenizer =
          HuggingFaceTokenizer.builder()
              .optTokenizerPath(file)
              .optAddSpecialTokens(true)
              .optTruncation(false)
              .optPadding(false)
              .build();
    } catch (IOException | RuntimeException e) {
      throw new CheckpointException(file + ": cannot load tokenizer (" + e.getMessage() + ")", e);
    }
    ChatTemplate template = null;
    if (Files.isRegularFile(directory.resolve("chat_template.jinja"))
        || config.has("chat_template")) {
      template = ChatTemplate.fromCheckpoint(directory, config, special.templateVariables());
    }
    return new Qwen3Tokenizer(tokenizer, special, template);
  }

  private static JsonNode readJson(Path file, boolean required) {
    if (!Files.isRegularFile(file)) {
      if (required) {
        throw new CheckpointException(file + ": no such file");
      }
      return new ObjectMapper().createObjectNode();
    }
    try {
      return new ObjectMapper().readTree(file.toFile());
    } catch (IOException e) {
      throw new CheckpointException(
          file + ": not valid JSON (" + e.getMessage().split("\n")[0] + ")", e);
    }
  }

  /** Token ids of {@code text}, as {@code tokenizer(text)["input_ids"]}. */
  public int[] encode(String text) {
    return encode(text, true);
  }

  /**
   * Token ids of {@code text}; {@code addSpecialTokens} applies the checkpoint's post-processor.
   */
  public int[] encode(String text, boolean addSpecialTokens) {
    long[] ids = tokenizer.encode(text, addSpecialTokens, false).getIds();
    int[] out = new int[ids.length];
    for (int i = 0; i < ids.length; i++) {
      out[i] = (int) ids[i];
    }
    return out;
  }

  /** Text of {@code ids} with special tokens left out (the text of a completion). */
  @Override
  public String decode(int[] ids) {
    return decode(ids, true);
  }

  public String decode(int[] ids, boolean skipSpecialTokens) {
    long[] wide = new long[ids.length];
    for (int i = 0; i < ids.length; i++) {
      wide[i] = ids[i];
    }
    return tokenizer.decode(wide, skipSpecialTokens);
  }

  /** The chat template, or a one-line error when the checkpoint has none. */
  public ChatTemplate chatTemplate() {
    if (chatTemplate == null) {
      throw new CheckpointException(special.directory() + ": the tokenizer has no chat template");
    }
    return chatTemplate;
  }

  /** Renders and encodes a chat, as {@code apply_chat_template(messages, tokenize=True, ...)}. */
  public int[] encodeChat(
      List<ChatMessage> messages, boolean addGenerationPrompt, Boolean enableThinking) {
    return encode(chatTemplate().render(messages, addGenerationPrompt, enableThinking), false);
  }

  /** The end-of-sequence token of tokenizer_config.json. */
  public int eosTokenId() {
    return special.eosId();
  }

  /**
   * Tokens that end a generation: generation_config.json's eos_token_id(s) and the tokenizer's eos.
   */
  public Set<Integer> stopTokenIds() {
    return special.stopIds();
  }

  public OptionalInt padTokenId() {
    return special.padId();
  }

  /** The id of a special (added) token such as "<|im_start|>", if the vocabulary has it. */
  public OptionalInt tokenId(String token) {
    return special.idOf(token);
  }

  @Override
  public void close() {
    tokenizer.close();
  }
}
