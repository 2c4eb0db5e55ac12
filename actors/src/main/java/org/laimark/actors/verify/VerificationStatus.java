package org.laimark.actors.verify;

import java.util.Locale;

/**
 * The outcome of verifying one problem, lowercase on the wire. Only {@link #VERIFIED} problems are
 * usable.
 */
public enum VerificationStatus {
  /** The reference passes everywhere, the tests are stable and reject every trivial solution. */
  VERIFIED,
  /** The reference solution fails its own tests (the same way in every world). */
  REFERENCE_FAILED,
  /** The tests judge one program differently in different worlds (hash seed, wall clock). */
  NONDETERMINISTIC,
  /** A trivial wrong solution passes every test. */
  VACUOUS_TESTS,
  /** The problem could not be read or has no usable tests. */
  MALFORMED,
  /** The problem carries nothing to check (abduction rows have no reference input). */
  UNVERIFIABLE,
  /** The sandbox failed on our side; says nothing about the problem. Run again. */
  INFRA_ERROR;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
