package org.laimark.actors.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.laimark.actors.sandbox.SandboxService;
import org.laimark.config.LaimarkConfig;
import org.laimark.config.SandboxSettings;
import org.laimark.data.Problem;
import org.laimark.data.benchmark.HumanEvalTask;
import org.laimark.data.benchmark.MbppTask;
import org.laimark.data.io.Datasets;

/** The verifier on real problems through the real sandbox (bubblewrap). */
@Tag("sandbox")
class ProblemVerifierSandboxTest {
  private static SandboxService sandbox;
  private static ProblemVerifier verifier;

  @BeforeAll
  static void startSandbox() {
    sandbox = SandboxService.start(SandboxSettings.fromConfig(LaimarkConfig.defaults()));
    verifier = new ProblemVerifier(sandbox, VerifierSettings.DEFAULTS);
  }

  @AfterAll
  static void stopSandbox() {
    sandbox.close();
  }

  @Test
  void flagsTheStudysWeekdayProblemAndVerifiesTheRestOfItsCurriculum() {
    Map<String, Verification> results = verifyAll(Datasets.seedCurriculum().items());

    Verification weekday = results.remove("days_until_next_weekday");
    assertEquals(VerificationStatus.NONDETERMINISTIC, weekday.status(), weekday.detail());
    assertTrue(
        weekday.findings().stream()
            .anyMatch(
                f ->
                    f instanceof Finding.TrivialPass
                        && ((Finding.TrivialPass) f).candidate() == TrivialSolution.RETURNS_ZERO
                        && ((Finding.TrivialPass) f).worlds().size() == 8),
        weekday.findings().toString());
    assertEquals(21, results.size());
    results
        .values()
        .forEach(v -> assertEquals(VerificationStatus.VERIFIED, v.status(), v.detail()));
  }

  @Test
  void judgesKnownBenchmarkProblemsAsTheyAre() {
    List<Problem> problems = new ArrayList<>();
    List<HumanEvalTask> humanEval = Datasets.humanEval().items();
    problems.add(humanEval.get(0).toProblem());
    problems.add(humanEval.get(32).toProblem());
    List<MbppTask> mbpp = Datasets.mbpp().items();
    for (int taskId : new int[] {1, 367, 404, 596}) {
      problems.add(mbpp.get(taskId - 1).toProblem());
    }

    Map<String, Verification> results = verifyAll(problems);

    assertEquals(VerificationStatus.VERIFIED, results.get("HumanEval/0").status());
    assertEquals(VerificationStatus.VERIFIED, results.get("HumanEval/32").status());
    assertEquals(VerificationStatus.VERIFIED, results.get("MBPP/1").status());
    assertEquals(
        VerificationStatus.VERIFIED, results.get("MBPP/367").status(), "uses test_setup_code");
    Verification minimum = results.get("MBPP/404");
    assertEquals(VerificationStatus.VACUOUS_TESTS, minimum.status());
    assertEquals(
        "the trivial solution 'return its first argument' passes every test in all 8 worlds",
        minimum.detail());
    Verification tupleSize = results.get("MBPP/596");
    assertEquals(VerificationStatus.REFERENCE_FAILED, tupleSize.status());
    assertTrue(tupleSize.detail().contains("== 104"), tupleSize.detail());
  }

  @Test
  void testsCorrectForEveryDayStillRejectOnlyOnSomeDaysAConstant() {
    Problem weekday =
        Problem.induction(
            "weekday_today",
            "def weekday_today():",
            "import datetime\nassert weekday_today() == datetime.date.today().weekday()",
            "import datetime\ndef weekday_today():\n    return datetime.date.today().weekday()\n",
            "weekday_today");

    Verification v = verifier.verify(weekday).toCompletableFuture().join();

    assertEquals(VerificationStatus.NONDETERMINISTIC, v.status(), v.detail());
    assertTrue(v.detail().startsWith("the tests judge the trivial solution"), v.detail());
    assertTrue(v.findings().stream().noneMatch(f -> f instanceof Finding.ReferenceFailed));
  }

  @Test
  void aReferenceThatDependsOnStringHashOrderIsNondeterministic() {
    String words = "['pear', 'fig', 'kiwi', 'plum', 'lime', 'date']";
    Problem hashOrder =
        Problem.induction(
            "distinct_words",
            "def distinct_words(words):",
            "assert distinct_words(" + words + ") == " + underSeedZero("list(set(" + words + "))"),
            "def distinct_words(words):\n    return list(set(words))\n",
            "distinct_words");

    Verification v = verifier.verify(hashOrder).toCompletableFuture().join();

    assertEquals(VerificationStatus.NONDETERMINISTIC, v.status(), v.detail());
    Finding.WorldDependent dependence =
        (Finding.WorldDependent)
            v.findings().stream()
                .filter(f -> f instanceof Finding.WorldDependent)
                .findFirst()
                .orElseThrow();
    assertEquals("hash=1", dependence.otherWorld(), dependence.toString());
  }

  /**
   * Verifies through a {@link VerificationRun}, as the CLI does, so the sandbox queue stays
   * bounded.
   */
  private static Map<String, Verification> verifyAll(List<Problem> problems) {
    List<VerificationRun.Entry> entries = new ArrayList<>();
    for (int i = 0; i < problems.size(); i++) {
      entries.add(new VerificationRun.Entry(i + 1, problems.get(i), null));
    }
    Map<String, Verification> results = new HashMap<>();
    try {
      new VerificationRun(verifier, 4).run("test", entries, (row, v) -> results.put(v.id(), v));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    assertEquals(problems.size(), results.size());
    return results;
  }

  /** repr of a (test-authored) expression under PYTHONHASHSEED=0 in the sandbox's interpreter. */
  private static String underSeedZero(String expression) {
    try {
      ProcessBuilder python =
          new ProcessBuilder(
                  SandboxSettings.fromConfig(LaimarkConfig.defaults()).python().toString(),
                  "-S",
                  "-c",
                  "print(repr(" + expression + "))")
              .redirectErrorStream(true);
      python.environment().put("PYTHONHASHSEED", "0");
      Process p = python.start();
      p.getOutputStream().close();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      assertEquals(0, p.waitFor(), out);
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
