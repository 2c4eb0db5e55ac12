package org.laimark.actors.verify;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.laimark.actors.sandbox.Sandbox;
import org.laimark.data.Problem;
import org.laimark.data.SandboxJob;
import org.laimark.data.TaskType;
import org.laimark.data.Verdict;
import org.laimark.data.VerdictStatus;

/**
 * Verifies one problem through a {@link Sandbox}: (1) the reference runs against the tests in every
 * {@link World}; only if it passes everywhere, (2) every {@link TrivialSolution} runs in every
 * world. The runs of each step go to the sandbox at once; the sandbox's pool decides how many
 * execute in parallel. {@link VerdictReading} turns the verdicts into a {@link Verification}.
 *
 * <p>Deduction problems are checked as {@code assert CALL == EXPECTED} with the given code (step 1
 * only: the model does not write the function, so trivial functions prove nothing). Abduction
 * problems carry no reference input and are {@link VerificationStatus#UNVERIFIABLE}. Stateless and
 * thread-safe.
 */
public final class ProblemVerifier {
  private final Sandbox sandbox;
  private final VerifierSettings settings;

  public ProblemVerifier(Sandbox sandbox, VerifierSettings settings) {
    this.sandbox = sandbox;
    this.settings = settings;
  }

  /**
   * Never completes exceptionally: sandbox trouble becomes {@link VerificationStatus#INFRA_ERROR}.
   */
  public CompletionStage<Verification> verify(Problem problem) {
    if (problem.taskType() == TaskType.ABDUCTION) {
      return CompletableFuture.completedFuture(
          Verification.notRun(
              problem.id(),
              VerificationStatus.UNVERIFIABLE,
              "abduction problems carry no reference input to check"));
    }
    String tests = testsOf(problem);
    if (tests.lines().map(String::strip).allMatch(l -> l.isEmpty() || l.startsWith("#"))) {
      return CompletableFuture.completedFuture(
          Verification.notRun(
              problem.id(), VerificationStatus.MALFORMED, "the tests hold no statement to run"));
    }
    String program =
        problem.taskType() == TaskType.DEDUCTION
            ? problem.deduction().code()
            : problem.programFor(problem.solution());
    return runEverywhere(problem.id() + "/reference", program, tests, settings.referenceWorlds())
        .thenCompose(reference -> afterReference(problem, tests, reference));
  }

  private CompletionStage<Verification> afterReference(
      Problem problem, String tests, List<Verdict> reference) {
    List<World> worlds = settings.referenceWorlds();
    if (VerdictReading.infraError(reference)) {
      return done(infra(problem, reference, worlds.size()));
    }
    List<Finding> findings = VerdictReading.reference(worlds, reference);
    if (!findings.isEmpty() || problem.taskType() == TaskType.DEDUCTION) {
      return done(conclude(problem, findings, reference.get(0), worlds.size()));
    }
    return runTrivialSolutions(problem, tests)
        .thenApply(
            verdicts -> {
              int runs = settings.fullRuns();
              if (verdicts.values().stream().anyMatch(VerdictReading::infraError)) {
                List<Verdict> all = new ArrayList<>();
                verdicts.values().forEach(all::addAll);
                return infra(problem, all, runs);
              }
              List<Finding> found =
                  VerdictReading.trivialSolutions(settings.trivialWorlds(), verdicts);
              return conclude(problem, found, reference.get(0), runs);
            });
  }

  /**
   * Every trivial solution, defined after the reference and before the test setup, in every world.
   */
  private CompletableFuture<Map<TrivialSolution, List<Verdict>>> runTrivialSolutions(
      Problem problem, String tests) {
    Map<TrivialSolution, CompletableFuture<List<Verdict>>> runs =
        new EnumMap<>(TrivialSolution.class);
    for (TrivialSolution trivial : TrivialSolution.values()) {
      String label = problem.id() + "/" + trivial.name().toLowerCase(Locale.ROOT);
      String program =
          problem.programFor(problem.solution() + "\n\n" + trivial.source(problem.entryPoint()));
      runs.put(trivial, runEverywhere(label, program, tests, settings.trivialWorlds()));
    }
    return CompletableFuture.allOf(runs.values().toArray(CompletableFuture[]::new))
        .thenApply(
            ignored -> {
              Map<TrivialSolution, List<Verdict>> verdicts = new EnumMap<>(TrivialSolution.class);
              runs.forEach((trivial, run) -> verdicts.put(trivial, run.join()));
              return verdicts;
            });
  }

  private Verification conclude(
      Problem problem, List<Finding> findings, Verdict reference, int runs) {
    VerificationStatus status = VerdictReading.status(findings);
    String detail = VerdictReading.detail(findings, settings.referenceWorlds().size());
    return new Verification(problem.id(), status, detail, findings, reference, runs);
  }

  private static Verification infra(Problem problem, List<Verdict> verdicts, int runs) {
    Verdict failed =
        verdicts.stream()
            .filter(v -> v.status() == VerdictStatus.INFRA_ERROR)
            .findFirst()
            .orElseThrow();
    return new Verification(
        problem.id(),
        VerificationStatus.INFRA_ERROR,
        "the sandbox failed on our side, so nothing is known about this problem: "
            + failed.message(),
        List.of(),
        null,
        runs);
  }

  private static String testsOf(Problem problem) {
    return problem.taskType() == TaskType.DEDUCTION
        ? "assert " + problem.deduction().call() + " == " + problem.deduction().expected()
        : problem.tests();
  }

  /** One job per world, all submitted at once; the list follows the order of the worlds. */
  private CompletableFuture<List<Verdict>> runEverywhere(
      String label, String program, String tests, List<World> worlds) {
    List<CompletableFuture<Verdict>> runs = new ArrayList<>();
    for (World world : worlds) {
      SandboxJob job =
          new SandboxJob(
              label + "@" + world.name(), program, tests, world.options(settings.cpuLimit()));
      runs.add(runGuarded(job));
    }
    return CompletableFuture.allOf(runs.toArray(CompletableFuture[]::new))
        .thenApply(ignored -> runs.stream().map(CompletableFuture::join).toList());
  }

  /**
   * The job's verdict; a sandbox that throws, fails the stage or stays silent past the deadline →
   * infra_error.
   */
  private CompletableFuture<Verdict> runGuarded(SandboxJob job) {
    CompletableFuture<Verdict> reply;
    try {
      reply = sandbox.run(job).toCompletableFuture().copy();
    } catch (RuntimeException e) {
      reply = CompletableFuture.failedFuture(e);
    }
    long deadline = settings.answerDeadline().toMillis();
    return reply
        .orTimeout(deadline, TimeUnit.MILLISECONDS)
        .handle(
            (verdict, failure) ->
                failure == null ? verdict : Verdict.infraError(why(job, failure)));
  }

  private String why(SandboxJob job, Throwable failure) {
    Throwable cause =
        failure instanceof CompletionException && failure.getCause() != null
            ? failure.getCause()
            : failure;
    return cause instanceof TimeoutException
        ? String.format(
            Locale.ROOT,
            "no verdict for %s within %.1f s",
            job.id(),
            settings.answerDeadline().toMillis() / 1000.0)
        : "sandbox failed on " + job.id() + ": " + cause;
  }

  private static CompletionStage<Verification> done(Verification v) {
    return CompletableFuture.completedFuture(v);
  }
}
