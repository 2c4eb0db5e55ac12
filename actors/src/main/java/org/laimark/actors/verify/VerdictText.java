package org.laimark.actors.verify;

import org.laimark.data.Verdict;

/** Short human wording of a verdict for one-line reports. */
final class VerdictText {
  private static final int MAX_MESSAGE = 160;

  private VerdictText() {}

  /**
   * e.g. {@code passed}, {@code failed at `assert f(1) == 2` (AssertionError: ...)}, {@code
   * timeout}.
   */
  static String outcome(Verdict v) {
    if (v.passed()) {
      return "passed";
    }
    StringBuilder text = new StringBuilder(v.status().wireName());
    if (!v.failedTest().isEmpty()) {
      text.append(" at `")
          .append(abbreviate(v.failedTest().strip().replace('\n', ' ')))
          .append('`');
    }
    String error =
        v.errorType().isEmpty()
            ? v.message()
            : v.message().isEmpty() ? v.errorType() : v.errorType() + ": " + v.message();
    if (!error.isBlank()) {
      text.append(" (").append(abbreviate(error.strip().replace('\n', ' '))).append(')');
    }
    return text.toString();
  }

  private static String abbreviate(String text) {
    return text.length() <= MAX_MESSAGE ? text : text.substring(0, MAX_MESSAGE - 3) + "...";
  }
}
