package org.laimark.actors.pipeline.tasks;

import org.laimark.actors.pipeline.tasks.PythonLiteral.NotALiteralException;
import org.laimark.actors.pipeline.tasks.StringLiteralReader.CodePoints;

/**
 * Python 3's backslash escapes in non-raw string and bytes literals: {@code \\newline}, the
 * one-letter escapes, octal, {@code \xhh}, and for str also {@code \N{name}}, {@code \\uXXXX} and
 * {@code \UXXXXXXXX}. An unknown escape keeps its backslash, as Python does.
 */
final class PythonEscapes {

  /** One-character escapes and the code points they stand for. */
  private static final String SIMPLE = "\\'\"abfnrtv";

  private static final int[] SIMPLE_VALUES = {'\\', '\'', '"', 7, 8, 12, '\n', '\r', '\t', 11};

  private PythonEscapes() {}

  /** Decodes the escape starting at the backslash {@code at}; returns the index after it. */
  static int decode(String text, int at, boolean bytes, CodePoints out) {
    if (at + 1 >= text.length()) {
      throw new NotALiteralException("string ends in a backslash at column " + (at + 1));
    }
    char e = text.charAt(at + 1);
    if (e == '\n') {
      return at + 2;
    }
    if (e == '\r') {
      return text.startsWith("\n", at + 2) ? at + 3 : at + 2;
    }
    int simple = SIMPLE.indexOf(e);
    if (simple >= 0) {
      out.add(SIMPLE_VALUES[simple]);
      return at + 2;
    }
    if (e == 'x') {
      out.add(hex(text, at + 2, 2, at));
      return at + 4;
    }
    if (e >= '0' && e <= '7') {
      int end = at + 1;
      int value = 0;
      while (end < text.length()
          && end < at + 4
          && text.charAt(end) >= '0'
          && text.charAt(end) <= '7') {
        value = value * 8 + (text.charAt(end) - '0');
        end++;
      }
      if (bytes && value > 0xff) {
        throw new NotALiteralException("octal escape above \\377 in bytes at column " + (at + 1));
      }
      out.add(value);
      return end;
    }
    if (!bytes && e == 'u') {
      out.add(hex(text, at + 2, 4, at));
      return at + 6;
    }
    if (!bytes && e == 'U') {
      out.add(hex(text, at + 2, 8, at));
      return at + 10;
    }
    if (!bytes && e == 'N') {
      return namedCharacter(text, at, out);
    }
    out.add('\\');
    return at + 1;
  }

  private static int namedCharacter(String text, int at, CodePoints out) {
    int close = text.indexOf('}', at);
    if (!text.startsWith("{", at + 2) || close < 0) {
      throw new NotALiteralException("malformed \\N{...} escape at column " + (at + 1));
    }
    String name = text.substring(at + 3, close);
    try {
      out.add(Character.codePointOf(name));
    } catch (IllegalArgumentException e) {
      throw new NotALiteralException("unknown character name '" + name + "' at column " + (at + 1));
    }
    return close + 1;
  }

  private static int hex(String text, int from, int digits, int escapeAt) {
    if (from + digits > text.length()) {
      throw new NotALiteralException("truncated escape at column " + (escapeAt + 1));
    }
    long value = 0;
    for (int i = from; i < from + digits; i++) {
      int d = Character.digit(text.charAt(i), 16);
      if (d < 0) {
        throw new NotALiteralException("bad hexadecimal escape at column " + (escapeAt + 1));
      }
      value = value * 16 + d;
    }
    if (value > Character.MAX_CODE_POINT) {
      throw new NotALiteralException("escape beyond U+10FFFF at column " + (escapeAt + 1));
    }
    return (int) value;
  }
}
