package org.laimark.data;

import java.util.List;

/**
 * The trusted side's judgement of one {@link SandboxJob}. Decided from the exit status and the private
 * result channel, never from what the program printed.
 *
 * @param status what happened
 * @param failedTest the first test line that did not hold, or empty
 * @param errorType the exception type (e.g. {@code AssertionError}, {@code IndentationError}) or empty
 * @param message a short human-readable explanation (exception message, signal name, limit hit)
 * @param flags suspicious constructs found in the program ({@code frame_introspection}, {@code ctypes}...)
 * @param wallMillis wall time of the execution as the supervisor measured it
 * @param cpuMillis CPU time the child used
 * @param output the program's captured stdout+stderr, capped; diagnostics only
 */
public record Verdict(
    VerdictStatus status,
    String failedTest,
    String errorType,
    String message,
    List<String> flags,
    long wallMillis,
    long cpuMillis,
    String output) {

  public Verdict {
    if (status == null) {
      throw new IllegalArgumentException("status must not be null");
    }
    failedTest = failedTest == null ? "" : failedTest;
    errorType = errorType == null ? "" : errorType;
    message = message == null ? "" : message;
    flags = flags == null ? List.of() : List.copyOf(flags);
    output = output == null ? "" : output;
  }

  public boolean passed() {
    return status == VerdictStatus.PASSED;
  }

  /** A verdict for failures on our side, which say nothing about the program. */
  public static Verdict infraError(String message) {
    return new Verdict(VerdictStatus.INFRA_ERROR, "", "", message, List.of(), 0, 0, "");
  }
}
