package org.laimark.data.domain;

/**
 * The value kinds flowing through a composition. Each kind has one Python variable name, so a generated
 * body reads as a chain of reassignments ({@code nums = ...}, {@code n = ...}), and one type hint.
 */
public enum ValueType {
  INT_LIST("nums", "list[int]", "a list of integers", "list"),
  STR("text", "str", "a string", "string"),
  INT("n", "int", "an integer", "integer"),
  STR_LIST("words", "list[str]", "a list of strings", "list of strings"),
  BOOL("flag", "bool", "a boolean", "boolean");

  private final String variable;
  private final String typeHint;
  private final String description;
  private final String resultNoun;

  ValueType(String variable, String typeHint, String description, String resultNoun) {
    this.variable = variable;
    this.typeHint = typeHint;
    this.description = description;
    this.resultNoun = resultNoun;
  }

  /** The Python variable holding a value of this kind inside a generated function. */
  public String variable() {
    return variable;
  }

  public String typeHint() {
    return typeHint;
  }

  /** "a list of integers": how a docstring introduces the argument. */
  public String description() {
    return description;
  }

  /** The docstring's last sentence: what the function returns. */
  public String returnSentence() {
    return this == BOOL ? "Return True or False." : "Return the resulting " + resultNoun + ".";
  }

  /** Kinds a problem's argument may have (a composition starts from one of these). */
  public boolean isSource() {
    return this == INT_LIST || this == STR || this == INT;
  }
}
