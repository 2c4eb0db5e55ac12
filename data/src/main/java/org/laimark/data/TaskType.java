package org.laimark.data;

import java.util.Locale;

/**
 * The three problem types of the study (the JSON field {@code problem_type}, lowercase). Induction
 * is the default when the field is absent: write the function that passes the tests.
 */
public enum TaskType {
  /** Given a stub and tests, write the function (the study's main task). */
  INDUCTION,
  /** Given code and a call, predict the output ({@code dd_*} fields). */
  DEDUCTION,
  /** Given code and an output, give an input that produces it ({@code ab_*} fields). */
  ABDUCTION;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The type named {@code name}, or {@code null} when no type has that name. */
  public static TaskType fromWireName(String name) {
    for (TaskType type : values()) {
      if (type.wireName().equals(name)) {
        return type;
      }
    }
    return null;
  }
}
