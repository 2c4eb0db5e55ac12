package org.laimark.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.laimark.actors.bank.JournalAudit;
import org.laimark.actors.bank.JournalScanner;
import org.laimark.actors.bank.RunDirectory;
import org.laimark.cli.LaimarkCli;
import org.laimark.report.RunFactsReader;

/**
 * {@code --table-dir}: a table split over invocations by seed, and killed in the middle of a run, is finished
 * by a last invocation that runs nothing already done and resumes what was cut short. SIMULATED runs.
 */
@Tag("slow")
class PaperTableContinuationTest {

  @TempDir Path tmp;

  @Test
  void aSharedTableDirectoryMeasuresEndedRunsAndResumesAKilledOne() throws Exception {
    Path table = tmp.resolve("table");
    Path configDir = Path.of(System.getProperty("laimark.root", "..")).resolve("config/experiments");
    List<String> common = List.of("experiment", "paper-table", "--simulated", "--seeds", "2", "--problems", "16",
        "--rows", "base,selfgen-g4,iteration", "--config-dir", configDir.toString(), "--table-dir", table.toString());

    assertEquals(0, paperTable(common, "--only-seeds", "1", "--out", tmp.resolve("one.md").toString()));
    assertEquals(0, paperTable(common, "--only-seeds", "2", "--out", tmp.resolve("two.md").toString()));
    assertTrue(Files.readString(tmp.resolve("one.md")).contains("| selfgen-g4 | selfgen-g4.conf | 1 of 2 |"));

    Path killed = table.resolve("selfgen-g4-seed2");
    cutBeforeLastJournalRecord(new RunDirectory(killed));
    assertFalse(RunFactsReader.read(killed).status().sessionEnded(), "the cut run looks killed before its end");

    Path out = tmp.resolve("results.md");
    assertEquals(0, paperTable(common, "--out", out.toString()));

    String text = Files.readString(out);
    for (String row : List.of("| base | selfgen-g4.conf | 2 of 2 |", "| selfgen-g4 | selfgen-g4.conf | 2 of 2 |",
        "| iteration | iteration.conf | 2 of 2 |")) {
      assertTrue(text.contains(row), row + " in\n" + text);
    }
    for (String name : List.of("selfgen-g4-seed1", "iteration-seed1", "iteration-seed2")) {
      assertEquals(1, RunFactsReader.read(table.resolve(name)).sessions().size(), name + " was not run again");
    }
    assertEquals(2, RunFactsReader.read(killed).sessions().size(), "the killed run was resumed, not restarted");
    assertTrue(RunFactsReader.read(killed).status().sessionEnded());
    JournalAudit.Report audit = JournalAudit.audit(new RunDirectory(killed));
    assertTrue(audit.passed(), "audit: " + audit.firstViolation());
  }

  private static int paperTable(List<String> common, String... more) {
    List<String> args = new ArrayList<>(common);
    args.addAll(List.of(more));
    return LaimarkCli.execute(args.toArray(String[]::new));
  }

  /**
   * Leaves the run as a kill just before its last journal record would: the journal cut before that record,
   * and no snapshot (the end of a session snapshots the bank, so every snapshot there is of a later state).
   */
  private static void cutBeforeLastJournalRecord(RunDirectory run) throws Exception {
    long[] lastOffset = {-1};
    JournalScanner.scan(run.journal(), (offset, payload) -> lastOffset[0] = offset);
    try (RandomAccessFile file = new RandomAccessFile(run.journal().toFile(), "rw")) {
      file.setLength(lastOffset[0]);
    }
    try (var snapshots = Files.list(run.snapshots())) {
      for (Path snapshot : snapshots.toList()) {
        Files.delete(snapshot);
      }
    }
  }
}
