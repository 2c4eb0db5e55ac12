package org.laimark.data;

/**
 * One unit of work for the sandbox: model-written {@code program} source, and optionally the {@code tests}
 * that judge it (assert lines, one statement per line, as the study's problems carry them).
 *
 * <p>With empty tests the verdict is {@code passed} when the program ends without an uncaught exception.
 * With tests, the sandbox splits {@code assert CALL == EXPECTED} lines so the executed code never sees the
 * expected values; other test forms run as plain asserts inside the sandbox.
 *
 * @param id caller's label, echoed in logs and verdict diagnostics (not trusted, not unique)
 * @param program the code to define/run (e.g. a reference solution plus any test setup code)
 * @param tests test statements, newline-separated; may be empty
 * @param options per-execution knobs
 */
public record SandboxJob(String id, String program, String tests, ExecutionOptions options) {

  public SandboxJob {
    if (program == null) {
      throw new IllegalArgumentException("program must not be null");
    }
    id = id == null ? "" : id;
    tests = tests == null ? "" : tests;
    options = options == null ? ExecutionOptions.DEFAULTS : options;
  }

  public static SandboxJob program(String id, String program) {
    return new SandboxJob(id, program, "", ExecutionOptions.DEFAULTS);
  }

  public static SandboxJob withTests(String id, String program, String tests) {
    return new SandboxJob(id, program, tests, ExecutionOptions.DEFAULTS);
  }
}
