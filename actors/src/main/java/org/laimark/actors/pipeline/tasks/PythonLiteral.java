package org.laimark.actors.pipeline.tasks;

import java.util.ArrayList;
import java.util.List;

/**
 * A Python literal (what {@code ast.literal_eval} accepts: numbers, strings, bytes,
 * True/False/None, and lists, tuples, dicts and sets of literals), held in a canonical form this
 * class wrote itself.
 *
 * <p>Model answers are never spliced into code: {@link #parse} reads the answer with {@link
 * LiteralReader} and only the canonical rendering of what it read ever reaches a sandbox test line.
 * Strings are decoded and re-escaped (pure ASCII out), integers are re-printed in decimal, and
 * anything that is not a literal (a name, a call, an operator, an f-string, a second expression) is
 * refused. So an answer like {@code 1) or (True} or {@code __import__('os')} cannot change what the
 * test does.
 */
public record PythonLiteral(String canonical) {

  /** Longest answer read; a literal longer than this is not a plausible answer. */
  public static final int MAX_LENGTH = 20_000;

  /** The text is not one Python literal; the message says where and why. */
  public static final class NotALiteralException extends IllegalArgumentException {
    NotALiteralException(String message) {
      super(message);
    }
  }

  /** Reads exactly one literal (surrounding whitespace allowed). */
  public static PythonLiteral parse(String text) {
    LiteralReader reader = reader(text);
    String value = reader.readValue();
    reader.expectEnd();
    return new PythonLiteral(value);
  }

  /**
   * Reads an argument list as it appears between a call's parentheses: literals separated by
   * commas, an optional trailing comma, no keyword arguments. {@code [1, 2], 'a'} is two arguments;
   * {@code (1, 2)} is one tuple argument.
   */
  public static List<PythonLiteral> parseArguments(String text) {
    LiteralReader reader = reader(text);
    List<PythonLiteral> args = new ArrayList<>();
    for (String value : reader.readSequence(LiteralReader.END).items()) {
      args.add(new PythonLiteral(value));
    }
    reader.expectEnd();
    return args;
  }

  /** The arguments written back between parentheses' worth of text: {@code 1, 'a', [2]}. */
  public static String render(List<PythonLiteral> args) {
    StringBuilder out = new StringBuilder();
    for (PythonLiteral arg : args) {
      if (out.length() > 0) {
        out.append(", ");
      }
      out.append(arg.canonical());
    }
    return out.toString();
  }

  private static LiteralReader reader(String text) {
    if (text == null) {
      throw new NotALiteralException("no text");
    }
    if (text.length() > MAX_LENGTH) {
      throw new NotALiteralException("longer than " + MAX_LENGTH + " characters");
    }
    return new LiteralReader(text);
  }

  @Override
  public String toString() {
    return canonical;
  }
}
