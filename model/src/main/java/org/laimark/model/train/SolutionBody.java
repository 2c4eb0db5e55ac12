package org.laimark.model.train;

import java.util.regex.Pattern;

/**
 * The answer SFT teaches for a problem: what the evaluator asks for. The user prompt shows the stub and
 * asks for the function body, so a reference solution that is one function ({@code def entry(...):} and
 * an indented body, nothing else at column 0) is trained as its body, indentation kept. A solution with
 * imports, helpers or decorators around the function would lose them as a body, so it is trained whole;
 * the evaluator's {@code auto} answer mode accepts a full function that defines the entry point.
 */
final class SolutionBody {

  private SolutionBody() {}

  static String answerFor(String solution, String entryPoint) {
    String text = solution.replace("\r\n", "\n").strip();
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
    return String.join("\n", java.util.Arrays.copyOfRange(lines, signatureEnd + 1, lines.length));
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
