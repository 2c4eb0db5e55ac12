package org.laimark.actors.pipeline.proposal;

import java.util.Locale;

/**
 * Why a model's answer to a generation prompt is not a problem. Counted per reason; never a crash.
 */
public enum ProposalRejection {
  /** Nothing but whitespace (or thinking) came back. */
  EMPTY_OUTPUT,
  /** No {@code FUNCTION:} section. */
  MISSING_FUNCTION_SECTION,
  /** No {@code TESTS:} section. */
  MISSING_TESTS_SECTION,
  /** No {@code SOLUTION:} section. */
  MISSING_SOLUTION_SECTION,
  /** The FUNCTION section has no {@code def NAME(}. */
  NO_FUNCTION_DEFINITION,
  /** Fewer than two {@code assert} lines in TESTS. */
  TOO_FEW_TESTS,
  /** The SOLUTION does not define the entry point the FUNCTION section declares. */
  SOLUTION_MISSING_ENTRY_POINT,
  /**
   * With reference values: the SOLUTION's function has no docstring, so there is no problem statement to
   * pose.
   */
  SOLUTION_WITHOUT_DOCSTRING,
  /**
   * With reference values: the reference could not be run to compute them (it does not compile, or it
   * failed or hung before or between its calls).
   */
  REFERENCE_NOT_RUNNABLE,
  /** With the spec check: the docstring is not a sentence of the embedded domain's language. */
  SPEC_UNREADABLE,
  /** With the spec check: on some test the reference does not return what its docstring says. */
  SPEC_MISMATCH;

  /** A short stable label for journals and reports: {@code too_few_tests}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
