package org.laimark.data.domain;

import java.util.List;

/**
 * Renders domain values exactly as CPython's {@code repr} does, so expected values in tests and docstring
 * examples read like the interpreter's own output: {@code 3}, {@code True}, {@code 'it\'s'} rules for
 * quotes, {@code [1, -2]}, {@code ['a', 'b']}.
 */
public final class PythonLiteral {

  private PythonLiteral() {}

  public static String of(Object value) {
    if (value instanceof Long || value instanceof Integer) {
      return value.toString();
    }
    if (value instanceof Boolean) {
      return (Boolean) value ? "True" : "False";
    }
    if (value instanceof String) {
      return ofString((String) value);
    }
    if (value instanceof List) {
      StringBuilder out = new StringBuilder("[");
      List<?> items = (List<?>) value;
      for (int i = 0; i < items.size(); i++) {
        out.append(i == 0 ? "" : ", ").append(of(items.get(i)));
      }
      return out.append(']').toString();
    }
    throw new IllegalArgumentException("no Python literal for " + value);
  }

  /** CPython's rule: single quotes unless the text has a single quote and no double quote. */
  static String ofString(String s) {
    char quote = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
    StringBuilder out = new StringBuilder().append(quote);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == quote || c == '\\') {
        out.append('\\').append(c);
      } else if (c == '\n') {
        out.append("\\n");
      } else if (c == '\r') {
        out.append("\\r");
      } else if (c == '\t') {
        out.append("\\t");
      } else if (c < 0x20 || c == 0x7f) {
        out.append(String.format("\\x%02x", (int) c));
      } else if (c > 0x7f) {
        // Non-ASCII never occurs in the domain's inputs; refuse rather than guess CPython's printability.
        throw new IllegalArgumentException("non-ASCII character U+" + Integer.toHexString(c) + " in " + s);
      } else {
        out.append(c);
      }
    }
    return out.append(quote).toString();
  }
}
