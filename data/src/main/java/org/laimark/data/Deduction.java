package org.laimark.data;

/**
 * A deduction task: given {@code code}, predict what {@code funcName(input)} returns (JSON {@code
 * dd_code}, {@code dd_func_name}, {@code dd_input}, {@code dd_expected}). {@code input} is the
 * argument list as Python source; {@code expected} is the reference output as Python source.
 */
public record Deduction(String code, String funcName, String input, String expected) {

  public Deduction {
    Problem.requireText(code, "dd_code");
    Problem.requireText(funcName, "dd_func_name");
    Problem.requireText(input, "dd_input");
    Problem.requireText(expected, "dd_expected");
  }

  /** The call whose value is asked for, e.g. {@code f(1, 2)}. */
  public String call() {
    return funcName + "(" + input + ")";
  }
}
