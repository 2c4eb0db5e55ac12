package org.laimark.actors.bank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.Done;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.pattern.StatusReply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.laimark.actors.bank.BankEvent.ProblemAccepted;
import org.laimark.actors.bank.BankEvent.ProblemVerified;
import org.laimark.actors.bank.CurriculumBank.Proposed;
import org.laimark.actors.bank.CurriculumBank.Recorded;
import org.laimark.actors.bank.CurriculumBank.SessionOpened;

class CurriculumBankTest {

  /**
   * "one-thread": a dispatcher with a single thread, so a test can hold the bank off its thread while its
   * mailbox fills (group commit is about what is in the mailbox together, which timing alone does not fix).
   */
  static final ActorTestKit testKit = ActorTestKit.create(ConfigFactory.parseString(
      "one-thread { type = Dispatcher, executor = thread-pool-executor, thread-pool-executor.fixed-pool-size = 1 }"));

  @TempDir Path dir;

  @AfterAll
  static void shutdown() {
    testKit.shutdownTestKit();
  }

  private ActorRef<CurriculumBank.Command> openBank(RunDirectory run) {
    ActorRef<CurriculumBank.Command> bank = testKit.spawn(CurriculumBank.create(BankStore.open(run, 100, true)));
    TestProbe<StatusReply<SessionOpened>> opened = testKit.createTestProbe();
    bank.tell(new CurriculumBank.OpenSession("SIMULATED", true, "continuous", 0, opened.getRef()));
    opened.receiveMessage();
    return bank;
  }

  private void close(ActorRef<CurriculumBank.Command> bank) {
    TestProbe<Done> done = testKit.createTestProbe();
    bank.tell(new CurriculumBank.CloseSession("test", done.getRef()));
    done.receiveMessage();
  }

  @Test
  void proposalsSentTogetherGetConsecutiveIdsAndShareOneRecord() throws Exception {
    ActorRef<CurriculumBank.Command> bank = testKit.spawn(
        CurriculumBank.create(BankStore.open(new RunDirectory(dir), 100, true)), DispatcherSelector.fromConfig("one-thread"));
    TestProbe<StatusReply<SessionOpened>> opened = testKit.createTestProbe();
    bank.tell(new CurriculumBank.OpenSession("SIMULATED", true, "continuous", 0, opened.getRef()));
    opened.receiveMessage();
    TestProbe<StatusReply<Proposed>> probe = testKit.createTestProbe();
    CountDownLatch holding = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    ActorRef<String> holder = testKit.spawn(Behaviors.receiveMessage((String m) -> {
      holding.countDown();
      release.await(1, TimeUnit.MINUTES);
      return Behaviors.same();
    }), DispatcherSelector.fromConfig("one-thread"));
    holder.tell("hold the thread");
    assertTrue(holding.await(1, TimeUnit.MINUTES));

    for (int i = 0; i < 5; i++) {
      bank.tell(new CurriculumBank.Propose(BankStoreTest.problem("f" + i), 0, "generated", probe.getRef()));
    }
    release.countDown();
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      Proposed p = probe.receiveMessage().getValue();
      assertEquals(p.problemId(), p.problem().id());
      ids.add(p.problemId());
    }
    TestProbe<BankStatus> status = testKit.createTestProbe();
    bank.tell(new CurriculumBank.GetStatus(status.getRef()));

    assertEquals(List.of("p000001", "p000002", "p000003", "p000004", "p000005"), ids);
    BankStatus s = status.receiveMessage();
    assertEquals(5, s.proposed());
    assertEquals(2, s.journalRecords(), "the session's start, then one record for the 5 proposals");
    close(bank);
  }

  @Test
  void anImpossibleEventIsRefusedToItsSenderOnlyAndOthersAreRecorded() {
    ActorRef<CurriculumBank.Command> bank = openBank(new RunDirectory(dir));
    TestProbe<StatusReply<Proposed>> proposed = testKit.createTestProbe();
    bank.tell(new CurriculumBank.Propose(BankStoreTest.problem("f"), 0, "generated", proposed.getRef()));
    String id = proposed.receiveMessage().getValue().problemId();
    TestProbe<StatusReply<Recorded>> good = testKit.createTestProbe();
    TestProbe<StatusReply<Recorded>> bad = testKit.createTestProbe();

    bank.tell(new CurriculumBank.Record(List.of(new ProblemAccepted(id, 0, 4, 8, 0.2, 0.8)), bad.getRef()));
    bank.tell(new CurriculumBank.Record(List.of(new ProblemVerified(id, 5)), good.getRef()));

    StatusReply<Recorded> refused = bad.receiveMessage();
    assertTrue(refused.isError());
    assertTrue(refused.getError().getMessage().contains("is proposed, expected one of [verified]"),
        refused.getError().getMessage());
    assertTrue(good.receiveMessage().isSuccess());
    close(bank);
  }

  @Test
  void aResumedSessionAbandonsWhatTheDeadOneLeftInFlight() {
    RunDirectory run = new RunDirectory(dir);
    BankStore crashed = BankStore.open(run, 100, true);
    crashed.append(List.of(new BankEvent.SessionStarted(1, 0, "SIMULATED", true, "continuous", 0)));
    crashed.append(BankStoreTest.acceptNew(crashed.state(), "kept"));
    crashed.append(List.of(new BankEvent.ProblemProposed("p000002", BankStoreTest.problem("lost"), 0, "generated")));
    crashed.close(); // no SessionEnded: the process died

    ActorRef<CurriculumBank.Command> bank = testKit.spawn(CurriculumBank.create(BankStore.open(run, 100, true)));
    TestProbe<StatusReply<SessionOpened>> opened = testKit.createTestProbe();
    bank.tell(new CurriculumBank.OpenSession("SIMULATED", true, "continuous", 0, opened.getRef()));
    SessionOpened session = opened.receiveMessage().getValue();
    TestProbe<CurriculumBank.RoundProblems> round = testKit.createTestProbe();
    bank.tell(new CurriculumBank.SelectForRound(Set.of(), 4, round.getRef()));

    assertEquals(2, session.session());
    assertEquals(List.of("p000002"), session.abandoned());
    assertEquals(1, session.status().abandoned());
    assertEquals(List.of("p000001"), round.receiveMessage().problems().stream().map(ProblemHistory::id).toList());
    close(bank);
    assertTrue(JournalAudit.audit(run).passed(), JournalAudit.audit(run).firstViolation().orElse(""));
  }
}
