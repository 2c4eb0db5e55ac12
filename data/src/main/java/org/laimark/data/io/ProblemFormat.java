package org.laimark.data.io;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;

/** The problem file formats this version reads, and how to tell them apart from one record. */
public enum ProblemFormat {
  /** The study's format (ProblemJson): prompt, tests, solution, entry_point, ... */
  SEED("prompt, tests, solution, entry_point (or problem_type with dd_*/ab_* fields)"),
  /** Raw HumanEval: task_id, prompt, canonical_solution, test, entry_point. */
  HUMANEVAL("task_id, prompt, canonical_solution, test, entry_point"),
  /** Raw MBPP: task_id, text, code, test_list, test_setup_code, challenge_test_list. */
  MBPP("task_id, text, code, test_list");

  private final String fields;

  ProblemFormat(String fields) {
    this.fields = fields;
  }

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The format named {@code name} (case-insensitive), or {@code null}. */
  public static ProblemFormat fromWireName(String name) {
    for (ProblemFormat format : values()) {
      if (format.wireName().equalsIgnoreCase(name)) {
        return format;
      }
    }
    return null;
  }

  /** The format whose distinctive fields {@code record} has, or {@code null} when none fits. */
  public static ProblemFormat recognise(ObjectNode record) {
    if (record.has("canonical_solution")) {
      return HUMANEVAL;
    }
    if (record.has("test_list")) {
      return MBPP;
    }
    if (record.has("tests") || record.has("solution") || record.has("problem_type")) {
      return SEED;
    }
    return null;
  }

  /** One line listing every format and the fields it needs, for error messages. */
  public static String describeAll() {
    StringBuilder text = new StringBuilder();
    for (ProblemFormat format : values()) {
      text.append(text.length() == 0 ? "" : "; ")
          .append(format.wireName())
          .append(" (")
          .append(format.fields)
          .append(')');
    }
    return text.toString();
  }
}
