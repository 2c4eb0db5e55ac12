package org.laimark.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.laimark.actors.bank.JournalAudit;
import org.laimark.actors.bank.RunDirectory;
import org.laimark.cli.LaimarkCli;
import org.laimark.report.RunFactsReader;

/**
 * {@code laimark experiment paper-table --simulated} with 2 seeds and tiny staged rounds: every configuration
 * gets a row with numbers, every run its own audited run directory, and the iteration runs start from the
 * selfgen-g4 run of their seed. About a minute of SIMULATED runs (12 of them), hence "slow".
 */
@Tag("slow")
class PaperTableTest {

  @TempDir Path tmp;

  private static final Pattern NUMBER_WITH_INTERVAL = Pattern.compile("-?\\d+\\.\\d( ± \\d+\\.\\d)?");

  @Test
  void simulatedTableHasEveryConfigurationWithNumericCells() throws Exception {
    Path out = tmp.resolve("docs/results.md");
    Path configDir = Path.of(System.getProperty("laimark.root", "..")).resolve("config/experiments");

    int code = LaimarkCli.execute("experiment", "paper-table", "--simulated", "--seeds", "2", "--problems", "16",
        "--config-dir", configDir.toString(), "--runs-dir", tmp.resolve("runs").toString(), "--out", out.toString());

    assertEquals(0, code, "every run should have produced a measurement");
    String table = Files.readString(out);
    assertTrue(table.startsWith("# The study's table - SIMULATED"), table.lines().findFirst().orElse(""));
    for (StudyConfiguration c : StudyConfiguration.STUDY) {
      String row = table.lines().filter(l -> l.startsWith("| " + c.name() + " | " + c.file() + " |")).findFirst()
          .orElseThrow(() -> new AssertionError("no row for " + c.name() + " in\n" + table));
      String[] cells = row.split("\\|");
      assertEquals(" 2 of 2 ", cells[3], row);
      assertTrue(NUMBER_WITH_INTERVAL.matcher(cells[4].trim()).matches(), "pass@1 last: " + row);
      assertTrue(NUMBER_WITH_INTERVAL.matcher(cells[5].trim()).matches(), "pass@1 best: " + row);
      assertTrue(cells[6].trim().matches("[+-]\\d+\\.\\d"), "delta: " + row);
      if (c.name().startsWith("selfgen") || c.name().equals("iteration") || c.name().equals("task-skew")) {
        assertTrue(cells[7].trim().matches("\\d\\.\\d{3}"), "non-degenerate fraction: " + row);
      }
    }
    BufferedImage chart = ImageIO.read(tmp.resolve("docs/results.png").toFile());
    assertNotNull(chart);
    assertEquals(900, chart.getWidth());

    Path runs;
    try (var dirs = Files.list(tmp.resolve("runs"))) {
      runs = dirs.findFirst().orElseThrow();
    }
    for (String name : List.of("selfgen-g2-seed1", "selfgen-g4-seed2", "curated-seed1", "iteration-seed2", "task-skew-seed1")) {
      JournalAudit.Report audit = JournalAudit.audit(new RunDirectory(runs.resolve(name)));
      assertTrue(audit.passed(), name + ": " + audit.firstViolation());
      assertTrue(Files.isRegularFile(runs.resolve(name).resolve("report/report.md")), name + " has its report");
    }
    String iterationConfig = Files.readString(runs.resolve("iteration-seed2/config.conf"));
    assertTrue(iterationConfig.contains(runs.resolve("selfgen-g4-seed2/checkpoints").toString()),
        "iteration seed 2 starts from selfgen-g4 seed 2's checkpoint");
  }

  @Test
  void theSupervisedRowsRunOnlyWhenNamedAndTrainBySupervisedRounds() throws Exception {
    Path out = tmp.resolve("supervised.md");
    Path configDir = Path.of(System.getProperty("laimark.root", "..")).resolve("config/experiments");

    int code = LaimarkCli.execute("experiment", "paper-table", "--simulated", "--seeds", "1", "--problems", "16",
        "--rows", "base,selfgen-supervised,curated-supervised", "--config-dir", configDir.toString(),
        "--runs-dir", tmp.resolve("runs").toString(), "--out", out.toString());

    assertEquals(0, code, "every run should have produced a measurement");
    String table = Files.readString(out);
    for (StudyConfiguration c : StudyConfiguration.BEYOND_THE_STUDY) {
      String row = table.lines().filter(l -> l.startsWith("| " + c.name() + " | " + c.file() + " |")).findFirst()
          .orElseThrow(() -> new AssertionError("no row for " + c.name() + " in\n" + table));
      assertTrue(NUMBER_WITH_INTERVAL.matcher(row.split("\\|")[4].trim()).matches(), "pass@1 last: " + row);
    }
    assertTrue(table.lines().noneMatch(l -> l.startsWith("| selfgen-g4 |")), "only the named rows ran:\n" + table);
    Path runs;
    try (var dirs = Files.list(tmp.resolve("runs"))) {
      runs = dirs.findFirst().orElseThrow();
    }
    // The simulated sandbox knows only the simulated domain's functions, so the curated rows verify none of
    // MBPP's problems and train nothing here (as the curated row above); the self-generated row trains.
    Path selfgen = runs.resolve("selfgen-supervised-seed1");
    assertTrue(RunFactsReader.read(selfgen).status().rounds() > 0, "selfgen-supervised trained rounds");
    String report = Files.readString(selfgen.resolve("report/report.md"));
    assertTrue(report.contains("took one supervised step"), "its report says how it trained:\n" + report);
  }
}
