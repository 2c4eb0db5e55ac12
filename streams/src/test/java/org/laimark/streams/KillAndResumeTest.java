package org.laimark.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.laimark.actors.bank.JournalAudit;
import org.laimark.actors.bank.RunDirectory;

/**
 * Durability end to end: a SIMULATED run in a separate JVM is killed with SIGKILL at random moments and
 * resumed, five times; after every kill the audit passes and nothing accepted before it is missing after
 * it; a last resume stops gracefully (exit 0) and the audit passes again.
 */
@Tag("slow")
class KillAndResumeTest {

  @TempDir Path dir;
  private final List<Process> started = new ArrayList<>();

  @AfterEach
  void killLeftovers() {
    started.forEach(Process::destroyForcibly);
  }

  @Test
  void killNineAtRandomMomentsLosesNothingAcceptedAndTheAuditPasses() throws Exception {
    Path runDir = dir.resolve("run");
    Random random = new Random(2026);
    long acceptedBefore = 0;
    for (int kill = 1; kill <= 5; kill++) {
      Process p = start(kill == 1
          ? List.of("run", "--config", SimulatedRunFixture.simulatedConf().toString(), "--run-dir", runDir.toString())
          : List.of("run", "--resume", runDir.toString()));
      awaitRecords(runDir, acceptedBefore == 0 ? 2 : 1, p);
      Thread.sleep(random.nextInt(3000)); // 0 ms lands in recovery/session start, later ones mid-run
      p.destroyForcibly().waitFor(30, TimeUnit.SECONDS); // SIGKILL on Linux

      JournalAudit.Report report = JournalAudit.audit(new RunDirectory(runDir));

      assertTrue(report.passed(), "after kill " + kill + ": " + report.firstViolation().orElse("") + lastLog());
      assertTrue(report.status().accepted() >= acceptedBefore,
          "accepted problems went from " + acceptedBefore + " to " + report.status().accepted());
      acceptedBefore = report.status().accepted();
    }
    Process last = start(List.of("run", "--resume", runDir.toString(), "--max-rounds", "2"));
    assertTrue(last.waitFor(240, TimeUnit.SECONDS), "the final resumed run did not stop after 2 rounds");
    assertEquals(0, last.exitValue());
    JournalAudit.Report report = JournalAudit.audit(new RunDirectory(runDir));
    assertTrue(report.passed(), report.firstViolation().orElse(""));
    assertTrue(report.status().sessionEnded(), "the last session ended gracefully on record");
    assertTrue(report.status().accepted() >= acceptedBefore);
    assertEquals(0, report.status().pending());
  }

  /**
   * Waits until this process has opened the run and written to its journal (JVM start-up time varies a
   * lot on a loaded machine; the random kill delay counts from here).
   */
  private void awaitRecords(Path runDir, long records, Process p) throws Exception {
    Path journal = new RunDirectory(runDir).journal();
    long startSize = Files.exists(journal) ? Files.size(journal) : 0;
    for (int i = 0; i < 1200; i++) {
      if (Files.exists(journal) && Files.size(journal) > startSize + 64 * (records - 1)) {
        return;
      }
      assertTrue(p.isAlive(), "the run exited early:" + lastLog());
      Thread.sleep(100);
    }
    throw new AssertionError("the run wrote nothing to its journal within 120 s:" + lastLog());
  }

  private String lastLog() {
    try {
      return "\n--- log of the killed process ---\n" + Files.readString(dir.resolve("run-" + (started.size() - 1) + ".log"));
    } catch (IOException e) {
      return "";
    }
  }

  private Process start(List<String> args) throws IOException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), "-Dlaimark.root=" + System.getProperty("laimark.root", ".."),
        CliMain.class.getName()));
    command.addAll(args);
    Process p = new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(dir.resolve("run-" + started.size() + ".log").toFile())
        .start();
    started.add(p);
    return p;
  }
}
