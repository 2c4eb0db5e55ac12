package org.laimark.actors.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.SupervisorStrategy;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.laimark.model.policy.ChatMessage;
import org.laimark.model.policy.GenerationRequest;
import org.laimark.model.policy.RolloutGroup;
import org.laimark.model.policy.SamplingParams;
import org.laimark.model.policy.SimulatedAnswers;
import org.laimark.model.policy.SimulatedPolicy;

/**
 * Rollback through the model-access actor, with the SIMULATED policy: the best version's weights come
 * back, published as a new version (versions only grow), and that number survives a save and a restore
 * into a fresh actor (a resume), and a restart of the actor by its supervisor.
 */
class ModelAccessRollBackTest {

  static final ActorTestKit testKit = ActorTestKit.create(TestSettings.config());

  @TempDir Path dir;

  @AfterAll
  static void shutdown() {
    testKit.shutdownTestKit();
  }

  private static SimulatedPolicy sim() {
    return SimulatedPolicy.builder(1).answerSource(k -> SimulatedAnswers.of("right", "wrong")).build();
  }

  /** A group with a learning signal on task "t0" (the first completion's key). */
  private static RolloutGroup informativeGroup() {
    List<GenerationRequest> requests = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      requests.add(new GenerationRequest(List.of(ChatMessage.user("q")), new SamplingParams(1, 1, 0, 8, i), "t" + i));
    }
    return new RolloutGroup(sim().generate(requests), new double[] {1, 0});
  }

  @Test
  void rollingBackRestoresTheBestWeightsUnderANewVersionThatSurvivesAResume() throws Exception {
    SimulatedPolicy policy = sim();
    double before = policy.skill("t0");
    ActorRef<ModelAccess.Command> model = testKit.spawn(ModelAccess.create(policy, TestSettings.modelAccess()));
    TestProbe<ModelAccess.CheckpointReply> saves = testKit.createTestProbe();
    TestProbe<ModelAccess.TrainReply> trains = testKit.createTestProbe();
    TestProbe<ModelAccess.PolicyInfo> info = testKit.createTestProbe();
    Path best = Files.createDirectories(dir.resolve("v0"));
    model.tell(new ModelAccess.SaveCheckpoint(best, saves.getRef()));
    assertEquals(new ModelAccess.CheckpointSaved(best, 0), saves.receiveMessage());
    model.tell(new ModelAccess.Train(List.of(informativeGroup()), trains.getRef()));
    assertEquals(1, ((ModelAccess.Trained) trains.receiveMessage()).policyVersion());
    assertTrue(policy.skill("t0") > before, "training changed the weights");

    model.tell(new ModelAccess.RollBack(best, saves.getRef()));

    assertEquals(new ModelAccess.CheckpointRestored(best, 2), saves.receiveMessage());
    assertEquals(before, policy.skill("t0"), 1e-12);
    model.tell(new ModelAccess.GetPolicyInfo(info.getRef()));
    assertEquals(2, info.receiveMessage().version());
    model.tell(new ModelAccess.Train(List.of(informativeGroup()), trains.getRef()));
    assertEquals(3, ((ModelAccess.Trained) trains.receiveMessage()).policyVersion(), "versions keep growing");

    Path latest = Files.createDirectories(dir.resolve("v3"));
    model.tell(new ModelAccess.SaveCheckpoint(latest, saves.getRef()));
    assertEquals(new ModelAccess.CheckpointSaved(latest, 3), saves.receiveMessage());
    ActorRef<ModelAccess.Command> resumed = testKit.spawn(ModelAccess.create(sim(), TestSettings.modelAccess()));
    resumed.tell(new ModelAccess.RestoreCheckpoint(latest, saves.getRef()));
    assertEquals(new ModelAccess.CheckpointRestored(latest, 3), saves.receiveMessage());
  }

  @Test
  void aRestartBySupervisionAfterARollBackKeepsThePublishedVersion() throws Exception {
    RecordingPolicy policy = new RecordingPolicy(sim());
    ActorRef<ModelAccess.Command> model = testKit.spawn(Behaviors.supervise(
        ModelAccess.create(policy, TestSettings.modelAccess())).onFailure(SupervisorStrategy.restart()));
    TestProbe<ModelAccess.CheckpointReply> saves = testKit.createTestProbe();
    TestProbe<ModelAccess.TrainReply> trains = testKit.createTestProbe();
    TestProbe<ModelAccess.PolicyInfo> info = testKit.createTestProbe();
    Path best = Files.createDirectories(dir.resolve("v0"));
    model.tell(new ModelAccess.SaveCheckpoint(best, saves.getRef()));
    saves.expectMessage(new ModelAccess.CheckpointSaved(best, 0));
    model.tell(new ModelAccess.Train(List.of(informativeGroup()), trains.getRef()));
    assertEquals(1, ((ModelAccess.Trained) trains.receiveMessage()).policyVersion());
    model.tell(new ModelAccess.RollBack(best, saves.getRef()));
    saves.expectMessage(new ModelAccess.CheckpointRestored(best, 2));
    assertEquals(0, policy.version(), "the policy's own counter went back with its weights");

    // The actor crashes after its next call (the policy stays, as under PipelineStages' supervision).
    policy.crashOwnerAfterNextCall();
    model.tell(new ModelAccess.SaveCheckpoint(Files.createDirectories(dir.resolve("lost")), saves.getRef()));
    assertTrue(policy.crashed.await(30, TimeUnit.SECONDS), "the actor never crashed");

    model.tell(new ModelAccess.GetPolicyInfo(info.getRef()));
    assertEquals(2, info.receiveMessage().version(), "the restarted actor reports the published version");
    model.tell(new ModelAccess.Train(List.of(informativeGroup()), trains.getRef()));
    assertEquals(3, ((ModelAccess.Trained) trains.receiveMessage()).policyVersion(), "versions keep growing");
    Path latest = Files.createDirectories(dir.resolve("v3"));
    model.tell(new ModelAccess.SaveCheckpoint(latest, saves.getRef()));
    saves.expectMessage(new ModelAccess.CheckpointSaved(latest, 3));
    ActorRef<ModelAccess.Command> resumed = testKit.spawn(ModelAccess.create(sim(), TestSettings.modelAccess()));
    resumed.tell(new ModelAccess.RestoreCheckpoint(latest, saves.getRef()));
    saves.expectMessage(new ModelAccess.CheckpointRestored(latest, 3));
  }
}
