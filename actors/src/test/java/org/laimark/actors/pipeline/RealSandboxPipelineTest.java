package org.laimark.actors.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.laimark.actors.eval.Benchmarks;
import org.laimark.actors.pipeline.SampleGrader.SampleResult;
import org.laimark.actors.pipeline.tasks.TaskDeriver;
import org.laimark.actors.pipeline.tasks.TaskPrompts;
import org.laimark.actors.sandbox.SandboxService;
import org.laimark.config.SandboxSettings;
import org.laimark.data.Problem;
import org.laimark.data.io.Datasets;
import org.laimark.model.policy.Completion;
import org.laimark.model.policy.SimulatedAnswers;
import org.laimark.model.policy.SimulatedPolicy;

/** The pipeline actors judging model-written code in the real bubblewrap sandbox. */
@Tag("sandbox")
class RealSandboxPipelineTest {

  static ActorTestKit testKit;
  static SandboxService sandbox;

  static final Problem INC =
      Problem.induction(
          "inc",
          "def inc(x):\n    \"\"\"Return x plus one.\"\"\"\n",
          "assert inc(1) == 2\nassert inc(-1) == 0",
          "def inc(x):\n    return x + 1\n",
          "inc");

  @BeforeAll
  static void start() {
    testKit = ActorTestKit.create(TestSettings.config());
    sandbox =
        SandboxService.start(
            SandboxSettings.fromConfig(
                TestSettings.config(
                    "laimark.sandbox.limits.cpu = 1s", "laimark.sandbox.limits.wall = 2s")));
  }

  @AfterAll
  static void stop() {
    testKit.shutdownTestKit();
    sandbox.close();
  }

  private static Completion answer(String text) {
    return new Completion(new int[0], new int[0], text, new float[0], 0);
  }

  private static List<SampleResult> grade(Problem p, String... answers) {
    List<Completion> completions =
        java.util.Arrays.stream(answers).map(RealSandboxPipelineTest::answer).toList();
    return SampleGrader.grade(sandbox, p, completions, Duration.ofSeconds(60), "real", 0).join();
  }

  @Test
  void hangingAndCrashingAnswersReachTheCalibratorAsFailures() {
    SimulatedAnswers answers =
        new SimulatedAnswers(
            List.of("    return x + 1\n"),
            List.of(
                "    while True:\n        pass\n",
                "    import ctypes\n    return ctypes.string_at(0)\n"));
    SimulatedPolicy policy =
        SimulatedPolicy.builder(4).answerSource(k -> answers).defaultSkill(0.4).build();
    ActorRef<ModelAccess.Command> model =
        testKit.spawn(ModelAccess.create(policy, TestSettings.modelAccess()));
    ActorRef<Calibrator.Command> calibrator =
        testKit.spawn(
            Calibrator.create(
                TestSettings.calibrator("laimark.pipeline.calibrator.adaptive.enabled = false"),
                new TaskPrompts(TestSettings.tasks()),
                sandbox,
                model));
    TestProbe<Calibrator.CalibrationOutcome> asker = testKit.createTestProbe();

    calibrator.tell(new Calibrator.Calibrate(INC, asker.getRef()));
    Calibrator.Calibrated c =
        asker.expectMessageClass(Calibrator.Calibrated.class, Duration.ofSeconds(120));
    calibrator.tell(new Calibrator.Calibrate(INC, asker.getRef()));
    asker.expectMessageClass(Calibrator.Calibrated.class, Duration.ofSeconds(120));

    assertEquals(8, c.samples());
    assertEquals(c.passes(), (int) c.outcomes().getOrDefault("passed", 0));
    int stuck = c.outcomes().getOrDefault("cpu_limit", 0) + c.outcomes().getOrDefault("timeout", 0);
    int crashed = c.outcomes().getOrDefault("crashed", 0);
    assertTrue(stuck > 0 && crashed > 0, "outcomes " + c.outcomes());
    assertEquals(8, c.passes() + stuck + crashed, "outcomes " + c.outcomes());
  }

  @Test
  void anIndentedBodyPassesAndTheSameBodyStrippedFailsAsWritten() {
    List<SampleResult> results =
        grade(
            INC,
            "    y = x + 1\n    return y\n",
            "y = x + 1\n    return y\n",
            "return x + 1\n",
            "```python\ndef inc(x):\n    return x + 1\n```",
            "");

    assertTrue(results.get(0).passed(), results.get(0).toString());
    assertEquals("syntax_error", results.get(1).outcome());
    assertTrue(results.get(1).detail().startsWith("IndentationError"), results.get(1).toString());
    assertEquals("syntax_error", results.get(2).outcome());
    assertTrue(
        results.get(2).detail().contains("'return' outside function"), results.get(2).toString());
    assertTrue(results.get(3).passed(), results.get(3).toString());
    assertEquals("empty_answer", results.get(4).outcome());
  }

  @Test
  void deductionAndAbductionAnswersAreJudgedAsLiteralsOnly() {
    Problem pad =
        Problem.induction(
            "pad",
            "def pad(s, n):\n    \"\"\"Pad s with dots to n.\"\"\"\n",
            "assert pad('a', 3) == 'a..'\nassert pad('', 2) == '..'",
            "def pad(s, n):\n    return s.ljust(n, '.')\n",
            "pad");
    List<Problem> tasks = new TaskDeriver(1).derive(pad);
    Problem deduction = tasks.get(0);
    Problem abduction = tasks.get(1);

    List<SampleResult> dd =
        grade(deduction, "'a..'", "\"a..\"", "'a.'", "_result", "'a..' or True");
    List<SampleResult> ab =
        grade(abduction, "'a', 3", "'', 3", "'ab', 3", "*['a', 3]", "'a', 3) or (True");

    assertEquals(
        List.of(true, true, false, false, false), dd.stream().map(SampleResult::passed).toList());
    assertEquals("not_a_literal", dd.get(3).outcome());
    assertEquals("not_a_literal", dd.get(4).outcome());
    assertEquals(
        List.of(true, false, false, false, false), ab.stream().map(SampleResult::passed).toList());
    assertEquals("failed", ab.get(1).outcome());
    assertEquals("not_a_literal", ab.get(4).outcome());
  }

  @Test
  void theSeedCurriculumFlowsThroughEveryStage() {
    List<Problem> seed = Datasets.seedCurriculum().items().subList(0, 8);
    List<Problem> heldOut = Benchmarks.load("humaneval", null).tasks().subList(0, 6);
    SimulatedPolicy.Builder builder =
        SimulatedWorkload.policy(3, seed, 3).defaultSkill(0.5).trainGain(0.1);
    Map<String, SimulatedAnswers> table = SimulatedWorkload.answers(seed, new TaskDeriver(3));
    SimulatedPolicy policy =
        builder.answerSource(key -> heldOutAnswer(key, heldOut, table)).build();
    PipelineRun run = new PipelineRun(testKit, policy, sandbox, heldOut);

    PipelineRun.Summary s = run.runRounds(seed.size(), 3);

    System.out.println("seed curriculum through the actors (real sandbox, SIMULATED policy): " + s);
    assertEquals(seed.size(), s.proposed());
    assertTrue(s.verified() >= seed.size() - 2, s.toString());
    assertTrue(s.calibrated() > s.verified(), "derived tasks were calibrated too: " + s);
    assertTrue(s.rounds() > 0 && s.finalVersion() > 0, s.toString());
    assertTrue(s.evaluations() > 0, s.toString());
  }

  private static SimulatedAnswers heldOutAnswer(
      String key, List<Problem> heldOut, Map<String, SimulatedAnswers> table) {
    for (Problem task : heldOut) {
      if (key.equals("heldout:" + task.id())) {
        String body = task.solution().substring(task.prompt().length());
        return SimulatedAnswers.of(body, "    return None\n");
      }
    }
    return table.getOrDefault(key, SimulatedAnswers.NONE);
  }

  /** As the embedded model writes: three spellings of the name and values it could not compute. */
  static final String WRITTEN_WITH_WRONG_VALUES =
      "FUNCTION:\ndef evens_sum(nums: list[int]) -> int:\n    \"\"\"Keep the even numbers, then add them up.\"\"\"\n\n"
          + "TESTS:\nassert evens_sum_up([1, 2, 3, 4]) == 7\nassert evens_sum_up([6, 8]) == 1\n"
          + "assert evens_sum_up([5]) == 5\n\n"
          + "SOLUTION:\ndef evens_sum_up(nums: list[int]) -> int:\n"
          + "    \"\"\"Keep the even numbers, then add them up.\n\n    >>> evens_sum_up([2, 3, 4])\n    9\n    \"\"\"\n"
          + "    return sum(x for x in nums if x % 2 == 0)\n";

  private static Generator.ProposalOutcome proposeWithReferenceValues(String written) {
    return proposeWithReferenceValues(written, "laimark.pipeline.generator.expected-values = reference");
  }

  private static Generator.ProposalOutcome proposeWithReferenceValues(String written, String settings) {
    SimulatedPolicy policy = SimulatedPolicy.builder(3).problemTexts(List.of(written)).build();
    ActorRef<ModelAccess.Command> model =
        testKit.spawn(ModelAccess.create(policy, TestSettings.modelAccess()));
    ActorRef<Generator.Command> generator = testKit.spawn(Generator.create(
        TestSettings.generator(settings), model, sandbox));
    TestProbe<Generator.ProposalOutcome> asker = testKit.createTestProbe();
    generator.tell(new Generator.Propose(
        new org.laimark.actors.pipeline.proposal.ProposalPlan(TestSettings.generator()).fresh(0), asker.getRef()));
    return asker.expectMessageClass(Generator.ProposalOutcome.class, Duration.ofSeconds(60));
  }

  @Test
  void withReferenceValuesAWrittenProblemGetsItsValuesFromTheSandboxAndVerifies() {
    Generator.ProposalOutcome outcome = proposeWithReferenceValues(WRITTEN_WITH_WRONG_VALUES);

    Problem p = assertInstanceOf(Generator.Proposed.class, outcome, outcome.toString()).problem();
    assertEquals("evens_sum_up", p.entryPoint());
    assertEquals("assert evens_sum_up([1, 2, 3, 4]) == 6\nassert evens_sum_up([6, 8]) == 14\n"
        + "assert evens_sum_up([5]) == 0", p.tests());
    assertTrue(p.prompt().contains(">>> evens_sum_up([2, 3, 4])\n    6\n"), p.prompt());
    org.laimark.actors.verify.Verification v = new org.laimark.actors.verify.ProblemVerifier(
        sandbox, org.laimark.actors.verify.VerifierSettings.DEFAULTS).verify(p).toCompletableFuture().join();
    assertEquals(org.laimark.actors.verify.VerificationStatus.VERIFIED, v.status(), v.detail());
  }

  @Test
  void withReferenceValuesAReferenceThatHangsIsNotRunnable() {
    String hangs = WRITTEN_WITH_WRONG_VALUES.replace(
        "    return sum(x for x in nums if x % 2 == 0)\n", "    while True:\n        pass\n");

    Generator.ProposalOutcome outcome = proposeWithReferenceValues(hangs);

    Generator.ProposalRejected rejected = assertInstanceOf(Generator.ProposalRejected.class, outcome);
    assertEquals(org.laimark.actors.pipeline.proposal.ProposalRejection.REFERENCE_NOT_RUNNABLE, rejected.reason());
    assertTrue(rejected.detail().startsWith("timeout") || rejected.detail().startsWith("cpu_limit"),
        rejected.detail());
  }

  /** A reference that reverses before squaring under a docstring that squares first. */
  private static final String ORDER_SWAPPED =
      "FUNCTION:\ndef square_reversed_digits(n: int) -> int:\n    \"\"\"Stub.\"\"\"\n\n"
          + "TESTS:\nassert square_reversed_digits(7) == 0\nassert square_reversed_digits(13) == 0\n\n"
          + "SOLUTION:\ndef square_reversed_digits(n: int) -> int:\n"
          + "    \"\"\"Take an integer n: square the number, then reverse its digits, dropping any minus sign."
          + " Return the resulting integer.\"\"\"\n"
          + "    n = int(str(abs(n))[::-1])\n    n = n * n\n    return n\n";

  @Test
  void withTheSpecCheckTheSandboxTellsAReferenceThatDisagreesWithItsDocstringFromOneThatAgrees() {
    String swapped = ORDER_SWAPPED;
    String inOrder = swapped.replace("    n = int(str(abs(n))[::-1])\n    n = n * n\n",
        "    n = n * n\n    n = int(str(abs(n))[::-1])\n");
    String settings = "laimark.pipeline.generator { expected-values = reference, spec-check = domain }";

    Generator.ProposalOutcome mismatch = proposeWithReferenceValues(swapped, settings);
    Generator.ProposalOutcome kept = proposeWithReferenceValues(inOrder, settings);

    Generator.ProposalRejected rejected = assertInstanceOf(Generator.ProposalRejected.class, mismatch);
    assertEquals(org.laimark.actors.pipeline.proposal.ProposalRejection.SPEC_MISMATCH, rejected.reason());
    assertEquals("square_reversed_digits(7): the reference returns 49, the docstring says 94", rejected.detail());
    Problem p = assertInstanceOf(Generator.Proposed.class, kept, kept.toString()).problem();
    assertEquals("assert square_reversed_digits(7) == 94\nassert square_reversed_digits(13) == 961", p.tests());
  }

  @Test
  void withSpecValuesTheSandboxComputesWhatTheDocstringSaysNotWhatTheBodyDoes() {
    String swapped = ORDER_SWAPPED;

    Generator.ProposalOutcome outcome =
        proposeWithReferenceValues(swapped, "laimark.pipeline.generator.expected-values = spec");

    Problem p = assertInstanceOf(Generator.Proposed.class, outcome, outcome.toString()).problem();
    assertEquals("assert square_reversed_digits(7) == 94\nassert square_reversed_digits(13) == 961", p.tests());
    assertTrue(p.solution().contains("    n = n * n\n    n = int(str(abs(n))[::-1])\n"), p.solution());
  }
}
