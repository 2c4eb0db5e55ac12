package org.laimark.data.benchmark;

import java.util.ArrayList;
import java.util.List;

/**
 * Just enough of Python's tokenizer to cut HumanEval's {@code check(candidate)} into logical lines
 * and see their names and operators: names, operators, strings (with prefixes and triple quotes),
 * numbers, bracket depth, comments and backslash continuations. Not a parser: {@link
 * HumanEvalCheckUnrolling} only acts on lines whose shape it fully recognises.
 */
final class PythonTokens {

  enum Kind {
    NAME,
    OP,
    STRING,
    FSTRING,
    NUMBER
  }

  /**
   * One token; {@code depth} is the bracket depth before it, {@code start}/{@code end} offsets.
   */
  record Token(Kind kind, String text, int depth, int start, int end) {
    boolean is(String s) {
      return (kind == Kind.OP || kind == Kind.NAME) && text.equals(s);
    }
  }

  /** One logical line: its tokens, where it starts and ends, and its first line's indentation. */
  record LogicalLine(List<Token> tokens, int start, int end, int indent) {}

  private static final String[] OPERATORS = {
    "**=", "//=", ">>=", "<<=", "...", "->", ":=", "==", "!=", "<=", ">=", "**", "//", "<<", ">>",
    "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "@="
  };

  private PythonTokens() {}

  /**
   * The logical lines of {@code text} (blank and comment-only lines are skipped).
   *
   * @throws IllegalArgumentException on an unterminated string or unbalanced brackets
   */
  static List<LogicalLine> logicalLines(String text) {
    List<LogicalLine> lines = new ArrayList<>();
    List<Token> current = new ArrayList<>();
    int depth = 0;
    int lineStart = 0;
    int indent = -1;
    int i = 0;
    int n = text.length();
    while (i < n) {
      char c = text.charAt(i);
      if (indent < 0) { // at the start of a logical line: measure its indentation
        int j = i;
        while (j < n && (text.charAt(j) == ' ' || text.charAt(j) == '\t')) {
          j++;
        }
        if (j < n && text.charAt(j) != '\n' && text.charAt(j) != '#' && text.charAt(j) != '\r') {
          indent = j - i;
          lineStart = i;
        }
        if (j >= n) {
          break;
        }
        i = j;
        c = text.charAt(i);
      }
      if (c == '#') {
        while (i < n && text.charAt(i) != '\n') {
          i++;
        }
      } else if (c == '\\' && i + 1 < n && text.charAt(i + 1) == '\n') {
        i += 2;
      } else if (c == '\n') {
        if (depth == 0 && !current.isEmpty()) {
          lines.add(new LogicalLine(List.copyOf(current), lineStart, i, indent));
          current.clear();
        }
        if (depth == 0) {
          indent = -1;
        }
        i++;
      } else if (c == ' ' || c == '\t' || c == '\r' || c == '\f') {
        i++;
      } else if (Character.isLetter(c) || c == '_') {
        int j = i;
        while (j < n && (Character.isLetterOrDigit(text.charAt(j)) || text.charAt(j) == '_')) {
          j++;
        }
        if (j < n && (text.charAt(j) == '\'' || text.charAt(j) == '"') && j - i <= 2) {
          String prefix = text.substring(i, j).toLowerCase();
          if (prefix.matches("[rbuf]|rb|br|fr|rf")) {
            int end = stringEnd(text, j);
            Kind kind = prefix.contains("f") ? Kind.FSTRING : Kind.STRING;
            current.add(new Token(kind, text.substring(i, end), depth, i, end));
            i = end;
            continue;
          }
        }
        current.add(new Token(Kind.NAME, text.substring(i, j), depth, i, j));
        i = j;
      } else if (Character.isDigit(c) || (c == '.' && i + 1 < n && isDigit(text.charAt(i + 1)))) {
        int j = i + 1;
        while (j < n
            && (Character.isLetterOrDigit(text.charAt(j))
                || text.charAt(j) == '.'
                || text.charAt(j) == '_'
                || ((text.charAt(j) == '+' || text.charAt(j) == '-')
                    && (text.charAt(j - 1) == 'e' || text.charAt(j - 1) == 'E')))) {
          j++;
        }
        current.add(new Token(Kind.NUMBER, text.substring(i, j), depth, i, j));
        i = j;
      } else if (c == '\'' || c == '"') {
        int end = stringEnd(text, i);
        current.add(new Token(Kind.STRING, text.substring(i, end), depth, i, end));
        i = end;
      } else {
        String op = operatorAt(text, i);
        if ("([{".contains(op)) {
          current.add(new Token(Kind.OP, op, depth, i, i + 1));
          depth++;
        } else if (")]}".contains(op)) {
          depth--;
          if (depth < 0) {
            throw new IllegalArgumentException("unbalanced '" + op + "' at offset " + i);
          }
          current.add(new Token(Kind.OP, op, depth, i, i + 1));
        } else {
          current.add(new Token(Kind.OP, op, depth, i, i + op.length()));
        }
        i += op.length();
      }
    }
    if (depth != 0) {
      throw new IllegalArgumentException("unclosed bracket at the end");
    }
    if (!current.isEmpty()) {
      lines.add(new LogicalLine(List.copyOf(current), lineStart, n, indent));
    }
    return lines;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static String operatorAt(String text, int i) {
    for (String op : OPERATORS) {
      if (text.startsWith(op, i)) {
        return op;
      }
    }
    return text.substring(i, i + 1);
  }

  /** The offset just after the string literal whose opening quote is at {@code quote}. */
  private static int stringEnd(String text, int quote) {
    char q = text.charAt(quote);
    boolean triple = text.startsWith(String.valueOf(q).repeat(3), quote);
    String close = triple ? String.valueOf(q).repeat(3) : String.valueOf(q);
    int i = quote + close.length();
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '\\') {
        i += 2; // in raw strings too, a backslash keeps the next quote from closing
        continue;
      }
      if (!triple && c == '\n') {
        break;
      }
      if (text.startsWith(close, i)) {
        return i + close.length();
      }
      i++;
    }
    throw new IllegalArgumentException("unterminated string at offset " + quote);
  }
}
