package org.laimark.actors.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.laimark.model.policy.ChatMessage;
import org.laimark.model.policy.Completion;
import org.laimark.model.policy.GenerationRequest;
import org.laimark.model.policy.RolloutGroup;
import org.laimark.model.policy.SamplingParams;
import org.laimark.model.policy.SimulatedAnswers;
import org.laimark.model.policy.SimulatedPolicy;

class ModelAccessTest {

  static final ActorTestKit testKit = ActorTestKit.create(TestSettings.config());

  @AfterAll
  static void shutdown() {
    testKit.shutdownTestKit();
  }

  private static SimulatedPolicy sim() {
    return SimulatedPolicy.builder(1)
        .answerSource(k -> SimulatedAnswers.of("right", "wrong"))
        .build();
  }

  private static List<GenerationRequest> requests(String prefix, int n) {
    List<GenerationRequest> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(
          new GenerationRequest(
              List.of(ChatMessage.user("q")), new SamplingParams(1, 1, 0, 8, i), prefix + i));
    }
    return out;
  }

  /**
   * A group with a learning signal, made by another simulated policy (completions are just data).
   */
  private static RolloutGroup informativeGroup() {
    return new RolloutGroup(sim().generate(requests("t", 2)), new double[] {1, 0});
  }

  private ActorRef<ModelAccess.Command> spawn(
      RecordingPolicy policy, int maxBatch, String maxWait) {
    return testKit.spawn(
        ModelAccess.create(
            policy,
            TestSettings.modelAccess(
                "laimark.pipeline.model-access.max-batch-size = " + maxBatch,
                "laimark.pipeline.model-access.max-wait = " + maxWait)));
  }

  private static String keyOf(Completion c) {
    return new String(c.promptIds(), 0, c.promptIds().length);
  }

  @Test
  void poolsRequestsFromSeveralAskersIntoOneBatch() {
    RecordingPolicy policy = new RecordingPolicy(sim());
    ActorRef<ModelAccess.Command> model = spawn(policy, 3, "10s");
    List<TestProbe<ModelAccess.GenerateReply>> askers = new ArrayList<>();

    for (int i = 0; i < 3; i++) {
      TestProbe<ModelAccess.GenerateReply> asker = testKit.createTestProbe();
      askers.add(asker);
      model.tell(new ModelAccess.Generate(requests("a" + i + "-", 1), asker.getRef()));
    }

    for (int i = 0; i < 3; i++) {
      ModelAccess.Generated reply = askers.get(i).expectMessageClass(ModelAccess.Generated.class);
      assertEquals("a" + i + "-0", keyOf(reply.completions().get(0)));
    }
    assertEquals(List.of("generate 3"), policy.calls);
  }

  @Test
  void aPartialBatchLeavesAfterTheMaximumWait() {
    RecordingPolicy policy = new RecordingPolicy(sim());
    ActorRef<ModelAccess.Command> model = spawn(policy, 16, "50ms");
    TestProbe<ModelAccess.GenerateReply> asker = testKit.createTestProbe();

    model.tell(new ModelAccess.Generate(requests("k", 2), asker.getRef()));

    assertEquals(2, asker.expectMessageClass(ModelAccess.Generated.class).completions().size());
    assertEquals(List.of("generate 2"), policy.calls);
  }

  @Test
  void aLargeRequestIsSplitAcrossBatchesAndAnsweredOnceInOrder() {
    RecordingPolicy policy = new RecordingPolicy(sim());
    ActorRef<ModelAccess.Command> model = spawn(policy, 4, "1ms");
    TestProbe<ModelAccess.GenerateReply> asker = testKit.createTestProbe();

    model.tell(new ModelAccess.Generate(requests("k", 10), asker.getRef()));

    ModelAccess.Generated reply = asker.expectMessageClass(ModelAccess.Generated.class);
    assertEquals(10, reply.completions().size());
    for (int i = 0; i < 10; i++) {
      assertEquals("k" + i, keyOf(reply.completions().get(i)));
    }
    assertEquals(List.of("generate 4", "generate 4", "generate 2"), policy.calls);
    asker.expectNoMessage(Duration.ofMillis(100));
  }

  @Test
  void trainingWaitsForTheRequestBeingServedSoNoReplyMixesVersions() {
    RecordingPolicy policy = new RecordingPolicy(sim());
    ActorRef<ModelAccess.Command> model = spawn(policy, 4, "1ms");
    TestProbe<ModelAccess.GenerateReply> big = testKit.createTestProbe();
    TestProbe<ModelAccess.GenerateReply> later = testKit.createTestProbe();
    TestProbe<ModelAccess.TrainReply> trainer = testKit.createTestProbe();
    policy.close(true);

    model.tell(new ModelAccess.Generate(requests("big", 10), big.getRef()));
    awaitCalls(policy, 1);
    model.tell(new ModelAccess.Train(List.of(informativeGroup()), trainer.getRef()));
    model.tell(new ModelAccess.Generate(requests("later", 1), later.getRef()));
    policy.open();

    ModelAccess.Generated first = big.expectMessageClass(ModelAccess.Generated.class);
    assertEquals(1, trainer.expectMessageClass(ModelAccess.Trained.class).policyVersion());
    ModelAccess.Generated second = later.expectMessageClass(ModelAccess.Generated.class);
    assertTrue(first.completions().stream().allMatch(c -> c.policyVersion() == 0));
    assertEquals(0, first.policyVersion());
    assertEquals(1, second.policyVersion());
    assertEquals(
        List.of("generate 4", "generate 4", "generate 2", "train", "generate 1"), policy.calls);
  }

  @Test
  void keepsAnsweringWhileThePolicyIsBusy() {
    RecordingPolicy policy = new RecordingPolicy(sim());
    ActorRef<ModelAccess.Command> model = spawn(policy, 1, "1ms");
    TestProbe<ModelAccess.GenerateReply> asker = testKit.createTestProbe();
    TestProbe<ModelAccess.PolicyInfo> info = testKit.createTestProbe();
    policy.close(true);

    model.tell(new ModelAccess.Generate(requests("slow", 1), asker.getRef()));
    awaitCalls(policy, 1);
    model.tell(new ModelAccess.GetPolicyInfo(info.getRef()));

    ModelAccess.PolicyInfo answer =
        info.expectMessageClass(ModelAccess.PolicyInfo.class, Duration.ofSeconds(1));
    assertTrue(answer.simulated());
    asker.expectNoMessage(Duration.ofMillis(50));
    policy.open();
    asker.expectMessageClass(ModelAccess.Generated.class);
  }

  @Test
  void policyFailuresAreRepliesAndTheActorCarriesOn() {
    RecordingPolicy policy = new RecordingPolicy(sim());
    ActorRef<ModelAccess.Command> model = spawn(policy, 4, "1ms");
    TestProbe<ModelAccess.GenerateReply> asker = testKit.createTestProbe();
    TestProbe<ModelAccess.TrainReply> trainer = testKit.createTestProbe();
    policy.failing(true);

    model.tell(new ModelAccess.Generate(requests("k", 6), asker.getRef()));
    ModelAccess.GenerationFailed failed =
        asker.expectMessageClass(ModelAccess.GenerationFailed.class);
    model.tell(new ModelAccess.Train(List.of(informativeGroup()), trainer.getRef()));
    ModelAccess.TrainingFailed trainingFailed =
        trainer.expectMessageClass(ModelAccess.TrainingFailed.class);
    policy.failing(false);
    model.tell(new ModelAccess.Generate(requests("k", 1), asker.getRef()));

    assertTrue(failed.reason().contains("simulated model failure"), failed.reason());
    assertTrue(
        trainingFailed.reason().contains("simulated training failure"), trainingFailed.reason());
    asker.expectMessageClass(ModelAccess.Generated.class);
    asker.expectNoMessage(Duration.ofMillis(100));
  }

  @Test
  void subscribersHearEveryNewVersionIncludingARestore(@TempDir Path dir) {
    RecordingPolicy policy = new RecordingPolicy(sim());
    ActorRef<ModelAccess.Command> model = spawn(policy, 4, "1ms");
    TestProbe<ModelAccess.PolicyVersion> subscriber = testKit.createTestProbe();
    TestProbe<ModelAccess.TrainReply> trainer = testKit.createTestProbe();
    TestProbe<ModelAccess.CheckpointReply> checkpoints = testKit.createTestProbe();

    model.tell(new ModelAccess.SubscribeVersions(subscriber.getRef()));
    subscriber.expectMessage(new ModelAccess.PolicyVersion(0));
    model.tell(new ModelAccess.Train(List.of(informativeGroup()), trainer.getRef()));
    subscriber.expectMessage(new ModelAccess.PolicyVersion(1));
    model.tell(new ModelAccess.SaveCheckpoint(dir, checkpoints.getRef()));
    checkpoints.expectMessage(new ModelAccess.CheckpointSaved(dir, 1));
    model.tell(new ModelAccess.Train(List.of(informativeGroup()), trainer.getRef()));
    subscriber.expectMessage(new ModelAccess.PolicyVersion(2));
    model.tell(new ModelAccess.RestoreCheckpoint(dir, checkpoints.getRef()));

    checkpoints.expectMessage(new ModelAccess.CheckpointRestored(dir, 1));
    subscriber.expectMessage(new ModelAccess.PolicyVersion(1));
  }

  @Test
  void aFailedRestoreIsAReplyNamingTheDirectory(@TempDir Path dir) {
    ActorRef<ModelAccess.Command> model = spawn(new RecordingPolicy(sim()), 4, "1ms");
    TestProbe<ModelAccess.CheckpointReply> checkpoints = testKit.createTestProbe();

    model.tell(new ModelAccess.RestoreCheckpoint(dir.resolve("missing"), checkpoints.getRef()));

    ModelAccess.CheckpointFailed failed =
        checkpoints.expectMessageClass(ModelAccess.CheckpointFailed.class);
    assertEquals(dir.resolve("missing"), failed.directory());
  }

  private static void awaitCalls(RecordingPolicy policy, int n) {
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (policy.calls.size() < n && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    assertEquals(n, policy.calls.size(), "policy calls so far: " + policy.calls);
  }
}
