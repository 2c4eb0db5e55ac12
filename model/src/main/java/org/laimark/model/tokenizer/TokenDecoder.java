package org.laimark.model.tokenizer;

/** Turns generated token ids into text; the generator needs nothing more of a tokenizer. */
@FunctionalInterface
public interface TokenDecoder {
  String decode(int[] ids);
}
