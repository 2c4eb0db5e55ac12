package org.laimark.actors.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pekko.actor.testkit.typed.annotations.JUnit5TestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.FishingOutcomes;
import org.apache.pekko.actor.testkit.typed.javadsl.JUnit5TestKitBuilder;
import org.apache.pekko.actor.testkit.typed.javadsl.TestKitJUnit5Extension;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.laimark.config.SandboxSettings;
import org.laimark.data.SandboxJob;
import org.laimark.data.Verdict;
import org.laimark.data.VerdictStatus;

/**
 * Supervision of the pool: killed, hung and crash-looping workers are restarted with back-off, and
 * every job is answered exactly once.
 */
@Tag("sandbox")
@ExtendWith(TestKitJUnit5Extension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SandboxSupervisionTest {

  @JUnit5TestKit public ActorTestKit testKit = new JUnit5TestKitBuilder().build();

  private final List<ActorRef<SandboxPool.Command>> pools = new ArrayList<>();
  private TestProbe<PoolEvent> events;

  @AfterEach
  void stopPools() {
    pools.forEach(testKit::stop);
    pools.clear();
  }

  private ActorRef<SandboxPool.Command> pool(SandboxSettings settings) {
    events = testKit.createTestProbe(PoolEvent.class);
    ActorRef<SandboxPool.Command> pool = testKit.spawn(SandboxPool.create(settings, events.ref()));
    pools.add(pool);
    return pool;
  }

  /** Waits for {@code count} WorkerStarted events; returns index -> server pid. */
  private Map<Integer, Long> started(int count) {
    Map<Integer, Long> pids = new HashMap<>();
    events.fishForMessage(
        Duration.ofSeconds(20),
        e -> {
          if (e instanceof PoolEvent.WorkerStarted s) {
            pids.put(s.index(), s.serverPid());
            return pids.size() == count
                ? FishingOutcomes.complete()
                : FishingOutcomes.continueAndIgnore();
          }
          return FishingOutcomes.continueAndIgnore();
        });
    return pids;
  }

  private PoolEvent.WorkerStarted restartOf(int index, Duration within) {
    List<PoolEvent> seen =
        events.fishForMessage(
            within,
            e ->
                e instanceof PoolEvent.WorkerStarted s && s.index() == index
                    ? FishingOutcomes.complete()
                    : FishingOutcomes.continueAndIgnore());
    return (PoolEvent.WorkerStarted) seen.get(seen.size() - 1);
  }

  private static SandboxJob sleeper(String id, double seconds) {
    return SandboxJob.program(
        id, "import time\ntime.sleep(" + seconds + ")\nprint('done " + id + "')\n");
  }

  @Test
  void aWorkerKilledMidJobIsRestartedAndItsJobRetriedOnAnother() throws Exception {
    ActorRef<SandboxPool.Command> pool = pool(TestSettings.with(Map.of("pool.workers", 2)));
    Map<Integer, Long> servers = started(2);
    TestProbe<Verdict> replies = testKit.createTestProbe(Verdict.class);

    pool.tell(new SandboxPool.Run(sleeper("victim", 1.5), replies.ref()));
    int busy = WorkerProcesses.busyWorker(servers, Duration.ofSeconds(5)).orElseThrow();
    WorkerProcesses.kill(servers.get(busy));

    Verdict v = replies.receiveMessage(Duration.ofSeconds(30));
    assertEquals(VerdictStatus.PASSED, v.status(), v.toString());
    assertEquals("done victim\n", v.output());
    replies.expectNoMessage(Duration.ofMillis(500));
    restartOf(busy, Duration.ofSeconds(20));
  }

  @Test
  void aHungWorkerIsKilledByItsWatchdogAndTheJobRetried() throws Exception {
    ActorRef<SandboxPool.Command> pool =
        pool(
            TestSettings.with(
                Map.of("pool.workers", 2, "limits.wall", "2s", "limits.watchdog-grace", "1s")));
    Map<Integer, Long> servers = started(2);
    TestProbe<Verdict> replies = testKit.createTestProbe(Verdict.class);

    pool.tell(new SandboxPool.Run(sleeper("frozen", 0.5), replies.ref()));
    int busy = WorkerProcesses.busyWorker(servers, Duration.ofSeconds(5)).orElseThrow();
    WorkerProcesses.freeze(servers.get(busy));

    Verdict v = replies.receiveMessage(Duration.ofSeconds(30));
    assertEquals(VerdictStatus.PASSED, v.status(), v.toString());
    replies.expectNoMessage(Duration.ofMillis(500));
    List<PoolEvent> seen =
        events.fishForMessage(
            Duration.ofSeconds(20),
            e ->
                e instanceof PoolEvent.WorkerStarted s && s.index() == busy
                    ? FishingOutcomes.complete()
                    : FishingOutcomes.continueAndCollect());
    assertTrue(
        seen.stream()
            .anyMatch(
                e ->
                    e instanceof PoolEvent.WorkerLost l
                        && l.reason().contains("hung")
                        && l.blamedOnJob()),
        seen.toString());
  }

  @Test
  void aBurstOfCrashesBacksOffAndQueuedJobsAreAnsweredOnce() throws Exception {
    ActorRef<SandboxPool.Command> pool =
        pool(
            TestSettings.with(
                Map.of(
                    "pool.workers",
                    2,
                    "pool.restart-min-backoff",
                    "200ms",
                    "pool.restart-max-backoff",
                    "5s")));
    Map<Integer, Long> servers = started(2);
    List<Long> gapsMillis = new ArrayList<>();
    long server = servers.get(0);

    for (int crash = 0; crash < 4; crash++) {
      long killedAt = System.nanoTime();
      WorkerProcesses.kill(server);
      PoolEvent.WorkerStarted again = restartOf(0, Duration.ofSeconds(30));
      gapsMillis.add((again.atNanos() - killedAt) / 1_000_000);
      server = again.serverPid();
    }
    WorkerProcesses.kill(server);
    TestProbe<Verdict> replies = testKit.createTestProbe(Verdict.class);
    for (int i = 0; i < 20; i++) {
      pool.tell(
          new SandboxPool.Run(SandboxJob.program("j" + i, "print(" + i + ")"), replies.ref()));
    }

    // Back-off doubles from 200 ms, so the fourth restart waits at least 1.6 s. (Only that lower bound is
    // checked: on a loaded machine starting a worker can itself take seconds, so the first gap may be longer.)
    assertTrue(gapsMillis.get(3) >= 1500, gapsMillis.toString());
    List<Verdict> verdicts = replies.receiveSeveralMessages(20, Duration.ofSeconds(60));
    assertTrue(verdicts.stream().allMatch(Verdict::passed), verdicts.toString());
    replies.expectNoMessage(Duration.ofMillis(500));
    restartOf(0, Duration.ofSeconds(30));
  }

  @Test
  void concurrentJobsFromManyAskersAreEachAnsweredExactlyOnce() throws Exception {
    ActorRef<SandboxPool.Command> pool = pool(TestSettings.with(Map.of()));
    Map<Integer, Long> servers = started(3);
    List<TestProbe<Verdict>> askers = new ArrayList<>();
    for (int a = 0; a < 8; a++) {
      TestProbe<Verdict> asker = testKit.createTestProbe(Verdict.class);
      askers.add(asker);
      for (int j = 0; j < 25; j++) {
        String token = "asker" + a + "-job" + j;
        pool.tell(
            new SandboxPool.Run(
                SandboxJob.withTests(
                    token,
                    "import time\ndef f():\n"
                        + "    time.sleep(0.01)\n    return '"
                        + token
                        + "'\nprint(f())\n",
                    "assert f() == '" + token + "'\n"),
                asker.ref()));
      }
    }
    WorkerProcesses.busyWorker(servers, Duration.ofSeconds(5))
        .ifPresent(busy -> WorkerProcesses.kill(servers.get(busy)));

    for (int a = 0; a < askers.size(); a++) {
      List<Verdict> verdicts = askers.get(a).receiveSeveralMessages(25, Duration.ofSeconds(90));
      List<String> outputs = new ArrayList<>();
      for (Verdict v : verdicts) {
        assertEquals(VerdictStatus.PASSED, v.status(), v.toString());
        outputs.add(v.output().trim());
      }
      List<String> expected = new ArrayList<>();
      for (int j = 0; j < 25; j++) {
        expected.add("asker" + a + "-job" + j);
      }
      outputs.sort(null);
      expected.sort(null);
      assertEquals(expected, outputs);
    }
    for (TestProbe<Verdict> asker : askers) {
      asker.expectNoMessage(Duration.ofMillis(200));
    }
  }

  @Test
  void aJobThatKillsItsWorkerTwiceIsASandboxViolation() throws Exception {
    ActorRef<SandboxPool.Command> pool =
        pool(TestSettings.with(Map.of("pool.workers", 2, "pool.restart-min-backoff", "100ms")));
    Map<Integer, Long> servers = started(2);
    TestProbe<Verdict> replies = testKit.createTestProbe(Verdict.class);

    pool.tell(new SandboxPool.Run(sleeper("killer", 5), replies.ref()));
    for (int round = 0; round < 2; round++) {
      int busy = WorkerProcesses.busyWorker(servers, Duration.ofSeconds(10)).orElseThrow();
      WorkerProcesses.kill(servers.get(busy));
      servers.remove(busy);
      if (round == 0) {
        servers.put(busy, restartOf(busy, Duration.ofSeconds(20)).serverPid());
      }
    }

    Verdict v = replies.receiveMessage(Duration.ofSeconds(30));
    assertEquals(VerdictStatus.SANDBOX_VIOLATION, v.status(), v.toString());
    assertTrue(v.message().contains("killed its sandbox worker twice"), v.toString());
    replies.expectNoMessage(Duration.ofMillis(500));
  }

  @Test
  void aWorkerIsRecycledAfterTheConfiguredNumberOfJobs() {
    ActorRef<SandboxPool.Command> pool =
        pool(TestSettings.with(Map.of("pool.workers", 1, "pool.recycle-after-jobs", 3)));
    started(1);
    TestProbe<Verdict> replies = testKit.createTestProbe(Verdict.class);

    for (int i = 0; i < 7; i++) {
      pool.tell(new SandboxPool.Run(SandboxJob.program("r" + i, "pass"), replies.ref()));
    }

    List<Verdict> verdicts = replies.receiveSeveralMessages(7, Duration.ofSeconds(30));
    assertTrue(verdicts.stream().allMatch(Verdict::passed), verdicts.toString());
    restartOf(0, Duration.ofSeconds(10));
    restartOf(0, Duration.ofSeconds(10));
  }

  @Test
  void aFullQueueAnswersInfraErrorAtOnce() {
    ActorRef<SandboxPool.Command> pool =
        pool(TestSettings.with(Map.of("pool.workers", 1, "pool.queue-capacity", 2)));
    started(1);
    TestProbe<Verdict> replies = testKit.createTestProbe(Verdict.class);

    for (int i = 0; i < 5; i++) {
      pool.tell(new SandboxPool.Run(sleeper("q" + i, 0.5), replies.ref()));
    }

    List<Verdict> rejected = replies.receiveSeveralMessages(2, Duration.ofMillis(400));
    for (Verdict v : rejected) {
      assertEquals(VerdictStatus.INFRA_ERROR, v.status(), v.toString());
      assertTrue(v.message().contains("queue full"), v.toString());
    }
    List<Verdict> served = replies.receiveSeveralMessages(3, Duration.ofSeconds(30));
    assertTrue(served.stream().allMatch(Verdict::passed), served.toString());
  }
}
