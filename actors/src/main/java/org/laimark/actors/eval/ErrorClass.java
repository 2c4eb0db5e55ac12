package org.laimark.actors.eval;

import java.util.Locale;
import org.laimark.data.Verdict;
import org.laimark.data.VerdictStatus;

/**
 * The failure taxonomy: what kind of wrong a sample was, so format drift (indentation and syntax errors) is
 * told apart from wrong logic (assertion failures, exceptions) and from resource trouble at a glance.
 * Lowercase in JSON. Infrastructure errors are not a class: they say nothing about the answer, so the
 * sample is not recorded and a resumed run retries it.
 */
public enum ErrorClass {
  /** Every test held. */
  PASSED,
  /** Nothing that could be code was left after extraction; not run. */
  EMPTY_ANSWER,
  /** The program does not parse, and not because of indentation. */
  SYNTAX_ERROR,
  /** {@code IndentationError} or {@code TabError}: the answer's indentation does not fit the stub. */
  INDENTATION_ERROR,
  /** It ran, and a test's assertion did not hold. */
  ASSERTION_FAILURE,
  /** It raised something other than an assertion failure; the exception type is kept beside. */
  EXCEPTION,
  /** It ran out of its (CPU or wall) time limit. */
  TIMEOUT,
  /** The sandbox stopped it: memory, output size, a crash by signal, or a forgery attempt. */
  SANDBOX_LIMIT;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static ErrorClass fromWireName(String name) {
    return valueOf(name.toUpperCase(Locale.ROOT));
  }

  /**
   * Classifies the verdict of an answer read in {@code mode}. For a body, a {@code SyntaxError} "'return'
   * outside function" (or yield, await) is an indentation error too: the body was appended inside the
   * stub's function, so a statement can only be outside it if the answer's indentation took it out (a
   * one-line body that lost its indentation fails this way, a longer one with "unexpected indent").
   */
  public static ErrorClass of(Verdict verdict, AnswerMode mode) {
    ErrorClass c = of(verdict);
    if (c == SYNTAX_ERROR && mode == AnswerMode.BODY && verdict.message().contains("outside function")) {
      return INDENTATION_ERROR;
    }
    return c;
  }

  /**
   * Classifies a verdict. The exception type decides first (an {@code IndentationError} is one whether the
   * sandbox saw it while compiling or while running), then the status.
   *
   * @throws IllegalArgumentException for an infrastructure error, which is not the answer's fault
   */
  public static ErrorClass of(Verdict verdict) {
    VerdictStatus status = verdict.status();
    if (status == VerdictStatus.INFRA_ERROR) {
      throw new IllegalArgumentException("an infrastructure error says nothing about the answer");
    }
    if (status == VerdictStatus.PASSED) {
      return PASSED;
    }
    String type = verdict.errorType();
    if (type.equals("IndentationError") || type.equals("TabError")) {
      return INDENTATION_ERROR;
    }
    switch (status) {
      case SYNTAX_ERROR:
        return SYNTAX_ERROR;
      case TIMEOUT:
      case CPU_LIMIT:
        return TIMEOUT;
      case MEMORY_LIMIT:
      case OUTPUT_LIMIT:
      case CRASHED:
      case SANDBOX_VIOLATION:
        return SANDBOX_LIMIT;
      default:
        break;
    }
    if (type.equals("SyntaxError")) {
      return SYNTAX_ERROR;
    }
    if (type.equals("AssertionError") || (type.isEmpty() && !verdict.failedTest().isEmpty())) {
      return ASSERTION_FAILURE;
    }
    return EXCEPTION;
  }
}
