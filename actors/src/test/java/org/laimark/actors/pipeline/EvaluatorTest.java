package org.laimark.actors.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.laimark.model.policy.GenerationRequest;
import org.laimark.model.policy.RolloutGroup;
import org.laimark.model.policy.SamplingParams;
import org.laimark.model.policy.SimulatedAnswers;
import org.laimark.model.policy.SimulatedPolicy;

class EvaluatorTest {

  static final ActorTestKit testKit = ActorTestKit.create(TestSettings.config());

  @AfterAll
  static void shutdown() {
    testKit.shutdownTestKit();
  }

  /**
   * TEST DOUBLE: hands out scripted scores (passed out of 100) for versions 1, 2, 3... in order.
   */
  private static HeldOutEvaluation scripted(int... passed) {
    Deque<Integer> queue = new ArrayDeque<>();
    for (int p : passed) {
      queue.add(p);
    }
    long[] version = {0};
    return () -> {
      if (queue.isEmpty()) {
        return CompletableFuture.failedFuture(new IllegalStateException("held-out sandbox down"));
      }
      return CompletableFuture.completedFuture(
          new HeldOutEvaluation.Score(++version[0], "heldout", queue.poll(), 100));
    };
  }

  private static Evaluator.EvaluationReport evaluate(ActorRef<Evaluator.Command> evaluator) {
    TestProbe<Evaluator.EvaluationReply> asker = testKit.createTestProbe();
    evaluator.tell(new Evaluator.Evaluate(asker.getRef()));
    return asker.expectMessageClass(Evaluator.EvaluationReport.class);
  }

  @Test
  void keepsTheBestVersionAndNamesItWhenAScoreRegressesPastTheThreshold() {
    ActorRef<Evaluator.Command> evaluator =
        testKit.spawn(Evaluator.create(scripted(50, 60, 55, 54), 0.05, 0, null, null));

    Evaluator.EvaluationReport first = evaluate(evaluator);
    Evaluator.EvaluationReport better = evaluate(evaluator);
    Evaluator.EvaluationReport withinNoise = evaluate(evaluator);
    Evaluator.EvaluationReport regressed = evaluate(evaluator);

    assertTrue(first.newBest());
    assertTrue(better.newBest());
    assertEquals(new Evaluator.BestVersion(2, 0.6), better.best());
    assertFalse(withinNoise.newBest());
    assertEquals(-1, withinNoise.rollbackTo(), "0.05 below the best is not past the threshold");
    assertEquals(2, regressed.rollbackTo());
    assertEquals(new Evaluator.BestVersion(2, 0.6), regressed.best());
  }

  @Test
  void aFailedEvaluationIsAReplyAndChangesNothing() {
    ActorRef<Evaluator.Command> evaluator =
        testKit.spawn(Evaluator.create(scripted(40), 0.05, 0, null, null));
    TestProbe<Evaluator.EvaluationReply> asker = testKit.createTestProbe();
    TestProbe<Evaluator.BestVersion> best = testKit.createTestProbe();

    evaluate(evaluator);
    evaluator.tell(new Evaluator.Evaluate(asker.getRef()));
    Evaluator.EvaluationFailed failed = asker.expectMessageClass(Evaluator.EvaluationFailed.class);
    evaluator.tell(new Evaluator.GetBest(best.getRef()));

    assertTrue(failed.reason().contains("held-out sandbox down"), failed.reason());
    best.expectMessage(new Evaluator.BestVersion(1, 0.4));
  }

  @Test
  void aRestoredBestIsWhatLaterScoresAreComparedWith() {
    ActorRef<Evaluator.Command> evaluator =
        testKit.spawn(Evaluator.create(scripted(70), 0.05, 0, null, null));

    evaluator.tell(new Evaluator.RestoreBest(9, 0.8));
    Evaluator.EvaluationReport report = evaluate(evaluator);

    assertEquals(9, report.rollbackTo());
  }

  @Test
  void evaluatesEveryNthPolicyVersionOnItsOwn() {
    SimulatedPolicy policy =
        SimulatedPolicy.builder(1).answerSource(k -> SimulatedAnswers.of("r", "w")).build();
    ActorRef<ModelAccess.Command> model =
        testKit.spawn(ModelAccess.create(policy, TestSettings.modelAccess()));
    TestProbe<Evaluator.EvaluationReply> listener = testKit.createTestProbe();
    HeldOutEvaluation versionOnly =
        () ->
            CompletableFuture.completedFuture(
                new HeldOutEvaluation.Score(policy.version(), "heldout", 1, 2));
    testKit.spawn(Evaluator.create(versionOnly, 0.05, 2, model, listener.getRef()));
    TestProbe<ModelAccess.TrainReply> trainer = testKit.createTestProbe();
    listener.expectNoMessage(java.time.Duration.ofMillis(200));

    // Two versions, then wait for their report before training on: the double scores whatever
    // version the policy is at when the evaluation starts, so training on at once would race it.
    trainTwice(model, trainer, 0);
    assertEquals(
        2, ((Evaluator.EvaluationReport) listener.receiveMessage()).score().policyVersion());
    trainTwice(model, trainer, 2);
    assertEquals(
        4, ((Evaluator.EvaluationReport) listener.receiveMessage()).score().policyVersion());
    listener.expectNoMessage(java.time.Duration.ofMillis(200));
  }

  private static void trainTwice(
      ActorRef<ModelAccess.Command> model, TestProbe<ModelAccess.TrainReply> trainer, int first) {
    for (int i = first; i < first + 2; i++) {
      RolloutGroup group =
          new RolloutGroup(
              SimulatedPolicy.builder(9)
                  .answerSource(k -> SimulatedAnswers.of("r", "w"))
                  .build()
                  .generate(List.of(request("k" + i, 1), request("k" + i, 2))),
              new double[] {1, 0});
      model.tell(new ModelAccess.Train(List.of(group), trainer.getRef()));
      trainer.expectMessageClass(ModelAccess.Trained.class);
    }
  }

  private static GenerationRequest request(String key, long seed) {
    return new GenerationRequest(List.of(), new SamplingParams(1, 1, 0, 8, seed), key);
  }

  @Test
  void evaluationsRequestedTogetherRunOneAfterAnother() {
    CompletableFuture<HeldOutEvaluation.Score> gate = new CompletableFuture<>();
    java.util.concurrent.atomic.AtomicInteger started = new java.util.concurrent.atomic.AtomicInteger();
    HeldOutEvaluation slow =
        () -> {
          started.incrementAndGet();
          CompletionStage<HeldOutEvaluation.Score> s = gate.thenApply(x -> x);
          return s;
        };
    ActorRef<Evaluator.Command> evaluator =
        testKit.spawn(Evaluator.create(slow, 0.05, 0, null, null));
    TestProbe<Evaluator.EvaluationReply> asker = testKit.createTestProbe();

    evaluator.tell(new Evaluator.Evaluate(asker.getRef()));
    evaluator.tell(new Evaluator.Evaluate(asker.getRef()));
    // The first starts when the actor gets to it (late on a loaded machine); the second must not follow
    // while the first is still running.
    asker.awaitAssert(
        () -> {
          assertEquals(1, started.get());
          return null;
        });
    asker.expectNoMessage(java.time.Duration.ofMillis(100));
    assertEquals(1, started.get());
    gate.complete(new HeldOutEvaluation.Score(0, "heldout", 3, 4));

    asker.receiveSeveralMessages(2);
    assertEquals(2, started.get());
  }
}
