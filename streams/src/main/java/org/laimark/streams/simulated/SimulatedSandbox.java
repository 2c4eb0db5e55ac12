package org.laimark.streams.simulated;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.laimark.actors.sandbox.Sandbox;
import org.laimark.data.SandboxJob;
import org.laimark.data.Verdict;
import org.laimark.data.VerdictStatus;
import org.laimark.data.domain.DomainProblem;
import org.laimark.data.domain.TestCase;

/**
 * A SIMULATED sandbox for the simulated workload: runs nothing. A job passes when the last definition of
 * the function under test in its program contains the known reference body, and every test line is one of
 * the problem's known cases (so a deduction or abduction answer is judged by the known value). This is how
 * Python would judge these particular programs; it is no sandbox for real model output. A fixed pool of
 * workers, each job taking the configured latency, models saturation.
 */
final class SimulatedSandbox implements Sandbox {

  private static final Pattern CALL = Pattern.compile("^assert\\s+([A-Za-z_][A-Za-z0-9_]*)\\((.*)\\)\\s*==\\s*(.+)$");

  private final Map<String, DomainProblem> byEntryPoint;
  private final Duration latency;
  private final ExecutorService workers;

  SimulatedSandbox(Map<String, DomainProblem> byEntryPoint, Duration latency, ExecutorService workers) {
    this.byEntryPoint = Map.copyOf(byEntryPoint);
    this.latency = latency;
    this.workers = workers;
  }

  @Override
  public CompletionStage<Verdict> run(SandboxJob job) {
    return CompletableFuture.supplyAsync(() -> {
      pause();
      return judge(job);
    }, workers);
  }

  Verdict judge(SandboxJob job) {
    List<String> tests = job.tests().lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    if (tests.isEmpty()) {
      return verdict(VerdictStatus.PASSED, "", "");
    }
    for (String test : tests) {
      Matcher m = CALL.matcher(test);
      DomainProblem p = m.matches() ? byEntryPoint.get(m.group(1)) : null;
      if (p == null) {
        return verdict(VerdictStatus.FAILED, test, "SIMULATED sandbox: not a call of a known function");
      }
      int def = job.program().lastIndexOf("def " + p.entryPoint() + "(");
      if (def < 0 || !job.program().substring(def).contains(p.body().stripTrailing())) {
        return verdict(VerdictStatus.FAILED, test, "SIMULATED sandbox: not the reference function");
      }
      if (!knownCase(p, m.group(2), m.group(3))) {
        return verdict(VerdictStatus.FAILED, test, "SIMULATED sandbox: wrong value");
      }
    }
    return verdict(VerdictStatus.PASSED, "", "");
  }

  private static boolean knownCase(DomainProblem p, String argument, String expected) {
    for (TestCase c : p.cases()) {
      if (Literals.same(c.argument(), argument) && Literals.same(c.expectedLiteral(), expected)) {
        return true;
      }
    }
    return false;
  }

  private Verdict verdict(VerdictStatus status, String failedTest, String message) {
    return new Verdict(status, failedTest, status == VerdictStatus.PASSED ? "" : "AssertionError", message,
        List.of(), latency.toMillis(), latency.toMillis(), "");
  }

  private void pause() {
    if (!latency.isZero()) {
      try {
        Thread.sleep(latency.toMillis(), latency.toNanosPart() % 1_000_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
