package org.laimark.data;

import java.util.Locale;

/** What happened to one sandboxed execution. Lowercase in JSON, so users can grep and act on it. */
public enum VerdictStatus {
  /** Ran to the end without an uncaught exception, and every judged test held. */
  PASSED,
  /** A test did not hold or the program raised: the verdict names the first failing test and the error. */
  FAILED,
  /** The program (or a test line) does not parse. */
  SYNTAX_ERROR,
  /** Wall-clock deadline exceeded (sleeping, blocked, or starved). */
  TIMEOUT,
  /** CPU-time limit exceeded. */
  CPU_LIMIT,
  /** Address-space limit exceeded (MemoryError or killed while allocating). */
  MEMORY_LIMIT,
  /** Wrote more than the output cap to stdout or stderr. */
  OUTPUT_LIMIT,
  /** Killed by a signal (segfault, abort...). */
  CRASHED,
  /** Tried to forge a verdict or kept killing its worker. */
  SANDBOX_VIOLATION,
  /** Our side failed (worker could not start, protocol broke): says nothing about the program. */
  INFRA_ERROR;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static VerdictStatus fromWireName(String name) {
    return valueOf(name.toUpperCase(Locale.ROOT));
  }
}
