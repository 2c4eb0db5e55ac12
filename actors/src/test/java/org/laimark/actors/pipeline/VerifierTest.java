package org.laimark.actors.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.laimark.actors.eval.Benchmarks;
import org.laimark.actors.eval.ContaminationGuard;
import org.laimark.actors.sandbox.Sandbox;
import org.laimark.actors.verify.ProblemVerifier;
import org.laimark.actors.verify.VerifierSettings;
import org.laimark.config.EvalSettings;
import org.laimark.data.Problem;
import org.laimark.data.Verdict;
import org.laimark.data.VerdictStatus;

class VerifierTest {

  static final ActorTestKit testKit = ActorTestKit.create(TestSettings.config());

  @AfterAll
  static void shutdown() {
    testKit.shutdownTestKit();
  }

  /**
   * Passes a program whose last definition carries the marker: the reference alone, not a trivial
   * stand-in.
   */
  static final ScriptedSandbox SANDBOX =
      ScriptedSandbox.of(
          job -> {
            String last = job.program().substring(job.program().lastIndexOf("def "));
            return ScriptedSandbox.verdict(
                last.contains(ScriptedSandbox.RIGHT) ? VerdictStatus.PASSED : VerdictStatus.FAILED,
                "");
          });

  private Verifier.VerifyOutcome verify(
      Sandbox sandbox, Verifier.ContaminationCheck guard, Problem p) {
    ActorRef<Verifier.Command> verifier =
        testKit.spawn(
            Verifier.create(new ProblemVerifier(sandbox, VerifierSettings.DEFAULTS), guard));
    TestProbe<Verifier.VerifyOutcome> asker = testKit.createTestProbe();
    verifier.tell(new Verifier.Verify(p, asker.getRef()));
    return asker.receiveMessage(java.time.Duration.ofSeconds(10));
  }

  @Test
  void aProblemWhoseReferencePassesAndWhoseTestsRejectTrivialSolutionsIsVerified() {
    Problem p = TestProblems.problem("ok_one");

    Verifier.VerifyOutcome outcome = verify(SANDBOX, Verifier.ContaminationCheck.NONE, p);

    assertTrue(outcome instanceof Verifier.Verified, outcome.toString());
    assertEquals(p, outcome.problem());
  }

  @Test
  void aFailingReferenceIsRejectedWithItsReason() {
    Problem p =
        TestProblems.problem("bad_one").toBuilder()
            .solution("def bad_one(x):\n    return x\n")
            .build();

    Verifier.VerifyOutcome outcome = verify(SANDBOX, Verifier.ContaminationCheck.NONE, p);

    assertEquals("reference_failed", ((Verifier.VerificationRejected) outcome).reason());
  }

  @Test
  void aContaminatedProblemIsRejectedBeforeAnythingRuns() {
    ScriptedSandbox sandbox = ScriptedSandbox.byMarkers();

    Verifier.VerifyOutcome outcome =
        verify(
            sandbox,
            p -> Optional.of("overlaps evaluation task HumanEval/0"),
            TestProblems.problem("copy"));

    assertEquals(
        new Verifier.VerificationRejected(
            TestProblems.problem("copy"), "contaminated", "overlaps evaluation task HumanEval/0"),
        outcome);
    assertTrue(sandbox.jobs().isEmpty());
  }

  @Test
  void theEvaluationGuardFlagsABenchmarkProblem() {
    List<Problem> humanEval = Benchmarks.load("humaneval", null).tasks();
    ContaminationGuard guard =
        ContaminationGuard.against(
            List.of("humaneval"), EvalSettings.fromConfig(TestSettings.config()).contamination());

    Verifier.VerifyOutcome outcome =
        verify(SANDBOX, Verifier.ContaminationCheck.of(guard), humanEval.get(0));

    Verifier.VerificationRejected rejected = (Verifier.VerificationRejected) outcome;
    assertEquals("contaminated", rejected.reason());
    assertTrue(rejected.detail().contains("HumanEval/0"), rejected.detail());
  }

  @Test
  void sandboxTroubleOnOurSideIsAFailureNotARejection() {
    Sandbox down = ScriptedSandbox.of(job -> Verdict.infraError("worker could not start"));

    Verifier.VerifyOutcome outcome =
        verify(down, Verifier.ContaminationCheck.NONE, TestProblems.problem("x1"));

    assertTrue(outcome instanceof Verifier.VerificationFailed, outcome.toString());
  }
}
