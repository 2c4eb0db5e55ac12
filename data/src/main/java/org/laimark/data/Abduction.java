package org.laimark.data;

/**
 * An abduction task: given {@code code}, find an input x with {@code funcName(x) == expected} (JSON
 * {@code ab_code}, {@code ab_func_name}, {@code ab_expected}; {@code expected} is Python source).
 * The study's rows carry no reference input, so an abduction problem has no reference answer to
 * check.
 */
public record Abduction(String code, String funcName, String expected) {

  public Abduction {
    Problem.requireText(code, "ab_code");
    Problem.requireText(funcName, "ab_func_name");
    Problem.requireText(expected, "ab_expected");
  }
}
