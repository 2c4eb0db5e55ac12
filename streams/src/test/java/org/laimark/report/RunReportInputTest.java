package org.laimark.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.laimark.cli.LaimarkCli;

/** A directory that is not a readable run is one line naming it, never a stack trace or a half report. */
class RunReportInputTest {

  @TempDir Path tmp;

  @Test
  void missingDirectoryIsNamed() {
    RunDirectoryException e = assertThrows(RunDirectoryException.class, () -> RunReport.write(tmp.resolve("nope")));
    assertTrue(e.getMessage().contains("nope") && e.getMessage().contains("no such directory"), e.getMessage());
  }

  @Test
  void directoryWithoutJournalIsNotARun() {
    RunDirectoryException e = assertThrows(RunDirectoryException.class, () -> RunReport.write(tmp));
    assertTrue(e.getMessage().contains("no journal.log"), e.getMessage());
    assertTrue(Files.notExists(tmp.resolve(RunReport.DIRECTORY)), "nothing is written for a non-run");
  }

  @Test
  void damagedJournalIsOneLineFromTheCli() throws Exception {
    Files.writeString(tmp.resolve("journal.log"), "not a journal at all");
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream saved = System.err;
    int code;
    try {
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      code = LaimarkCli.execute("report", tmp.toString());
    } finally {
      System.setErr(saved);
    }
    String text = err.toString(StandardCharsets.UTF_8).trim();
    assertEquals(2, code);
    assertEquals(1, text.lines().count(), text);
    assertTrue(text.startsWith("laimark: ") && text.contains("journal.log") && text.contains("not a laimark journal"), text);
  }
}
