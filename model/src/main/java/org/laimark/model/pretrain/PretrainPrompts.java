package org.laimark.model.pretrain;

import java.util.Map;

/**
 * The prompts the embedded model is pre-trained with. They must be the prompts the pipeline uses at run
 * time (the small model knows no others), so they are short, and their placeholders are the ones the
 * pipeline's templates use ({@code laimark.pipeline.generator}, {@code .calibrator.prompts},
 * {@code laimark.eval.prompt}).
 *
 * @param system the system message of every chat
 * @param solve asks for a function body; {@code {stub}}
 * @param write asks for a new problem in the FUNCTION:/TESTS:/SOLUTION: format; {@code {topic}},
 *     {@code {difficulty}}
 * @param harder asks for a harder variant of a problem; {@code {problem}} (its FUNCTION: and TESTS:)
 * @param deduce asks for a call's value; {@code {code}}, {@code {call}}
 * @param abduce asks for an argument giving a value; {@code {code}}, {@code {function}}, {@code {output}}
 */
public record PretrainPrompts(
    String system, String solve, String write, String harder, String deduce, String abduce) {

  public static final PretrainPrompts DEFAULT = new PretrainPrompts(
      "You are a careful Python programmer.",
      "Complete the following function. Return only the body.\n\n{stub}",
      "Write a new {topic} problem of difficulty {difficulty}.",
      "Write a harder variant of this problem.\n\n{problem}",
      "{code}\nWhat does {call} return? Answer with the value only.",
      "{code}\nGive an argument for which {function} returns {output}. Answer with the argument only.");

  public PretrainPrompts {
    requireField(solve, "{stub}", "solve");
    requireField(write, "{topic}", "write");
    requireField(harder, "{problem}", "harder");
    requireField(deduce, "{call}", "deduce");
    requireField(abduce, "{output}", "abduce");
  }

  /**
   * Fills {@code {name}} placeholders in one pass, so text inserted for one placeholder is never searched
   * for another (as the pipeline's own template filling does).
   */
  public static String fill(String template, Map<String, String> values) {
    StringBuilder out = new StringBuilder(template.length() + 256);
    int i = 0;
    while (i < template.length()) {
      int open = template.indexOf('{', i);
      int close = open < 0 ? -1 : template.indexOf('}', open);
      String value = close < 0 ? null : values.get(template.substring(open + 1, close));
      if (open < 0) {
        out.append(template, i, template.length());
        break;
      }
      if (value == null) {
        out.append(template, i, open + 1);
        i = open + 1;
      } else {
        out.append(template, i, open).append(value);
        i = close + 1;
      }
    }
    return out.toString();
  }

  private static void requireField(String template, String field, String name) {
    if (template == null || !template.contains(field)) {
      throw new IllegalArgumentException("the " + name + " prompt must contain " + field + ", got: " + template);
    }
  }
}
