package org.laimark.actors.bank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.laimark.actors.bank.BankEvent.PolicyVersionPublished;
import org.laimark.actors.bank.BankEvent.ProblemAccepted;
import org.laimark.actors.bank.BankEvent.ProblemProposed;
import org.laimark.actors.bank.BankEvent.ProblemTrained;
import org.laimark.actors.bank.BankEvent.ProblemVerified;
import org.laimark.actors.bank.BankEvent.SessionStarted;
import org.laimark.data.Problem;

class BankStoreTest {

  @TempDir Path dir;

  static Problem problem(String name) {
    return Problem.induction("gen", "def " + name + "(x):\n    \"\"\"Doc.\"\"\"\n",
        "assert " + name + "(1) == 1\nassert " + name + "(2) == 2", "def " + name + "(x):\n    return x\n", name)
        .toBuilder().topic("math").unknownFields(Map.of("extra", "\"kept\"")).build();
  }

  static List<BankEvent> acceptNew(BankState state, String name) {
    String id = state.nextProblemId();
    return List.of(
        new ProblemProposed(id, problem(name), 0, "generated"),
        new ProblemVerified(id, 12),
        new ProblemAccepted(id, 0, 3, 8, 0.2, 0.8));
  }

  @Test
  void recoversEveryAcceptedProblemAndVersionAfterReopening() {
    RunDirectory run = new RunDirectory(dir.resolve("run"));
    try (BankStore store = BankStore.open(run, 1000, true)) {
      store.append(List.of(new SessionStarted(1, 0, "SIMULATED", true, "continuous", 0)));
      store.append(acceptNew(store.state(), "first"));
      store.append(acceptNew(store.state(), "second"));
      store.append(List.of(
          new ProblemTrained("p000001", 1, 0, 2, 4, 1),
          new PolicyVersionPublished(1, 1, RunDirectory.checkpointName(1), 0.5, 0.5, 1.0, -1)));
    }

    try (BankStore store = BankStore.open(run, 1000, true)) {
      BankState s = store.state();
      assertEquals(2, s.active().size());
      assertEquals(1, s.latestVersion());
      assertEquals(List.of(1L), s.problem("p000001").trainedInRounds());
      assertEquals("\"kept\"", s.problem("p000002").problem().unknownFields().get("extra"));
      assertEquals("p000003", s.nextProblemId());
    }
  }

  @Test
  void aSnapshotAndTheJournalTailGiveTheSameStateAsAFullReplay() throws Exception {
    RunDirectory run = new RunDirectory(dir.resolve("run"));
    try (BankStore store = BankStore.open(run, 3, true)) {
      store.append(List.of(new SessionStarted(1, 0, "SIMULATED", true, "continuous", 0)));
      for (int i = 0; i < 7; i++) {
        store.append(acceptNew(store.state(), "f" + i));
      }
    }
    BankState fromSnapshot = BankStore.recover(run, new JournalCodec());
    for (Path p : new SnapshotFiles(run.snapshots()).list()) {
      Files.delete(p);
    }
    BankState fullReplay = BankStore.recover(run, new JournalCodec());

    assertEquals(fullReplay.toSnapshot(), fromSnapshot.toSnapshot());
    assertEquals(7, fullReplay.count("accepted"));
  }

  @Test
  void refusesAnEntryThatBreaksAnInvariantAndWritesNothing() throws Exception {
    RunDirectory run = new RunDirectory(dir.resolve("run"));
    try (BankStore store = BankStore.open(run, 1000, true)) {
      store.append(List.of(new SessionStarted(1, 0, "SIMULATED", true, "continuous", 0)));
      store.append(acceptNew(store.state(), "only"));
      long size = Files.size(run.journal());

      JournalInvariantViolation e = assertThrows(JournalInvariantViolation.class,
          () -> store.append(List.of(new ProblemTrained("p000001", 1, 0, 2, 4, 1))));

      assertTrue(e.getMessage().contains("not published in the same record"), e.getMessage());
      assertEquals(size, Files.size(run.journal()));
      assertEquals(2, store.state().seq());
    }
  }

  @Test
  void aSecondProcessCannotOpenARunThatIsOpen() {
    RunDirectory run = new RunDirectory(dir.resolve("run"));
    try (BankStore store = BankStore.open(run, 1000, true)) {
      IllegalStateException e =
          assertThrows(IllegalStateException.class, () -> BankStore.open(run, 1000, true));
      assertTrue(e.getMessage().contains("another laimark process"), e.getMessage());
    }
  }
}
