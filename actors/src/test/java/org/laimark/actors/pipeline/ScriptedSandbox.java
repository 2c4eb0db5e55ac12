package org.laimark.actors.pipeline;

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
 * TEST DOUBLE: a {@link Sandbox} that runs NOTHING. Its verdicts are scripted from the job's text
 * (never from executing it), so actor logic can be tested without bubblewrap. Real execution is
 * tested with the real pool in the tests tagged "sandbox".
 */
final class ScriptedSandbox implements Sandbox {

  /**
   * Programs containing this pass; {@link #HANGS} time out; {@link #CRASHES} crash; anything else
   * fails.
   */
  static final String RIGHT = "# right";

  static final String HANGS = "# hangs";
  static final String CRASHES = "# crashes";

  private final Function<SandboxJob, CompletionStage<Verdict>> script;
  private final List<SandboxJob> jobs = new CopyOnWriteArrayList<>();

  private ScriptedSandbox(Function<SandboxJob, CompletionStage<Verdict>> script) {
    this.script = script;
  }

  static ScriptedSandbox of(Function<SandboxJob, Verdict> verdicts) {
    return new ScriptedSandbox(job -> CompletableFuture.completedFuture(verdicts.apply(job)));
  }

  static ScriptedSandbox async(Function<SandboxJob, CompletionStage<Verdict>> verdicts) {
    return new ScriptedSandbox(verdicts);
  }

  /** Verdicts by the markers above. */
  static ScriptedSandbox byMarkers() {
    return of(
        job -> {
          if (job.program().contains(HANGS)) {
            return verdict(VerdictStatus.TIMEOUT, "wall-clock limit exceeded");
          }
          if (job.program().contains(CRASHES)) {
            return verdict(VerdictStatus.CRASHED, "killed by SIGSEGV");
          }
          return job.program().contains(RIGHT)
              ? verdict(VerdictStatus.PASSED, "")
              : verdict(VerdictStatus.FAILED, "AssertionError");
        });
  }

  static Verdict verdict(VerdictStatus status, String message) {
    return new Verdict(status, "", "", message, List.of(), 1, 1, "");
  }

  @Override
  public CompletionStage<Verdict> run(SandboxJob job) {
    jobs.add(job);
    return script.apply(job);
  }

  List<SandboxJob> jobs() {
    return List.copyOf(jobs);
  }
}
