package org.laimark.actors.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import org.laimark.data.Verdict;
import org.laimark.data.VerdictStatus;

/**
 * Turns what a child left behind into a verdict when that needs no comparison: limits hit, signals,
 * a tampered result channel, a run cut short, a program that did not compile or raised before the
 * tests. The order of the checks is the precedence of the statuses.
 */
final class Verdicts {

  private static final int SIGKILL = 9;
  private static final int SIGXCPU = 24;
  private static final int CHILD_SETUP_FAILED = 121;

  private Verdicts() {}

  /**
   * The verdict implied by how the program's run ended, or empty when it left a record whose checks
   * still have to be judged.
   */
  static Optional<Verdict> ending(
      ChildReport r, long cpuLimitMillis, boolean hasTests, List<String> flags) {
    return ending(r, cpuLimitMillis, hasTests, flags, "").or(() -> recorded(r, hasTests, flags));
  }

  /**
   * The verdict implied by how a child ended (limits, signals, the result channel), or empty when
   * it left its record. {@code what} names the child in messages.
   */
  static Optional<Verdict> ending(
      ChildReport r, long cpuLimitMillis, boolean hasTests, List<String> flags, String what) {
    if (r.outputExceeded()) {
      return of(
          VerdictStatus.OUTPUT_LIMIT, "", "", what + "wrote more output than the limit", flags, r);
    }
    if (r.resultExceeded()) {
      return of(
          VerdictStatus.OUTPUT_LIMIT,
          "",
          "",
          what + "returned values larger than the limit",
          flags,
          r);
    }
    if (r.timedOut()) {
      return of(
          VerdictStatus.TIMEOUT,
          "",
          "",
          what + "exceeded the wall-clock limit of " + r.wallMillis() + " ms",
          flags,
          r);
    }
    if (r.signal() != null) {
      if (r.signal() == SIGXCPU || (r.signal() == SIGKILL && r.cpuMillis() >= cpuLimitMillis)) {
        return of(VerdictStatus.CPU_LIMIT, "", "", what + "exceeded the CPU limit", flags, r);
      }
      return of(
          VerdictStatus.CRASHED,
          "",
          "",
          what + "was killed by " + signalName(r.signal()),
          flags,
          r);
    }
    switch (r.channel()) {
      case NO_SETUP:
        return Optional.of(
            new Verdict(
                VerdictStatus.INFRA_ERROR,
                "",
                "",
                "the sandbox could not set up "
                    + "the child (exit "
                    + r.exitCode()
                    + "); see the worker log",
                flags,
                r.wallMillis(),
                r.cpuMillis(),
                r.output()));
      case TAMPERED:
        return of(
            VerdictStatus.SANDBOX_VIOLATION,
            "",
            "",
            what + "tampered with the result channel: " + r.problem(),
            flags,
            r);
      case NO_RECORD:
        return Optional.of(cutShort(r, hasTests, flags, what));
      default:
        return Optional.empty();
    }
  }

  private static Verdict cutShort(
      ChildReport r, boolean hasTests, List<String> flags, String what) {
    int exit = r.exitCode() == null ? -1 : r.exitCode();
    if (exit == CHILD_SETUP_FAILED) {
      return new Verdict(
          VerdictStatus.INFRA_ERROR,
          "",
          "",
          "the sandbox failed inside the child",
          flags,
          r.wallMillis(),
          r.cpuMillis(),
          r.output());
    }
    if (exit == 0 && !hasTests) {
      return of(VerdictStatus.PASSED, "", "", "", flags, r).orElseThrow();
    }
    return new Verdict(
        VerdictStatus.FAILED,
        "",
        "SystemExit",
        what
            + "exited with status "
            + exit
            + (hasTests ? " before the tests reported (os._exit?)" : ""),
        flags,
        r.wallMillis(),
        r.cpuMillis(),
        r.output());
  }

  private static Optional<Verdict> recorded(ChildReport r, boolean hasTests, List<String> flags) {
    JsonNode rec = r.record();
    String phase = rec.path("phase").asText();
    JsonNode error = rec.path("error");
    String type = error.path("type").asText();
    if ("MemoryError".equals(type)) {
      return of(VerdictStatus.MEMORY_LIMIT, "", type, "ran out of its memory limit", flags, r);
    }
    if ("compile".equals(phase)) {
      return of(
          VerdictStatus.SYNTAX_ERROR,
          "",
          type,
          "program line " + error.path("line").asInt() + ": " + error.path("message").asText(),
          flags,
          r);
    }
    if ("program".equals(phase)) {
      boolean cleanExit =
          "SystemExit".equals(type) && error.path("message").asText().matches("exit code (0|None)");
      if (cleanExit && !hasTests) {
        return of(VerdictStatus.PASSED, "", "", "", flags, r);
      }
      int line = error.path("line").asInt();
      return of(
          VerdictStatus.FAILED,
          "",
          type,
          (line > 0 ? "program line " + line + ": " : "")
              + error.path("message").asText()
              + (cleanExit ? " (before the tests ran)" : ""),
          flags,
          r);
    }
    if ("done".equals(phase) && !hasTests) {
      return of(VerdictStatus.PASSED, "", "", "", flags, r);
    }
    if ("done".equals(phase) || "tests".equals(phase)) {
      return Optional.empty();
    }
    return of(
        VerdictStatus.SANDBOX_VIOLATION,
        "",
        "",
        "the result record has an unknown phase " + phase,
        flags,
        r);
  }

  static Optional<Verdict> of(
      VerdictStatus status,
      String test,
      String type,
      String message,
      List<String> flags,
      ChildReport r) {
    return Optional.of(
        new Verdict(status, test, type, message, flags, r.wallMillis(), r.cpuMillis(), r.output()));
  }

  static String signalName(int signal) {
    switch (signal) {
      case 4:
        return "SIGILL";
      case 6:
        return "SIGABRT";
      case 7:
        return "SIGBUS";
      case 8:
        return "SIGFPE";
      case 9:
        return "SIGKILL";
      case 11:
        return "SIGSEGV";
      case 13:
        return "SIGPIPE";
      case 15:
        return "SIGTERM";
      default:
        return "signal " + signal;
    }
  }
}
