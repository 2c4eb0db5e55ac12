package org.laimark.model.pretrain;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits text the way the ByteLevel pre-tokenizer ({@code use_regex: true}) does before BPE: special tokens
 * are cut out whole, the rest is split by GPT-2's pattern (contractions, an optional space plus letters,
 * digits or punctuation, and runs of whitespace that leave the last space to the next word — so
 * {@code "\n    return"} becomes {@code "\n   "} and {@code " return"}). Training on the same pieces the
 * tokenizer will see makes the learned merges the ones it can apply.
 */
final class ByteLevelSplitter {

  static final Pattern GPT2 = Pattern.compile(
      "'s|'t|'re|'ve|'m|'ll|'d| ?\\p{L}+| ?\\p{N}+| ?[^\\s\\p{L}\\p{N}]+|\\s+(?!\\S)|\\s+",
      Pattern.UNICODE_CHARACTER_CLASS);

  private final List<String> specialTokens;

  ByteLevelSplitter(List<String> specialTokens) {
    this.specialTokens = List.copyOf(specialTokens);
  }

  /** The pre-tokens of {@code text}, each in byte-level characters; special tokens are dropped. */
  List<String> split(String text) {
    List<String> out = new ArrayList<>();
    for (String segment : withoutSpecialTokens(text)) {
      Matcher m = GPT2.matcher(segment);
      while (m.find()) {
        out.add(ByteLevelAlphabet.encode(m.group()));
      }
    }
    return out;
  }

  private List<String> withoutSpecialTokens(String text) {
    List<String> segments = new ArrayList<>();
    int start = 0;
    while (start < text.length()) {
      int next = -1;
      String found = null;
      for (String token : specialTokens) {
        int at = text.indexOf(token, start);
        if (at >= 0 && (next < 0 || at < next)) {
          next = at;
          found = token;
        }
      }
      if (found == null) {
        segments.add(text.substring(start));
        break;
      }
      segments.add(text.substring(start, next));
      start = next + found.length();
    }
    return segments;
  }
}
