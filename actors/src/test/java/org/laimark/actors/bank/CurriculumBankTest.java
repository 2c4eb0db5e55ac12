package org.laimark.actors.bank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.pekko.Done;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
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

  static final ActorTestKit testKit = ActorTestKit.create();

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
  void proposalsSentTogetherGetConsecutiveIdsAndShareOneRecord() {
    ActorRef<CurriculumBank.Command> bank = openBank(new RunDirectory(dir));
    TestProbe<StatusReply<Proposed>> probe = testKit.createTestProbe();

    for (int i = 0; i < 5; i++) {
      bank.tell(new CurriculumBank.Propose(BankStoreTest.problem("f" + i), 0, "generated", probe.getRef()));
    }
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
    assertTrue(s.journalRecords() <= 3, "group commit: " + s.journalRecords() + " records for 5 proposals");
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
