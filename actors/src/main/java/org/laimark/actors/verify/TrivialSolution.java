package org.laimark.actors.verify;

/**
 * Wrong solutions no test suite should accept: a function with the entry point's name that ignores
 * its input and returns a constant, or its first argument. It is defined after the reference
 * solution, so helpers and classes the tests use still exist and only the function under test is
 * replaced.
 */
public enum TrivialSolution {
  RETURNS_NONE("return None", "None"),
  RETURNS_ZERO("return 0", "0"),
  RETURNS_EMPTY_LIST("return []", "[]"),
  RETURNS_EMPTY_STRING("return ''", "''"),
  RETURNS_TRUE("return True", "True"),
  RETURNS_FALSE("return False", "False"),
  RETURNS_FIRST_ARGUMENT("return its first argument", "args[0] if args else None");

  private final String label;
  private final String returned;

  TrivialSolution(String label, String returned) {
    this.label = label;
    this.returned = returned;
  }

  /** How reports name it, e.g. {@code return None}. */
  public String label() {
    return label;
  }

  /** Python source defining {@code entryPoint} as this trivial function. */
  public String source(String entryPoint) {
    return "def " + entryPoint + "(*args, **kwargs):\n    return " + returned + "\n";
  }
}
