package org.laimark.data.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A chain of steps, each consuming the previous step's output; a problem's function computes it. Its
 * {@link #signature()} (primitive ids without parameters) is what "the same composition" means when the
 * held-out benchmark is kept apart from everything else.
 */
public record Composition(List<Step> steps) {

  /** Python keywords, builtins the bodies call, and the bodies' variable names: never entry points. */
  private static final Set<String> RESERVED = Set.of(
      "sum", "max", "min", "len", "sorted", "reversed", "abs", "list", "str", "int", "bin", "all", "any",
      "set", "dict", "range", "zip", "count", "first", "last", "span", "digits", "divisors", "square",
      "binary", "words", "chars", "length", "initials", "joined", "nums", "text", "n", "flag", "x", "w",
      "c", "d", "a", "b", "i", "unique", "lambda", "class", "def", "return", "pass");

  public Composition {
    steps = List.copyOf(steps);
    if (steps.isEmpty()) {
      throw new IllegalArgumentException("a composition needs at least one step");
    }
    if (!steps.get(0).primitive().from().isSource()) {
      throw new IllegalArgumentException("a composition must start from a list, a string or an integer");
    }
    for (int i = 1; i < steps.size(); i++) {
      if (steps.get(i - 1).primitive().to() != steps.get(i).primitive().from()) {
        throw new IllegalArgumentException("step " + i + " (" + steps.get(i).primitive().id()
            + ") cannot take the output of " + steps.get(i - 1).primitive().id());
      }
    }
  }

  public ValueType input() {
    return steps.get(0).primitive().from();
  }

  public ValueType output() {
    return steps.get(steps.size() - 1).primitive().to();
  }

  /** The number of operations: the problem's difficulty. */
  public int depth() {
    return steps.size();
  }

  public String signature() {
    return steps.stream().map(s -> s.primitive().id()).collect(Collectors.joining(">"));
  }

  public Object apply(Object input) {
    DomainBounds.check(input);
    Object value = input;
    for (Step step : steps) {
      value = step.apply(value);
    }
    return value;
  }

  /** The function body: one statement per step, then the return, each line indented by four spaces. */
  public String pythonBody() {
    StringBuilder out = new StringBuilder();
    for (Step step : steps) {
      out.append("    ").append(step.pythonStatement()).append('\n');
    }
    return out.append("    return ").append(output().variable()).append('\n').toString();
  }

  /** "Take a list of integers nums: ": how a docstring introduces a composition's argument. */
  static String opening(ValueType input) {
    return "Take " + input.description() + " " + input.variable() + ": ";
  }

  /** What separates the steps' phrases in a docstring. */
  static final String THEN = ", then ";

  /** The function name: the steps' name fragments in order, e.g. {@code evens_squared_sum}. */
  public String entryPoint() {
    String name = steps.stream().map(Step::nameFragment).collect(Collectors.joining("_"));
    return RESERVED.contains(name) ? name + "_of_" + input().variable() : name;
  }

  /**
   * The same composition with step {@code index} left out, or null when it no longer takes the same input
   * or its types no longer chain.
   */
  public Composition without(int index) {
    List<Step> rest = new ArrayList<>(steps);
    rest.remove(index);
    if (rest.isEmpty() || rest.get(0).primitive().from() != input()) {
      return null;
    }
    for (int i = 1; i < rest.size(); i++) {
      if (rest.get(i - 1).primitive().to() != rest.get(i).primitive().from()) {
        return null;
      }
    }
    return new Composition(rest);
  }
}
