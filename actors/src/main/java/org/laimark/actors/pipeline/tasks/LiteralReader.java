package org.laimark.actors.pipeline.tasks;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.laimark.actors.pipeline.tasks.PythonLiteral.NotALiteralException;
import org.laimark.actors.pipeline.tasks.StringLiteralReader.CodePoints;
import org.laimark.actors.pipeline.tasks.StringLiteralReader.Decoded;

/**
 * A cursor over text that reads Python literals and returns each in canonical form (see {@link
 * PythonLiteral}). Also reads the few tokens around a literal that test lines need ({@code assert},
 * a name, {@code (}, {@code ==}). Grammar as in Python 3.11's {@code ast.literal_eval}: signed
 * numbers, one complex {@code a+bj}, adjacent strings concatenated, containers nested at most
 * {@link #MAX_DEPTH} deep.
 */
final class LiteralReader {

  static final char END = '\0';
  static final int MAX_DEPTH = 50;

  private static final String DIGITS = "[0-9](?:_?[0-9])*";
  private static final String FLOAT =
      "(?:(?:(?:"
          + DIGITS
          + ")?\\."
          + DIGITS
          + "|"
          + DIGITS
          + "\\.)(?:[eE][+-]?"
          + DIGITS
          + ")?"
          + "|"
          + DIGITS
          + "[eE][+-]?"
          + DIGITS
          + ")";
  private static final Pattern IMAGINARY = Pattern.compile("(?:" + FLOAT + "|" + DIGITS + ")[jJ]");
  private static final Pattern REAL = Pattern.compile(FLOAT);
  private static final Pattern BASED =
      Pattern.compile("0(?:[xX](?:_?[0-9a-fA-F])+|[oO](?:_?[0-7])+|[bB](?:_?[01])+)");
  private static final Pattern DECIMAL = Pattern.compile("[1-9](?:_?[0-9])*|0(?:_?0)*");
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private final String text;
  private int pos;
  private int depth;

  LiteralReader(String text) {
    this.text = text;
  }

  String readValue() {
    skipSpace();
    if (++depth > MAX_DEPTH) {
      throw fail("nested deeper than " + MAX_DEPTH);
    }
    try {
      char c = peek();
      if (c == '[') {
        pos++;
        return "[" + String.join(", ", readSequence(']').items) + "]";
      } else if (c == '(') {
        pos++;
        Sequence s = readSequence(')');
        if (s.items.size() == 1 && !s.sawComma) {
          return s.items.get(0);
        }
        return "(" + String.join(", ", s.items) + (s.items.size() == 1 ? ",)" : ")");
      } else if (c == '{') {
        pos++;
        return readBraces();
      } else if (StringLiteralReader.startsAt(text, pos)) {
        return readStrings();
      } else if (Character.isDigit(c) || c == '.' || c == '-' || c == '+') {
        return readNumber();
      }
      return readConstant();
    } finally {
      depth--;
    }
  }

  /** Comma-separated values up to {@code closing} (consumed; {@link #END} = end of text). */
  Sequence readSequence(char closing) {
    Sequence s = new Sequence(new ArrayList<>(), false);
    while (true) {
      skipSpace();
      if (peek() == closing) {
        pos = closing == END ? pos : pos + 1;
        return s;
      }
      s.items.add(readValue());
      skipSpace();
      if (peek() == ',') {
        pos++;
        s = new Sequence(s.items, true);
      } else if (peek() != closing) {
        throw fail(
            closing == END ? "expected ',' or the end" : "expected ',' or '" + closing + "'");
      }
    }
  }

  record Sequence(List<String> items, boolean sawComma) {}

  private String readBraces() {
    skipSpace();
    if (peek() == '}') {
      pos++;
      return "{}";
    }
    String first = readValue();
    skipSpace();
    if (peek() != ':') {
      List<String> items = new ArrayList<>(List.of(first));
      if (peek() == ',') {
        pos++;
        items.addAll(readSequence('}').items);
      } else {
        expect('}');
      }
      return "{" + String.join(", ", items) + "}";
    }
    List<String> pairs = new ArrayList<>();
    String key = first;
    while (true) {
      expect(':');
      pairs.add(key + ": " + readValue());
      skipSpace();
      if (peek() != '}') {
        expect(',');
        skipSpace();
      }
      if (peek() == '}') {
        pos++;
        return "{" + String.join(", ", pairs) + "}";
      }
      key = readValue();
    }
  }

  private String readStrings() {
    CodePoints value = new CodePoints();
    Boolean bytes = null;
    while (StringLiteralReader.startsAt(text, pos)) {
      Decoded d = StringLiteralReader.read(text, pos);
      if (bytes != null && bytes != d.bytes()) {
        throw fail("cannot concatenate str and bytes literals");
      }
      bytes = d.bytes();
      value.addAll(d.codePoints());
      pos = d.end();
      skipSpace();
    }
    return StringLiteralReader.write(value.toArray(), bytes);
  }

  private String readNumber() {
    String sign = "";
    if (peek() == '-' || peek() == '+') {
      sign = peek() == '-' ? "-" : "";
      pos++;
      skipSpace();
    }
    int start = pos;
    if (match(IMAGINARY)) {
      return sign + token(start);
    }
    String real = sign + (match(REAL) ? token(start) : integer(start));
    int save = pos;
    skipSpace();
    if (peek() == '+' || peek() == '-') {
      String op = String.valueOf(peek());
      pos++;
      skipSpace();
      int imagStart = pos;
      if (match(IMAGINARY)) {
        return "(" + real + op + token(imagStart) + ")";
      }
      throw fail("only 'real + imaginary' is a literal sum");
    }
    pos = save;
    return real;
  }

  private String integer(int start) {
    if (match(BASED)) {
      String t = token(start);
      int radix = "xX".indexOf(t.charAt(1)) >= 0 ? 16 : "oO".indexOf(t.charAt(1)) >= 0 ? 8 : 2;
      return new BigInteger(t.substring(2), radix).toString();
    }
    if (match(DECIMAL)) {
      return new BigInteger(token(start)).toString();
    }
    throw fail("expected a number");
  }

  private String readConstant() {
    Matcher m = NAME.matcher(text).region(pos, text.length());
    if (!m.lookingAt()) {
      throw fail("expected a literal");
    }
    String name = m.group();
    if (!name.equals("True") && !name.equals("False") && !name.equals("None")) {
      throw fail("'" + name + "' is a name, not a literal");
    }
    pos = m.end();
    return name;
  }

  /** Matches {@code p} at the cursor, and only when no name character or digit follows. */
  private boolean match(Pattern p) {
    Matcher m = p.matcher(text).region(pos, text.length());
    if (!m.lookingAt()) {
      return false;
    }
    int end = m.end();
    if (end < text.length()
        && (Character.isLetterOrDigit(text.charAt(end))
            || text.charAt(end) == '_'
            || text.charAt(end) == '.')) {
      throw fail("malformed number");
    }
    pos = end;
    return true;
  }

  private String token(int start) {
    return text.substring(start, pos).replace("_", "");
  }

  /** Reads a name at the cursor, or returns null without moving. */
  String readName() {
    skipSpace();
    Matcher m = NAME.matcher(text).region(pos, text.length());
    if (!m.lookingAt()) {
      return null;
    }
    pos = m.end();
    return m.group();
  }

  void expect(char c) {
    skipSpace();
    if (peek() != c) {
      throw fail("expected '" + c + "'");
    }
    pos++;
  }

  void expectText(String token) {
    skipSpace();
    if (!text.startsWith(token, pos)) {
      throw fail("expected '" + token + "'");
    }
    pos += token.length();
  }

  void expectEnd() {
    skipSpace();
    if (pos < text.length()) {
      throw fail("unexpected text after the literal");
    }
  }

  private void skipSpace() {
    while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
      pos++;
    }
  }

  private char peek() {
    return pos < text.length() ? text.charAt(pos) : END;
  }

  private NotALiteralException fail(String why) {
    return new NotALiteralException(why + " at column " + (pos + 1));
  }
}
