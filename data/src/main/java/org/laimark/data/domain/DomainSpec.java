package org.laimark.data.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a docstring written in the domain's controlled language ("Take a list of integers nums: negate
 * every number, then remove the odd numbers. Return the resulting list.") back into the composition it
 * states, and writes that composition as a Python function: the docstring's meaning, as a program.
 *
 * <p>Why: a problem's tests only say what its reference solution returns. A model that writes "square the
 * number, then reverse its digits" above a solution that reverses first and squares after gets a problem
 * whose tests reward the wrong order. In this domain the docstring is a specification that can be read
 * mechanically, so the pipeline can check the tests against it ({@code generator.spec-check = domain}).
 */
public final class DomainSpec {

  private static final Pattern PARAMETER = Pattern.compile("\\{([ab])\\}");

  private DomainSpec() {}

  /**
   * The composition {@code docstring}'s first paragraph states, or empty when that paragraph is not a
   * sentence of the domain's language (an unknown phrase, steps whose kinds do not chain, a return
   * sentence that does not match the last step).
   */
  public static Optional<Composition> read(String docstring) {
    String prose = firstParagraph(docstring);
    for (ValueType input : ValueType.values()) {
      if (!input.isSource()) {
        continue;
      }
      String opening = Composition.opening(input);
      if (!prose.startsWith(opening)) {
        continue;
      }
      String rest = prose.substring(opening.length());
      int end = rest.lastIndexOf(". Return ");
      if (end < 0) {
        return Optional.empty();
      }
      List<Step> steps = new ArrayList<>();
      ValueType current = input;
      for (String phrase : rest.substring(0, end).split(Pattern.quote(Composition.THEN), -1)) {
        Optional<Step> step = step(current, phrase);
        if (step.isEmpty()) {
          return Optional.empty();
        }
        steps.add(step.get());
        current = step.get().primitive().to();
      }
      String returns = rest.substring(end + 2);
      return returns.equals(current.returnSentence()) ? Optional.of(new Composition(steps)) : Optional.empty();
    }
    return Optional.empty();
  }

  /** {@code def NAME(VAR):} and the body the domain writes for its solutions. */
  public static String pythonFunction(Composition composition, String name) {
    return "def " + name + "(" + composition.input().variable() + "):\n" + composition.pythonBody();
  }

  /** The primitive accepting {@code type} one of whose phrasings is exactly {@code phrase}, with its values. */
  private static Optional<Step> step(ValueType type, String phrase) {
    for (Primitive primitive : PrimitiveCatalogue.accepting(type)) {
      for (String template : primitive.phrases()) {
        Matcher m = pattern(template).matcher(phrase);
        if (m.matches()) {
          List<Integer> values = new ArrayList<>();
          try {
            for (int g = 1; g <= m.groupCount(); g++) {
              values.add(Integer.parseInt(m.group(g)));
            }
          } catch (NumberFormatException tooLarge) {
            return Optional.empty();
          }
          if (values.size() == primitive.params().size()) {
            return Optional.of(new Step(primitive, values));
          }
        }
      }
    }
    return Optional.empty();
  }

  /** The phrasing as a regular expression: literal text, each {@code {a}}/{@code {b}} an integer. */
  private static Pattern pattern(String template) {
    StringBuilder regex = new StringBuilder();
    Matcher m = PARAMETER.matcher(template);
    int last = 0;
    while (m.find()) {
      regex.append(Pattern.quote(template.substring(last, m.start()))).append("(-?\\d{1,9})");
      last = m.end();
    }
    return Pattern.compile(regex.append(Pattern.quote(template.substring(last))).toString());
  }

  /** The docstring's prose before its first blank line or example, on one line. */
  private static String firstParagraph(String docstring) {
    StringBuilder prose = new StringBuilder();
    for (String line : docstring.strip().split("\n")) {
      String t = line.strip();
      if (t.isEmpty() || t.startsWith(">>>")) {
        break;
      }
      prose.append(prose.length() == 0 ? "" : " ").append(t);
    }
    return prose.toString();
  }
}
