package org.laimark.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.laimark.actors.bank.BankStatus;
import org.laimark.actors.bank.BankStore;
import org.laimark.actors.bank.JournalCodec;
import org.laimark.actors.bank.RunDirectory;
import org.laimark.streams.PipelineDaemon;
import org.laimark.streams.RunConfiguration;

/** A small SIMULATED run's report: its sections, its numbers against {@code laimark status}, its charts. */
class RunReportTest {

  @TempDir static Path tmp;
  static Path runDir;
  static String report;
  static BankStatus status;

  @BeforeAll
  static void runAndReport() throws Exception {
    runDir = tmp.resolve("run");
    Map<String, Object> overrides = Map.of(
        "laimark.pipeline.run.max-rounds", 3,
        "laimark.pipeline.run.progress", "off",
        "laimark.pipeline.evaluation.every-rounds", 1);
    PipelineDaemon.run(RunConfiguration.create(simulatedConf(), runDir, overrides));
    Path md = RunReport.write(runDir);
    report = Files.readString(md);
    status = BankStatus.of(BankStore.recover(new RunDirectory(runDir), new JournalCodec())); // what `status` prints
  }

  static Path simulatedConf() {
    return Path.of(System.getProperty("laimark.root", "..")).resolve("config/experiments/simulated.conf");
  }

  @Test
  void titleSaysSimulatedAndEverySectionIsThere() {
    assertTrue(report.startsWith("# Run report - SIMULATED: run"), report.lines().findFirst().orElse(""));
    for (String section : List.of("## Held-out pass@1 over policy versions", "## Counts (as `laimark status` prints them)",
        "## Acceptance funnel", "## Pass rates of accepted problems", "## Task-type mix of what was trained",
        "## Format errors (parse failures) per policy version", "## Training rounds")) {
      assertTrue(report.contains(section), "missing section " + section);
    }
  }

  @Test
  void countsTableEqualsStatus() {
    Map<String, Long> counts = table("count");
    assertEquals(status.generationRequests(), counts.get("generationRequests"));
    assertEquals(status.generationFailed(), counts.get("generationFailed"));
    assertEquals(status.proposed(), counts.get("proposed"));
    assertEquals(status.verified(), counts.get("verified"));
    assertEquals(status.rejected(), counts.get("rejected"));
    assertEquals(status.accepted(), counts.get("accepted"));
    assertEquals(status.retired(), counts.get("retired"));
    assertEquals(status.trainingUses(), counts.get("trainingUses"));
    assertEquals(status.rounds(), counts.get("rounds"));
    assertEquals(status.policyVersion(), counts.get("policyVersion"));
    assertTrue(status.rounds() >= 3, "the run should have published its 3 rounds, got " + status.rounds());
  }

  @Test
  void funnelAndRejectionsAddUpToStatus() {
    Map<String, Long> funnel = table("stage");
    assertEquals(status.generationRequests(), funnel.get("generated"));
    assertEquals(status.generationRequests() - status.generationFailed(), funnel.get("parsed"));
    assertTrue(funnel.get("verified") <= funnel.get("parsed") && funnel.get("deduplicated") <= funnel.get("verified")
        && funnel.get("calibrated/kept") <= funnel.get("deduplicated") && funnel.get("trained") <= funnel.get("calibrated/kept"),
        "the funnel must narrow: " + funnel);
    Map<String, Long> reasons = table("reason");
    assertEquals(status.rejectedByReason(), reasons);
    long trainingUses = table("task type").values().stream().mapToLong(Long::longValue).sum();
    assertEquals(status.trainingUses(), trainingUses);
  }

  @Test
  void retirementsByReasonAddUpToStatus() {
    long retired = status.retired() == 0 && !report.contains("| retired as |") ? 0
        : table("retired as").values().stream().mapToLong(Long::longValue).sum();
    assertEquals(status.retired(), retired);
  }

  @Test
  void lastEvaluationIsStatedWithItsNumbers() {
    assertNotNull(status.lastEvaluation(), "every-rounds = 1 evaluates after each round");
    String last = String.format(java.util.Locale.ROOT, "| last | v%d | %.1f%% | %d / %d |",
        status.lastEvaluation().policyVersion(), 100.0 * status.lastEvaluation().passed() / status.lastEvaluation().total(),
        status.lastEvaluation().passed(), status.lastEvaluation().total());
    assertTrue(report.contains(last), "expected the row " + last);
    assertTrue(report.contains("| best | v") && report.contains("| start | v0 |"));
  }

  @Test
  void everyChartIsAPngOfTheChartSize() throws Exception {
    for (String name : ReportCharts.ALL) {
      Path png = runDir.resolve(RunReport.DIRECTORY).resolve(name);
      BufferedImage image = ImageIO.read(png.toFile());
      assertNotNull(image, name + " does not decode as an image");
      assertEquals(ChartFrame.WIDTH, image.getWidth(), name);
      assertEquals(ChartFrame.HEIGHT, image.getHeight(), name);
      assertTrue(report.contains("](" + name + ")"), "report.md does not link " + name);
    }
  }

  /** Rows of the markdown table whose header starts with {@code | first |}: first cell → second cell. */
  private static Map<String, Long> table(String first) {
    Map<String, Long> rows = new HashMap<>();
    List<String> lines = report.lines().toList();
    int start = -1;
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith("| " + first + " |")) {
        start = i + 2;
        break;
      }
    }
    assertTrue(start > 0, "no table headed '" + first + "'");
    Pattern row = Pattern.compile("^\\| ([^|]+?) \\| (\\d+) \\|");
    for (int i = start; i < lines.size() && lines.get(i).startsWith("|"); i++) {
      Matcher m = row.matcher(lines.get(i));
      if (m.find()) {
        rows.put(m.group(1), Long.parseLong(m.group(2)));
      }
    }
    return rows;
  }
}
