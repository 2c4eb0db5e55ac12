package org.laimark.model.pretrain;

import java.util.List;

/**
 * What BPE training produced: token strings by id (special tokens first, then the 256 byte characters,
 * then one token per merge that made a new string) and the merges in the order they are applied.
 */
public record BpeVocabulary(List<String> specialTokens, List<String> tokens, List<Merge> merges) {

  /** Two adjacent tokens that become one. */
  public record Merge(String left, String right) {}

  public BpeVocabulary {
    specialTokens = List.copyOf(specialTokens);
    tokens = List.copyOf(tokens);
    merges = List.copyOf(merges);
  }

  public int size() {
    return tokens.size();
  }
}
