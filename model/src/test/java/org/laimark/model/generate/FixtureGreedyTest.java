package org.laimark.model.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.laimark.model.TinyFixture;
import org.laimark.model.policy.SamplingParams;
import org.laimark.model.qwen3.Qwen3Model;
import org.laimark.model.tokenizer.Qwen3Tokenizer;

/**
 * The 40 greedy tokens transformers generated from the chat prompt (eos disabled), with the KV
 * cache.
 */
@Tag("fixture")
class FixtureGreedyTest {

  @Test
  void greedyDecodingReproducesTransformersTokenForToken() {
    JsonNode greedy = TinyFixture.reference().get("greedy");
    int[] prompt = TinyFixture.ints(greedy.get("prompt_ids"));
    int[] expected = TinyFixture.ints(greedy.get("new_ids"));
    try (NDManager manager = NDManager.newBaseManager();
        Qwen3Model model = Qwen3Model.load(TinyFixture.directory(), manager);
        Qwen3Tokenizer tokenizer = Qwen3Tokenizer.load(TinyFixture.directory())) {
      Generator generator = new Generator(model, tokenizer);
      PromptRequest request =
          new PromptRequest(prompt, SamplingParams.greedy(expected.length), Set.of());

      Generation generation = generator.generate(List.of(request)).get(0);

      assertArrayEquals(expected, generation.tokenIds());
      assertEquals(FinishReason.LENGTH, generation.finishReason());
      assertEquals(tokenizer.decode(expected), generation.text());
    }
  }
}
