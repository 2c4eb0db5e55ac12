package org.laimark.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.laimark.actors.bank.BankEvent;
import org.laimark.actors.bank.BankStore;
import org.laimark.actors.bank.RunDirectory;
import org.laimark.cli.AuditCommand;
import org.laimark.cli.RunCommand;
import picocli.CommandLine;

/** A journal damaged in the middle stops resume and audit with the offset, and is never truncated. */
class CorruptJournalTest {

  @TempDir Path dir;

  @Test
  void resumeAndAuditRefuseADamagedJournalNamingTheOffsetAndLeaveItIntact() throws Exception {
    Path runDir = dir.resolve("run");
    RunConfiguration.create(SimulatedRunFixture.simulatedConf(), runDir, java.util.Map.of());
    RunDirectory run = new RunDirectory(runDir);
    try (BankStore store = BankStore.open(run, 1000, true)) {
      store.append(List.of(new BankEvent.SessionStarted(1, 0, "SIMULATED", true, "continuous", 0)));
      store.append(List.of(new BankEvent.GenerationFailed("too_few_tests", 0)));
      store.append(List.of(new BankEvent.GenerationFailed("prose", 0)));
    }
    byte[] bytes = Files.readAllBytes(run.journal());
    bytes[30] ^= 0x5A; // inside the first record's payload; two valid records follow
    Files.write(run.journal(), bytes);

    StringBuilder runErr = new StringBuilder();
    int runExit = execute(new RunCommand(), runErr, "--resume", runDir.toString());
    StringBuilder auditErr = new StringBuilder();
    int auditExit = execute(new AuditCommand(), auditErr, runDir.toString());

    assertEquals(2, runExit);
    assertTrue(runErr.toString().contains("corrupt record at offset 12"), runErr.toString());
    assertTrue(runErr.toString().contains("nothing was truncated"), runErr.toString());
    assertEquals(1, auditExit);
    assertTrue(auditErr.toString().contains("corrupt record at offset 12"), auditErr.toString());
    assertEquals(bytes.length, Files.size(run.journal()));
  }

  private static int execute(Object command, StringBuilder err, String... args) {
    PrintStream original = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true));
    try {
      CommandLine cli = new CommandLine(command);
      cli.setErr(new java.io.PrintWriter(captured, true));
      cli.setExecutionExceptionHandler((e, c, parsed) -> {
        c.getErr().println("laimark: " + e.getMessage());
        return 2;
      });
      return cli.execute(args);
    } finally {
      System.setErr(original);
      err.append(captured);
    }
  }
}
