package org.laimark.model.pretrain;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a trained vocabulary as a standard Hugging Face tokenizer: {@code tokenizer.json} (ByteLevel
 * pre-tokenizer and decoder, BPE model with vocab and merges, the special tokens as added tokens) and
 * {@code tokenizer_config.json} with a short Qwen-style chat template, so transformers' {@code AutoTokenizer}
 * and DJL's {@code HuggingFaceTokenizer} both load it.
 */
public final class TokenizerFiles {

  public static final String END_OF_TEXT = "<|endoftext|>";
  public static final String IM_START = "<|im_start|>";
  public static final String IM_END = "<|im_end|>";
  /** Padding, chat-turn start and chat-turn end (the end of an answer): ids 0, 1 and 2. */
  public static final List<String> SPECIAL_TOKENS = List.of(END_OF_TEXT, IM_START, IM_END);

  /** ChatML without Qwen3's tool and thinking branches: the small model never sees those. */
  public static final String CHAT_TEMPLATE =
      "{% for message in messages %}<|im_start|>{{ message['role'] }}\n{{ message['content'] }}<|im_end|>\n"
          + "{% endfor %}{% if add_generation_prompt %}<|im_start|>assistant\n{% endif %}";

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private TokenizerFiles() {}

  public static void write(BpeVocabulary vocabulary, int modelMaxLength, Path directory) {
    try {
      Files.createDirectories(directory);
      JSON.writeValue(directory.resolve("tokenizer.json").toFile(), tokenizerJson(vocabulary));
      JSON.writeValue(directory.resolve("tokenizer_config.json").toFile(), tokenizerConfig(modelMaxLength));
    } catch (IOException e) {
      throw new UncheckedIOException(directory + ": cannot write the tokenizer (" + e.getMessage() + ")", e);
    }
  }

  static ObjectNode tokenizerJson(BpeVocabulary vocabulary) {
    ObjectNode root = JSON.createObjectNode();
    root.put("version", "1.0");
    root.putNull("truncation");
    root.putNull("padding");
    ArrayNode added = root.putArray("added_tokens");
    for (int id = 0; id < vocabulary.specialTokens().size(); id++) {
      added.addObject().put("id", id).put("content", vocabulary.specialTokens().get(id))
          .put("single_word", false).put("lstrip", false).put("rstrip", false)
          .put("normalized", false).put("special", true);
    }
    root.putNull("normalizer");
    root.set("pre_tokenizer", byteLevel());
    root.putNull("post_processor");
    root.set("decoder", byteLevel());
    ObjectNode model = root.putObject("model");
    model.put("type", "BPE");
    model.putNull("dropout");
    model.putNull("unk_token");
    model.putNull("continuing_subword_prefix");
    model.putNull("end_of_word_suffix");
    model.put("fuse_unk", false);
    model.put("byte_fallback", false);
    model.put("ignore_merges", false);
    ObjectNode vocab = model.putObject("vocab");
    for (int id = 0; id < vocabulary.size(); id++) {
      vocab.put(vocabulary.tokens().get(id), id);
    }
    ArrayNode merges = model.putArray("merges");
    for (BpeVocabulary.Merge m : vocabulary.merges()) {
      merges.addArray().add(m.left()).add(m.right());
    }
    return root;
  }

  private static ObjectNode byteLevel() {
    return JSON.createObjectNode().put("type", "ByteLevel").put("add_prefix_space", false)
        .put("trim_offsets", true).put("use_regex", true);
  }

  private static ObjectNode tokenizerConfig(int modelMaxLength) {
    ObjectNode config = JSON.createObjectNode();
    config.put("chat_template", CHAT_TEMPLATE);
    config.put("eos_token", IM_END);
    config.put("pad_token", END_OF_TEXT);
    config.putNull("bos_token");
    config.put("add_bos_token", false);
    // transformers would otherwise rewrite " ." to "." when decoding: code must come back byte for byte.
    config.put("clean_up_tokenization_spaces", false);
    config.put("model_max_length", modelMaxLength);
    config.put("tokenizer_class", "PreTrainedTokenizerFast");
    return config;
  }
}
