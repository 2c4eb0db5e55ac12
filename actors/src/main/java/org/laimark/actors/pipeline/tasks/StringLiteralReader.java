package org.laimark.actors.pipeline.tasks;

import java.util.Arrays;
import java.util.Locale;
import org.laimark.actors.pipeline.tasks.PythonLiteral.NotALiteralException;

/**
 * Reads one Python string or bytes literal (prefixes r, u, b, br, rb in any case; single, double
 * and triple quotes) into its code points, with Python 3's escape rules, and writes code points
 * back as an ASCII-only literal. Decoding to values and re-escaping is what keeps a model's string
 * from ending early in a test line: whatever was read, what is written is a well-formed literal of
 * the same value.
 */
final class StringLiteralReader {

  /**
   * The value read: code points (bytes are code points 0..255), whether it is bytes, and where it
   * ended.
   */
  record Decoded(int[] codePoints, boolean bytes, int end) {}

  private StringLiteralReader() {}

  /** True when a string literal (with or without prefix) starts at {@code pos}. */
  static boolean startsAt(String text, int pos) {
    int i = pos;
    while (i < text.length() && i - pos < 2 && Character.isLetter(text.charAt(i))) {
      i++;
    }
    return i < text.length() && (text.charAt(i) == '\'' || text.charAt(i) == '"');
  }

  static Decoded read(String text, int pos) {
    int quoteAt = pos;
    while (text.charAt(quoteAt) != '\'' && text.charAt(quoteAt) != '"') {
      quoteAt++;
    }
    String prefix = text.substring(pos, quoteAt).toLowerCase(Locale.ROOT);
    if (prefix.contains("f")) {
      throw new NotALiteralException(
          "an f-string is code, not a literal (column " + (pos + 1) + ")");
    }
    if (!Arrays.asList("", "r", "u", "b", "br", "rb").contains(prefix)) {
      throw new NotALiteralException(
          "unknown string prefix '" + prefix + "' at column " + (pos + 1));
    }
    boolean raw = prefix.contains("r");
    boolean bytes = prefix.contains("b");
    char quote = text.charAt(quoteAt);
    boolean triple = text.startsWith(String.valueOf(quote).repeat(3), quoteAt);
    String closing = triple ? String.valueOf(quote).repeat(3) : String.valueOf(quote);
    CodePoints out = new CodePoints();
    int i = quoteAt + closing.length();
    while (true) {
      if (i >= text.length()) {
        throw new NotALiteralException("string starting at column " + (pos + 1) + " is not closed");
      }
      if (text.startsWith(closing, i)) {
        return new Decoded(out.toArray(), bytes, i + closing.length());
      }
      char c = text.charAt(i);
      if (c == '\n' && !triple) {
        throw new NotALiteralException("line break inside a one-line string at column " + (i + 1));
      }
      if (bytes && c > 0x7f) {
        throw new NotALiteralException(
            "bytes literal with a non-ASCII character at column " + (i + 1));
      }
      if (c != '\\') {
        int cp = text.codePointAt(i);
        out.add(cp);
        i += Character.charCount(cp);
      } else if (raw) {
        // In a raw string a backslash stays, and also shields the next character (even a quote).
        out.add('\\');
        if (i + 1 < text.length()) {
          out.add(text.charAt(i + 1));
        }
        i += 2;
      } else {
        i = PythonEscapes.decode(text, i, bytes, out);
      }
    }
  }

  /** An ASCII-only literal of the same value: {@code 'a\'b\n'} or {@code b'\x00'}. */
  static String write(int[] codePoints, boolean bytes) {
    StringBuilder out = new StringBuilder(codePoints.length + 3);
    out.append(bytes ? "b'" : "'");
    for (int cp : codePoints) {
      if (cp == '\\' || cp == '\'') {
        out.append('\\').append((char) cp);
      } else if (cp == '\n') {
        out.append("\\n");
      } else if (cp == '\r') {
        out.append("\\r");
      } else if (cp == '\t') {
        out.append("\\t");
      } else if (cp >= 0x20 && cp < 0x7f) {
        out.append((char) cp);
      } else if (cp < 0x100) {
        out.append(String.format("\\x%02x", cp));
      } else if (cp < 0x10000) {
        out.append(String.format("\\u%04x", cp));
      } else {
        out.append(String.format("\\U%08x", cp));
      }
    }
    return out.append('\'').toString();
  }

  /** A growable int array of code points. */
  static final class CodePoints {
    private int[] data = new int[16];
    private int size;

    void add(int cp) {
      if (size == data.length) {
        data = Arrays.copyOf(data, size * 2);
      }
      data[size++] = cp;
    }

    void addAll(int[] more) {
      for (int cp : more) {
        add(cp);
      }
    }

    int[] toArray() {
      return Arrays.copyOf(data, size);
    }
  }
}
