package org.laimark.actors.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.laimark.actors.verify.ScriptedSandbox.failedAt;
import static org.laimark.actors.verify.ScriptedSandbox.of;
import static org.laimark.actors.verify.ScriptedSandbox.passed;
import static org.laimark.actors.verify.ScriptedSandbox.trivialIn;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.laimark.data.Abduction;
import org.laimark.data.Deduction;
import org.laimark.data.Problem;
import org.laimark.data.SandboxJob;
import org.laimark.data.TaskType;
import org.laimark.data.Verdict;
import org.laimark.data.VerdictStatus;

class ProblemVerifierTest {
  private static final String TEST_1 = "assert add_one(1) == 2";
  private static final Problem PROBLEM =
      Problem.induction(
          "add_one",
          "def add_one(x):",
          TEST_1 + "\nassert add_one(2) == 3",
          "def add_one(x):\n    return x + 1\n",
          "add_one");
  private static final VerifierSettings SETTINGS = VerifierSettings.DEFAULTS;
  private static final int WORLDS = SETTINGS.referenceWorlds().size();

  @Test
  void verifiesWhenTheReferencePassesEverywhereAndEveryTrivialSolutionFails() {
    ScriptedSandbox sandbox = script(job -> isReference(job) ? passed() : failedAt(TEST_1));

    Verification v = verify(sandbox, PROBLEM);

    assertEquals(VerificationStatus.VERIFIED, v.status());
    assertEquals(List.of(), v.findings());
    assertEquals(WORLDS + 8 * 7, v.runs());
    assertEquals(SETTINGS.fullRuns(), sandbox.jobs.size());
    assertEquals(VerdictStatus.PASSED, v.reference().status());
  }

  @Test
  void runsTheReferenceInEveryWorldWithItsHashSeedAndClockShift() {
    ScriptedSandbox sandbox = script(job -> isReference(job) ? passed() : failedAt(TEST_1));

    verify(sandbox, PROBLEM);

    Set<String> seen =
        sandbox.jobs.stream()
            .filter(ProblemVerifierTest::isReference)
            .map(j -> j.options().hashSeed() + "/" + j.options().clockShift())
            .collect(Collectors.toSet());
    Set<String> expected =
        SETTINGS.referenceWorlds().stream()
            .map(w -> w.hashSeed() + "/" + w.clockShift())
            .collect(Collectors.toSet());
    assertEquals(expected, seen);
    assertTrue(sandbox.jobs.stream().allMatch(j -> j.tests().equals(PROBLEM.tests())));
  }

  @Test
  void aReferenceThatFailsEverywhereIsReferenceFailedAndNoTrivialSolutionRuns() {
    ScriptedSandbox sandbox = script(job -> failedAt(TEST_1));

    Verification v = verify(sandbox, PROBLEM);

    assertEquals(VerificationStatus.REFERENCE_FAILED, v.status());
    assertEquals(WORLDS, sandbox.jobs.size());
    assertEquals(List.of(new Finding.ReferenceFailed("base", failedAt(TEST_1))), v.findings());
    assertEquals(
        "the reference solution failed at `assert add_one(1) == 2` (AssertionError) (base)",
        v.detail());
  }

  @Test
  void aReferenceThatFailsOnlyOnSomeDaysIsNondeterministic() {
    ScriptedSandbox sandbox =
        script(
            job ->
                job.options().clockShift().equals(Duration.ofDays(2))
                    ? failedAt(TEST_1)
                    : passed());

    Verification v = verify(sandbox, PROBLEM);

    assertEquals(VerificationStatus.NONDETERMINISTIC, v.status());
    assertEquals(
        new Finding.WorldDependent(
            "the reference solution", "base", passed(), "clock+2d", failedAt(TEST_1)),
        v.findings().get(1));
    assertTrue(
        v.detail().startsWith("the tests judge the reference solution differently"), v.detail());
  }

  @Test
  void aTrivialSolutionThatPassesEveryTestMakesTheTestsVacuous() {
    ScriptedSandbox sandbox =
        script(
            job ->
                isReference(job) || trivialIn(job, "add_one") == TrivialSolution.RETURNS_ZERO
                    ? passed()
                    : failedAt(TEST_1));

    Verification v = verify(sandbox, PROBLEM);

    assertEquals(VerificationStatus.VACUOUS_TESTS, v.status());
    Finding.TrivialPass pass = (Finding.TrivialPass) v.findings().get(0);
    assertEquals(TrivialSolution.RETURNS_ZERO, pass.candidate());
    assertEquals(SETTINGS.trivialWorlds().size(), pass.worlds().size());
    assertEquals("the trivial solution 'return 0' passes every test in all 8 worlds", v.detail());
  }

  @Test
  void testsThatAcceptATrivialSolutionOnlyOnSomeDaysAreNondeterministicAndVacuous() {
    // The study's weekday problem: 'return None' fails on the day a test really checks, passes
    // otherwise.
    ScriptedSandbox sandbox =
        script(
            job -> {
              if (isReference(job) || trivialIn(job, "add_one") == TrivialSolution.RETURNS_ZERO) {
                return passed();
              }
              return job.options().clockShift().isZero() ? failedAt(TEST_1) : passed();
            });

    Verification v = verify(sandbox, PROBLEM);

    assertEquals(VerificationStatus.NONDETERMINISTIC, v.status());
    assertTrue(
        v.findings().stream()
            .anyMatch(
                f ->
                    f instanceof Finding.TrivialPass
                        && ((Finding.TrivialPass) f).candidate() == TrivialSolution.RETURNS_ZERO));
    assertTrue(
        v.findings()
            .contains(
                new Finding.WorldDependent(
                    "the trivial solution 'return None'",
                    "base",
                    failedAt(TEST_1),
                    "clock+12h",
                    passed())),
        v.findings().toString());
  }

  @Test
  void aTrivialSolutionHittingTheTimeLimitInSomeWorldsIsNotNondeterminism() {
    ScriptedSandbox sandbox =
        script(
            job ->
                isReference(job)
                    ? passed()
                    : job.options().clockShift().equals(Duration.ofDays(3))
                        ? of(VerdictStatus.TIMEOUT)
                        : failedAt(TEST_1));

    Verification v = verify(sandbox, PROBLEM);

    assertEquals(VerificationStatus.VERIFIED, v.status());
  }

  @Test
  void aReferenceHittingTheTimeLimitInAnyWorldFails() {
    ScriptedSandbox sandbox =
        script(job -> job.options().hashSeed() == 2 ? of(VerdictStatus.CPU_LIMIT) : passed());

    Verification v = verify(sandbox, PROBLEM);

    assertEquals(VerificationStatus.REFERENCE_FAILED, v.status());
    assertEquals("hash=2", ((Finding.ReferenceFailed) v.findings().get(0)).world());
  }

  @Test
  void anInfrastructureErrorAnywhereMeansNothingIsKnown() {
    ScriptedSandbox sandbox =
        script(
            job ->
                trivialIn(job, "add_one") == TrivialSolution.RETURNS_TRUE
                        && job.options().clockShift().equals(Duration.ofDays(5))
                    ? Verdict.infraError("worker could not start")
                    : passed());

    Verification v = verify(sandbox, PROBLEM);

    assertEquals(VerificationStatus.INFRA_ERROR, v.status());
    assertTrue(v.detail().endsWith("worker could not start"), v.detail());
  }

  @Test
  void aSandboxThatThrowsOrNeverAnswersBecomesAnInfrastructureError() {
    ScriptedSandbox throwing =
        script(
            job -> {
              throw new IllegalStateException("pool closed");
            });
    ScriptedSandbox silent = script(job -> null);
    VerifierSettings quick =
        new VerifierSettings(
            World.clockShifts(1), World.clockShifts(1), null, Duration.ofMillis(200));

    Verification thrown =
        new ProblemVerifier(throwing, quick).verify(PROBLEM).toCompletableFuture().join();
    Verification timedOut =
        new ProblemVerifier(silent, quick).verify(PROBLEM).toCompletableFuture().join();

    assertEquals(VerificationStatus.INFRA_ERROR, thrown.status());
    assertTrue(thrown.detail().contains("pool closed"), thrown.detail());
    assertEquals(VerificationStatus.INFRA_ERROR, timedOut.status());
    assertTrue(
        timedOut.detail().contains("no verdict for add_one/reference@base within 0.2 s"),
        timedOut.detail());
  }

  @Test
  void trivialSolutionsAreDefinedAfterTheReferenceAndBeforeTheTestSetup() {
    Problem withSetup = PROBLEM.toBuilder().testSetupCode("root = make_tree()").build();
    ScriptedSandbox sandbox = script(job -> isReference(job) ? passed() : failedAt(TEST_1));

    verify(sandbox, withSetup);

    SandboxJob none =
        sandbox.jobs.stream()
            .filter(j -> trivialIn(j, "add_one") == TrivialSolution.RETURNS_NONE)
            .findFirst()
            .orElseThrow();
    String program = none.program();
    assertTrue(program.indexOf("return x + 1") < program.indexOf("def add_one(*args, **kwargs)"));
    assertTrue(
        program.indexOf("def add_one(*args, **kwargs)") < program.indexOf("root = make_tree()"));
  }

  @Test
  void deductionProblemsCheckTheExpectedOutputWithTheGivenCodeOnly() {
    Problem deduction =
        new Problem.Builder("dd", TaskType.DEDUCTION)
            .prompt("what is f(2)?")
            .deduction(new Deduction("def f(x):\n    return 2 * x\n", "f", "2", "4"))
            .build();
    ScriptedSandbox sandbox = script(job -> passed());

    Verification v = verify(sandbox, deduction);

    assertEquals(VerificationStatus.VERIFIED, v.status());
    assertEquals(WORLDS, sandbox.jobs.size());
    assertEquals("assert f(2) == 4", sandbox.jobs.get(0).tests());
    assertEquals("def f(x):\n    return 2 * x\n", sandbox.jobs.get(0).program());
  }

  @Test
  void abductionProblemsAreUnverifiableWithoutRunningAnything() {
    Problem abduction =
        new Problem.Builder("ab", TaskType.ABDUCTION)
            .prompt("find x")
            .abduction(new Abduction("def g(x):\n    return x\n", "g", "[1]"))
            .build();
    ScriptedSandbox sandbox = script(job -> passed());

    Verification v = verify(sandbox, abduction);

    assertEquals(VerificationStatus.UNVERIFIABLE, v.status());
    assertEquals(0, sandbox.jobs.size());
  }

  @Test
  void testsWithNoStatementAreMalformed() {
    Problem commentsOnly = PROBLEM.toBuilder().tests("# assert add_one(1) == 2\n   \n").build();
    ScriptedSandbox sandbox = script(job -> passed());

    Verification v = verify(sandbox, commentsOnly);

    assertEquals(VerificationStatus.MALFORMED, v.status());
    assertEquals(0, sandbox.jobs.size());
  }

  private static boolean isReference(SandboxJob job) {
    return trivialIn(job, "add_one") == null;
  }

  private static ScriptedSandbox script(Function<SandboxJob, Verdict> script) {
    return new ScriptedSandbox(script);
  }

  private static Verification verify(ScriptedSandbox sandbox, Problem problem) {
    return new ProblemVerifier(sandbox, VerifierSettings.DEFAULTS)
        .verify(problem)
        .toCompletableFuture()
        .join();
  }
}
