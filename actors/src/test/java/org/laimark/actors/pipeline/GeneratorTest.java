package org.laimark.actors.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.laimark.actors.pipeline.proposal.ProposalPlan;
import org.laimark.actors.pipeline.proposal.ProposalRejection;
import org.laimark.actors.pipeline.proposal.ProposalSpec;
import org.laimark.config.GeneratorSettings;
import org.laimark.data.Problem;
import org.laimark.model.policy.ChatMessage;
import org.laimark.model.policy.SimulatedPolicy;

class GeneratorTest {

  static final ActorTestKit testKit = ActorTestKit.create(TestSettings.config());
  static final GeneratorSettings SETTINGS =
      TestSettings.generator("laimark.pipeline.generator.timeout = 2s");
  static final ProposalPlan PLAN = new ProposalPlan(SETTINGS);
  static final Problem SQUARE = TestProblems.problem("square_plus");

  @AfterAll
  static void shutdown() {
    testKit.shutdownTestKit();
  }

  private ActorRef<Generator.Command> generator(RecordingPolicy policy) {
    ActorRef<ModelAccess.Command> model =
        testKit.spawn(ModelAccess.create(policy, TestSettings.modelAccess()));
    return testKit.spawn(Generator.create(SETTINGS, model, null));
  }

  private static RecordingPolicy writing(double malformed) {
    return new RecordingPolicy(
        SimulatedPolicy.builder(3)
            .problemTexts(List.of(SimulatedWorkload.proposalText(SQUARE)))
            .malformedFraction(malformed)
            .build());
  }

  @Test
  void proposesTheProblemThePolicyWrote() {
    ActorRef<Generator.Command> generator = generator(writing(0));
    TestProbe<Generator.ProposalOutcome> asker = testKit.createTestProbe();
    ProposalSpec.FreshProblem spec = PLAN.fresh(21);

    generator.tell(new Generator.Propose(spec, asker.getRef()));

    Generator.Proposed proposed = asker.expectMessageClass(Generator.Proposed.class);
    Problem p = proposed.problem();
    assertEquals(spec, proposed.spec());
    assertEquals("square_plus", p.entryPoint());
    assertEquals("list operations", p.topic());
    assertEquals("medium", p.difficulty());
    assertEquals(SQUARE.tests(), p.tests());
    assertEquals(SQUARE.prompt(), p.prompt());
    assertEquals("self-generated", p.source());
  }

  @Test
  void malformedProposalsAreAnsweredWithTheirReasonAndCounted() {
    ActorRef<Generator.Command> generator = generator(writing(1.0));
    TestProbe<Generator.ProposalOutcome> asker = testKit.createTestProbe();
    TestProbe<Generator.GeneratorStats> stats = testKit.createTestProbe();

    for (int i = 0; i < 20; i++) {
      generator.tell(new Generator.Propose(PLAN.fresh(i), asker.getRef()));
    }
    List<Generator.ProposalOutcome> outcomes = asker.receiveSeveralMessages(20);
    generator.tell(new Generator.GetStats(stats.getRef()));

    assertTrue(outcomes.stream().allMatch(o -> o instanceof Generator.ProposalRejected));
    Generator.GeneratorStats counted = stats.receiveMessage();
    assertEquals(20, counted.rejected().values().stream().mapToLong(Long::longValue).sum());
    assertEquals(0, counted.proposed());
    assertTrue(counted.rejected().size() >= 3, "reasons seen: " + counted.rejected());
  }

  @Test
  void aModelThatFailsOrDoesNotAnswerIsAFailureReply() {
    RecordingPolicy failing = writing(0);
    failing.failing(true);
    RecordingPolicy silent = writing(0);
    silent.close(true);
    TestProbe<Generator.ProposalOutcome> asker = testKit.createTestProbe();

    generator(failing).tell(new Generator.Propose(PLAN.fresh(0), asker.getRef()));
    Generator.ProposalFailed failed = asker.expectMessageClass(Generator.ProposalFailed.class);
    generator(silent).tell(new Generator.Propose(PLAN.fresh(1), asker.getRef()));
    Generator.ProposalFailed timedOut =
        asker.expectMessageClass(Generator.ProposalFailed.class, Duration.ofSeconds(5));
    silent.open();

    assertTrue(failed.reason().contains("simulated model failure"), failed.reason());
    assertTrue(timedOut.reason().contains("no answer from the model within"), timedOut.reason());
  }

  @Test
  void aHarderVariantShowsTheAcceptedProblemAndKeepsItsTopic() {
    TestProbe<ModelAccess.Command> model = testKit.createTestProbe();
    ActorRef<Generator.Command> generator =
        testKit.spawn(Generator.create(SETTINGS, model.getRef(), null));
    TestProbe<Generator.ProposalOutcome> asker = testKit.createTestProbe();
    Problem parent = SQUARE.toBuilder().topic("math").build();

    generator.tell(new Generator.Propose(PLAN.harder(5, parent), asker.getRef()));
    ModelAccess.Generate ask = model.expectMessageClass(ModelAccess.Generate.class);
    ChatMessage user =
        ask.requests().get(0).messages().get(ask.requests().get(0).messages().size() - 1);
    SimulatedPolicy writer =
        SimulatedPolicy.builder(1)
            .problemTexts(
                List.of(SimulatedWorkload.proposalText(TestProblems.problem("cube_plus"))))
            .build();
    ask.replyTo().tell(new ModelAccess.Generated(writer.generate(ask.requests()), 4));

    assertTrue(user.content().contains(SQUARE.prompt().strip()));
    assertTrue(user.content().contains("assert square_plus(1) == 2"));
    assertEquals("propose-harder:square_plus", ask.requests().get(0).taskKey());
    Generator.Proposed proposed = asker.expectMessageClass(Generator.Proposed.class);
    assertEquals("math", proposed.problem().topic());
    assertEquals("harder than square_plus", proposed.problem().difficulty());
    assertEquals(4, proposed.policyVersion());
  }

  @Test
  void theProposalPlanVisitsEveryTopicAtEveryDifficultyBeforeRepeating() {
    java.util.Set<String> seen = new java.util.HashSet<>();

    for (int i = 0; i < PLAN.cycleLength(); i++) {
      ProposalSpec.FreshProblem spec = PLAN.fresh(i);
      seen.add(spec.topic() + "/" + spec.difficulty());
    }

    assertEquals(60, seen.size());
    assertEquals(PLAN.fresh(0), new ProposalSpec.FreshProblem(0, "string manipulation", "easy"));
  }

  @Test
  void rejectionReasonsCoverEveryCorruptionTheSimulatedPolicyMakes() {
    ActorRef<Generator.Command> generator = generator(writing(1.0));
    TestProbe<Generator.ProposalOutcome> asker = testKit.createTestProbe();

    for (int i = 0; i < 60; i++) {
      generator.tell(new Generator.Propose(PLAN.fresh(i), asker.getRef()));
    }

    java.util.Set<ProposalRejection> reasons = new java.util.HashSet<>();
    asker
        .receiveSeveralMessages(60)
        .forEach(o -> reasons.add(((Generator.ProposalRejected) o).reason()));
    assertEquals(
        java.util.Set.of(
            ProposalRejection.MISSING_TESTS_SECTION,
            ProposalRejection.TOO_FEW_TESTS,
            ProposalRejection.NO_FUNCTION_DEFINITION,
            ProposalRejection.MISSING_SOLUTION_SECTION,
            ProposalRejection.MISSING_FUNCTION_SECTION),
        reasons);
  }
}
