package org.laimark.actors.verify;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.laimark.actors.sandbox.Sandbox;
import org.laimark.data.SandboxJob;
import org.laimark.data.Verdict;
import org.laimark.data.VerdictStatus;

/**
 * TEST DOUBLE: a {@link Sandbox} that executes nothing. It answers each job with the verdict a
 * script chooses from the job (its program text and options) and records every job it was given, so
 * tests can pin down the verifier's classification rules without Python.
 */
final class ScriptedSandbox implements Sandbox {
  private final Function<SandboxJob, Verdict> script;
  final List<SandboxJob> jobs = new CopyOnWriteArrayList<>();

  ScriptedSandbox(Function<SandboxJob, Verdict> script) {
    this.script = script;
  }

  @Override
  public CompletionStage<Verdict> run(SandboxJob job) {
    jobs.add(job);
    Verdict verdict = script.apply(job);
    return verdict == null ? new CompletableFuture<>() : CompletableFuture.completedFuture(verdict);
  }

  /** Which trivial solution the job's program defines, or {@code null} for the reference. */
  static TrivialSolution trivialIn(SandboxJob job, String entryPoint) {
    for (TrivialSolution t : TrivialSolution.values()) {
      if (job.program().contains(t.source(entryPoint))) {
        return t;
      }
    }
    return null;
  }

  static Verdict passed() {
    return new Verdict(VerdictStatus.PASSED, "", "", "", List.of(), 3, 2, "");
  }

  static Verdict failedAt(String test) {
    return new Verdict(VerdictStatus.FAILED, test, "AssertionError", "", List.of(), 3, 2, "");
  }

  static Verdict of(VerdictStatus status) {
    return new Verdict(status, "", "", status.wireName(), List.of(), 3, 2, "");
  }
}
