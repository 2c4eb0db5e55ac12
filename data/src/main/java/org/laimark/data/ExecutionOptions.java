package org.laimark.data;

import java.time.Duration;

/**
 * Per-execution knobs the trusted side chooses. {@code hashSeed} and {@code clockShift} exist so the verifier
 * can re-run a test suite in a different world (PYTHONHASHSEED, wall clock moved by days) and catch tests that
 * depend on either.
 *
 * @param cpuLimit CPU time the job may use; {@code null} means the sandbox's configured default
 * @param hashSeed value of PYTHONHASHSEED for the child (0 disables randomisation, as Python defines it)
 * @param clockShift how far the child's view of the wall clock is moved (time.time, datetime.now/today)
 */
public record ExecutionOptions(Duration cpuLimit, int hashSeed, Duration clockShift) {

  public static final ExecutionOptions DEFAULTS = new ExecutionOptions(null, 0, Duration.ZERO);

  public ExecutionOptions {
    if (cpuLimit != null && (cpuLimit.isNegative() || cpuLimit.isZero())) {
      throw new IllegalArgumentException("cpuLimit must be positive, got " + cpuLimit);
    }
    if (hashSeed < 0) {
      throw new IllegalArgumentException("hashSeed must be between 0 and 4294967295, got " + hashSeed);
    }
    if (clockShift == null) {
      throw new IllegalArgumentException("clockShift must not be null; use Duration.ZERO");
    }
  }

  public ExecutionOptions withCpuLimit(Duration limit) {
    return new ExecutionOptions(limit, hashSeed, clockShift);
  }

  public ExecutionOptions withHashSeed(int seed) {
    return new ExecutionOptions(cpuLimit, seed, clockShift);
  }

  public ExecutionOptions withClockShift(Duration shift) {
    return new ExecutionOptions(cpuLimit, hashSeed, shift);
  }
}
