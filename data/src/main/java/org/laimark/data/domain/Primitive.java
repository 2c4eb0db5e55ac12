package org.laimark.data.domain;

import java.util.List;

/**
 * One operation a composition is built from. Its Java {@link Semantics} defines what it computes; its
 * Python {@code expression} is written to compute exactly the same (CPython is the judge in the tests).
 * Templates use {@code {in}} for the input variable and {@code {a}}, {@code {b}} for integer parameters.
 *
 * @param id stable identifier; a composition's signature is its primitives' ids in order
 * @param from the input kind
 * @param to the output kind
 * @param params ranges of the integer parameters, in {@code {a}}, {@code {b}} order
 * @param nameFragment the piece of a function name this step contributes, e.g. {@code above_{a}}
 * @param expression the Python expression computing the output from {@code {in}}
 * @param phrases imperative docstring phrasings, e.g. "keep only the numbers greater than {a}"
 * @param semantics the Java definition
 */
public record Primitive(
    String id,
    ValueType from,
    ValueType to,
    List<ParamRange> params,
    String nameFragment,
    String expression,
    List<String> phrases,
    Semantics semantics) {

  /** The operation itself: input value and parameters to output value. */
  @FunctionalInterface
  public interface Semantics {
    Object apply(Object input, int[] params);
  }

  /** An inclusive range an integer parameter is drawn from. */
  public record ParamRange(int lo, int hi) {
    public ParamRange {
      if (lo > hi) {
        throw new IllegalArgumentException("parameter range must have lo <= hi, got " + lo + ".." + hi);
      }
    }
  }

  public Primitive {
    params = List.copyOf(params);
    phrases = List.copyOf(phrases);
    if (phrases.isEmpty()) {
      throw new IllegalArgumentException(id + ": a primitive needs at least one phrase");
    }
  }

  public String pythonExpression(String inputVariable, List<Integer> values) {
    return fill(expression, values).replace("{in}", inputVariable);
  }

  public String phrase(int variant, List<Integer> values) {
    return fill(phrases.get(variant % phrases.size()), values);
  }

  public String nameFragment(List<Integer> values) {
    return fill(nameFragment, values);
  }

  private static String fill(String template, List<Integer> values) {
    String out = template;
    for (int i = 0; i < values.size(); i++) {
      out = out.replace("{" + (char) ('a' + i) + "}", Integer.toString(values.get(i)));
    }
    return out;
  }
}
