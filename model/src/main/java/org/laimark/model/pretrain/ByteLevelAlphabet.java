package org.laimark.model.pretrain;

import java.nio.charset.StandardCharsets;

/**
 * GPT-2's byte-to-character map, which Hugging Face's ByteLevel pre-tokenizer and decoder use: printable
 * Latin-1 bytes stand for themselves, the other 68 bytes (space, newline, control bytes...) are shifted to
 * U+0100 and up, so every byte string becomes a string of visible characters ({@code ' '} is {@code 'Ġ'},
 * {@code '\n'} is {@code 'Ċ'}).
 */
final class ByteLevelAlphabet {

  private static final char[] BYTE_TO_CHAR = build();

  private ByteLevelAlphabet() {}

  private static char[] build() {
    char[] map = new char[256];
    int shifted = 0;
    for (int b = 0; b < 256; b++) {
      boolean printable = (b >= '!' && b <= '~') || (b >= 0xA1 && b <= 0xAC) || (b >= 0xAE && b <= 0xFF);
      map[b] = printable ? (char) b : (char) (256 + shifted++);
    }
    return map;
  }

  static char charOf(int unsignedByte) {
    return BYTE_TO_CHAR[unsignedByte];
  }

  /** The text's UTF-8 bytes, each written as its stand-in character. */
  static String encode(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    StringBuilder out = new StringBuilder(bytes.length);
    for (byte b : bytes) {
      out.append(BYTE_TO_CHAR[b & 0xFF]);
    }
    return out.toString();
  }

  /** All 256 stand-in characters in code-point order (the order Hugging Face's trainer gives them ids). */
  static String sortedAlphabet() {
    char[] chars = BYTE_TO_CHAR.clone();
    java.util.Arrays.sort(chars);
    return new String(chars);
  }
}
