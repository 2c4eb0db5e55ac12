package org.laimark.model.pretrain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.laimark.data.domain.DomainSplits;
import org.laimark.data.domain.HeldOutGuard;
import org.laimark.data.domain.SplitSizes;
import org.laimark.model.policy.ChatMessage;
import org.laimark.model.tokenizer.Qwen3Tokenizer;

/** A tokenizer trained here loads in DJL's Hugging Face bindings and gives every text back exactly. */
class TrainedTokenizerRoundTripTest {

  private static final int VOCABULARY = 1024;
  @TempDir static Path directory;
  private static List<String> texts;
  private static BpeVocabulary vocabulary;

  @BeforeAll
  static void train() {
    DomainSplits splits = DomainSplits.generate(new SplitSizes(5, 20, 20, 300));
    List<PretrainExample> examples = new PretrainCorpus(PretrainPrompts.DEFAULT, CorpusMix.ALL)
        .examples(splits.pretrain(), 5, new HeldOutGuard(splits.heldOut()));
    texts = new ArrayList<>();
    for (PretrainExample e : examples) {
      texts.add(e.renderedPrompt() + e.completion() + "\n");
    }
    vocabulary = new BpeTrainer(TokenizerFiles.SPECIAL_TOKENS, VOCABULARY).train(texts);
    TokenizerFiles.write(vocabulary, 2048, directory);
  }

  private static HuggingFaceTokenizer djl() throws Exception {
    return HuggingFaceTokenizer.builder().optTokenizerPath(directory.resolve("tokenizer.json"))
        .optAddSpecialTokens(false).optTruncation(false).optPadding(false).build();
  }

  @Test
  void djlRoundTripsEveryCorpusTextExactlyIncludingIndentationAndNewlines() throws Exception {
    try (HuggingFaceTokenizer tokenizer = djl()) {
      for (String text : texts) {
        long[] ids = tokenizer.encode(text, false, false).getIds();

        assertEquals(text, tokenizer.decode(ids, false));
      }
      String odd =
          "def f(x):\n\treturn  x\r\n\n\n        # tabs, CRs, runs of spaces, 'quotes' \"é\" ✓ \u0001\n";
      assertEquals(odd, tokenizer.decode(tokenizer.encode(odd, false, false).getIds(), false));
    }
  }

  @Test
  void hasTheRequestedSizeAndSpecialTokensFirst() throws Exception {
    try (HuggingFaceTokenizer tokenizer = djl()) {
      long[] ids = tokenizer.encode("<|im_start|>user\nhi<|im_end|><|endoftext|>", false, false).getIds();

      assertEquals(VOCABULARY, vocabulary.size());
      assertEquals(1, ids[0]);
      assertEquals(2, ids[ids.length - 2]);
      assertEquals(0, ids[ids.length - 1]);
    }
  }

  @Test
  void compressesTheCorpusWellBeyondOneTokenPerByte() throws Exception {
    long chars = 0;
    long tokens = 0;
    try (HuggingFaceTokenizer tokenizer = djl()) {
      for (String text : texts.subList(0, 200)) {
        chars += text.length();
        tokens += tokenizer.encode(text, false, false).getIds().length;
      }
    }

    assertTrue((double) chars / tokens > 3.0, "characters per token " + (double) chars / tokens);
  }

  @Test
  void theProjectsTokenizerLoadsItAndRendersChatsWithItsTemplate() {
    try (Qwen3Tokenizer tokenizer = Qwen3Tokenizer.load(directory)) {
      PretrainExample example = new PretrainCorpus(PretrainPrompts.DEFAULT, CorpusMix.ALL)
          .solve(DomainSplits.heldOut(new SplitSizes(5, 1, 0, 0)).get(0));

      String rendered = tokenizer.chatTemplate().render(example.prompt(), true);
      int[] ids = tokenizer.encodeChat(example.prompt(), true, null);

      assertEquals(example.renderedPrompt(), rendered);
      assertArrayEquals(tokenizer.encode(example.renderedPrompt(), false), ids);
      assertEquals(2, tokenizer.eosTokenId());
      assertEquals(List.of(ChatMessage.system(PretrainPrompts.DEFAULT.system())).get(0), example.prompt().get(0));
    }
  }
}
