package org.laimark.data.domain;

/** One input of a problem's function and the value the composition gives for it (Java-evaluated). */
public record TestCase(Object input, Object expected) {

  /** The call's argument as Python source. */
  public String argument() {
    return PythonLiteral.of(input);
  }

  /** The expected value as CPython would print it. */
  public String expectedLiteral() {
    return PythonLiteral.of(expected);
  }

  public String assertLine(String entryPoint) {
    return "assert " + entryPoint + "(" + argument() + ") == " + expectedLiteral();
  }
}
