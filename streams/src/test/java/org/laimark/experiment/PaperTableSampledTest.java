package org.laimark.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.laimark.cli.LaimarkCli;

/**
 * {@code --sampled N}: the base and each run's last version get a second held-out score from N sampled answers
 * per task, saved beside the run and shown as its own column; a continued table reads it back instead of
 * scoring again. SIMULATED runs.
 */
@Tag("slow")
class PaperTableSampledTest {

  @TempDir Path tmp;

  @Test
  void everyRowGetsASampledScoreOfItsLastVersionScoredOnce() throws Exception {
    Path table = tmp.resolve("table");
    Path out = tmp.resolve("results.md");
    Path configDir = Path.of(System.getProperty("laimark.root", "..")).resolve("config/experiments");
    List<String> args = List.of("experiment", "paper-table", "--simulated", "--seeds", "1", "--problems", "16",
        "--rows", "base,curated", "--sampled", "4", "--config-dir", configDir.toString(), "--table-dir",
        table.toString(), "--out", out.toString());

    assertEquals(0, LaimarkCli.execute(args.toArray(String[]::new)));

    String text = Files.readString(out);
    for (String name : List.of("base", "curated")) {
      String row = text.lines().filter(l -> l.startsWith("| " + name + " | ")).findFirst()
          .orElseThrow(() -> new AssertionError("no row for " + name + " in\n" + text));
      String[] cells = row.split("\\|");
      assertTrue(cells[7].trim().matches("\\d+\\.\\d"), "sampled pass@1: " + row);
      assertTrue(cells[8].trim().matches("[+-]\\d+\\.\\d"), "paired sampled delta (one seed, no interval): " + row);
      EvaluationFile.Saved saved = EvaluationFile.read(table.resolve(name + "-seed1"), EvaluationFile.SAMPLED);
      assertEquals(4, saved.answersPerTask(), name);
      assertEquals(String.format(java.util.Locale.ROOT, "%.1f", 100 * saved.passAt1()), cells[7].trim(), row);
    }
    assertEquals(1, EvaluationFile.read(table.resolve("base-seed1")).answersPerTask(), "the greedy score stays apart");
    assertTrue(text.lines().anyMatch(l -> l.startsWith("| base | ") && l.contains("| +0.0 | n/a (no training)")),
        "the base's paired gain over itself is 0:\n" + text);
    Path curatedScore = table.resolve("curated-seed1").resolve(EvaluationFile.SAMPLED);
    FileTime scoredAt = Files.getLastModifiedTime(curatedScore);

    List<String> again = new ArrayList<>(args);
    assertEquals(0, LaimarkCli.execute(again.toArray(String[]::new)));

    assertEquals(scoredAt, Files.getLastModifiedTime(curatedScore), "read back, not scored again");
  }
}
