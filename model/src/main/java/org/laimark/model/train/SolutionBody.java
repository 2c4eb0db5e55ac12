package org.laimark.model.train;

import java.util.regex.Pattern;

/**
 * The answer SFT teaches for a problem: what the evaluator asks for. The user prompt shows the stub and
 * asks for the function body, which the evaluator appends to the stub. So a solution that begins with
 * the stub (the study's problems, the embedded model's: signature and docstring, then the code) is
 * trained as what follows the stub, exactly; training the docstring again would teach the model to
 * repeat it. Otherwise a reference solution that is one function ({@code def entry(...):} and an indented
 * body, nothing else at column 0) is trained as its body, indentation kept. A solution with imports,
 * helpers or decorators around the function would lose them as a body, so it is trained whole; the
 * evaluator's {@code auto} answer mode accepts a full function that defines the entry point.
 */
public final class SolutionBody {

  private SolutionBody() {}

  public static String answerFor(String stub, String solution, String entryPoint) {
    String shown = stub.replace("\r\n", "\n");
    String whole = solution.replace("\r\n", "\n");
    if (!shown.isBlank() && whole.startsWith(shown) && !whole.substring(shown.length()).isBlank()) {
      return whole.substring(shown.length());
    }
    String text = whole.strip();
    String[] lines = text.split("\n", -1);
    Pattern definition =
        Pattern.compile("^(?:async[ \\t]+)?def[ \\t]+" + Pattern.quote(entryPoint) + "[ \\t]*\\(.*");
    if (entryPoint.isEmpty() || !definition.matcher(lines[0]).matches()) {
      return text;
    }
    int signatureEnd = signatureEnd(lines);
    if (signatureEnd < 0 || signatureEnd == lines.length - 1) {
      return text;
    }
    for (int i = signatureEnd + 1; i < lines.length; i++) {
      String line = lines[i];
      if (!line.isBlank() && !Character.isWhitespace(line.charAt(0))) {
        return text; // more code at column 0 after the function: keep it all
      }
    }
    int bodyStart = signatureEnd + 1;
    if (shown.contains("\"\"\"") || shown.contains("'''")) {
      bodyStart = afterDocstring(lines, bodyStart);
    }
    return String.join("\n", java.util.Arrays.copyOfRange(lines, bodyStart, lines.length));
  }

  /**
   * The first line after a docstring opening the body at {@code start}, else {@code start}. The stub the
   * prompt shows carries its own docstring (with the tests' values, where a written problem's solution
   * may still have the values its writer guessed), so the body's is dropped rather than taught again.
   */
  private static int afterDocstring(String[] lines, int start) {
    if (start >= lines.length) {
      return start;
    }
    String first = lines[start].strip();
    String quote = first.startsWith("\"\"\"") ? "\"\"\"" : first.startsWith("'''") ? "'''" : null;
    if (quote == null) {
      return start;
    }
    if (first.length() >= 6 && first.endsWith(quote)) {
      return start + 1 < lines.length ? start + 1 : start;
    }
    for (int i = start + 1; i < lines.length; i++) {
      if (lines[i].contains(quote)) {
        return i + 1 < lines.length ? i + 1 : start;
      }
    }
    return start;
  }

  /** The line closing the signature: brackets balanced and the line ends with ':'. */
  private static int signatureEnd(String[] lines) {
    int depth = 0;
    for (int i = 0; i < lines.length; i++) {
      String code = lines[i].replaceAll("#.*$", "");
      for (char c : code.toCharArray()) {
        if (c == '(' || c == '[' || c == '{') {
          depth++;
        } else if (c == ')' || c == ']' || c == '}') {
          depth--;
        }
      }
      if (depth == 0 && code.stripTrailing().endsWith(":")) {
        return i;
      }
    }
    return -1;
  }
}
