package org.laimark.actors.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.laimark.actors.pipeline.tasks.TaskDeriver;
import org.laimark.data.Problem;

class DeduplicatorTest {

  static final ActorTestKit testKit = ActorTestKit.create(TestSettings.config());

  @AfterAll
  static void shutdown() {
    testKit.shutdownTestKit();
  }

  private final ActorRef<Deduplicator.Command> dedup =
      testKit.spawn(Deduplicator.create(DedupSettings.fromConfig(TestSettings.config())));
  private final TestProbe<Deduplicator.DedupOutcome> asker = testKit.createTestProbe();

  private Deduplicator.DedupOutcome check(Problem p) {
    dedup.tell(new Deduplicator.CheckAndReserve(p, asker.getRef()));
    return asker.receiveMessage();
  }

  @Test
  void aUniqueCandidateIsReservedSoANearCopyInFlightIsADuplicate() {
    Problem first = TestProblems.problem("twin");
    Problem renamed = first.toBuilder().id("twin2").build();

    assertEquals(new Deduplicator.Unique(first), check(first));
    Deduplicator.Duplicate dup = (Deduplicator.Duplicate) check(renamed);

    assertEquals("twin", dup.of());
    assertTrue(dup.reason().contains("same entry point"), dup.reason());
  }

  @Test
  void aReleasedReservationNoLongerBlocks() {
    Problem p = TestProblems.problem("freed");
    check(p);

    dedup.tell(new Deduplicator.Release("freed"));

    assertEquals(new Deduplicator.Unique(p), check(p));
  }

  @Test
  void rememberedProblemsBlockAndDerivedTasksPassThrough() {
    Problem accepted = TestProblems.problem("kept");
    dedup.tell(new Deduplicator.Remember(accepted));

    assertTrue(check(accepted.toBuilder().id("again").build()) instanceof Deduplicator.Duplicate);
    Problem derived = new TaskDeriver(1).derive(accepted).get(0);
    assertEquals(new Deduplicator.Unique(derived), check(derived));
  }
}
