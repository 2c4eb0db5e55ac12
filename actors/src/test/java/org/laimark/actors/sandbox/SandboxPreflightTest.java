package org.laimark.actors.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.laimark.config.InvalidSettingException;
import org.laimark.config.SandboxSettings;
import org.laimark.data.SandboxJob;
import org.laimark.data.Verdict;
import org.laimark.data.VerdictStatus;

/** Without bubblewrap the sandbox refuses to run code, naming the package; it never falls back. */
class SandboxPreflightTest {

  private static final ActorTestKit TEST_KIT = ActorTestKit.create();
  private final SandboxSettings noBwrap =
      TestSettings.with(Map.of("bubblewrap", "/nonexistent/bwrap"));

  @AfterAll
  static void shutDown() {
    TEST_KIT.shutdownTestKit();
  }

  @Test
  void startingWithoutBwrapFailsWithThePackageName() {
    InvalidSettingException e =
        assertThrows(InvalidSettingException.class, () -> SandboxService.start(noBwrap));

    assertTrue(e.getMessage().contains("Debian package `bubblewrap`"), e.getMessage());
    assertTrue(e.getMessage().contains("isolation = none"), e.getMessage());
  }

  @Test
  void aPoolWithoutBwrapAnswersEveryJobWithTheReason() {
    ActorRef<SandboxPool.Command> pool = TEST_KIT.spawn(SandboxPool.create(noBwrap));
    TestProbe<Verdict> replies = TEST_KIT.createTestProbe();

    pool.tell(new SandboxPool.Run(SandboxJob.program("p", "print(1)"), replies.ref()));

    Verdict v = replies.receiveMessage();
    assertEquals(VerdictStatus.INFRA_ERROR, v.status());
    assertTrue(v.message().contains("bubblewrap"), v.message());
  }
}
