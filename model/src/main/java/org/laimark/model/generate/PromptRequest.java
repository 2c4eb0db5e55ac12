package org.laimark.model.generate;

import java.util.Set;
import org.laimark.model.policy.SamplingParams;

/**
 * One sequence to continue: its prompt token ids, how to sample, and the tokens that end it
 * (usually the tokenizer's {@code stopTokenIds()}; empty to always run to {@code maxNewTokens}).
 */
public record PromptRequest(int[] promptIds, SamplingParams sampling, Set<Integer> stopTokenIds) {

  public PromptRequest {
    if (promptIds == null || promptIds.length == 0) {
      throw new IllegalArgumentException("a prompt needs at least one token");
    }
    promptIds = promptIds.clone();
    stopTokenIds = Set.copyOf(stopTokenIds);
  }
}
