package org.laimark.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.laimark.actors.bank.BankEvent.EvaluationRecorded;
import org.laimark.data.TaskType;

/**
 * Draws a run report's PNG charts from {@link RunFacts}; the file names are the ones {@link ReportMarkdown}
 * links. Every chart title carries the SIMULATED label when the run was simulated.
 */
final class ReportCharts {

  static final String PASS_AT_1 = "pass-at-1.png";
  static final String FUNNEL = "funnel.png";
  static final String REJECTIONS = "rejections.png";
  static final String PASS_RATES = "pass-rate-histogram.png";
  static final String TASK_MIX = "task-mix.png";
  static final String FORMAT_ERRORS = "format-errors.png";
  static final List<String> ALL = List.of(PASS_AT_1, FUNNEL, REJECTIONS, PASS_RATES, TASK_MIX, FORMAT_ERRORS);

  private ReportCharts() {}

  static void drawAll(RunFacts facts, Path dir) {
    String tag = facts.simulated() ? "SIMULATED - " : "";
    List<LineChart.Point> passAt1 = new ArrayList<>();
    for (EvaluationRecorded e : facts.evaluations()) {
      passAt1.add(new LineChart.Point(e.policyVersion(), 100 * RunFacts.passRate(e)));
    }
    passAt1.sort(Comparator.comparingDouble(LineChart.Point::x));
    new LineChart(tag + "held-out pass@1 by policy version", "policy version", "pass@1 (%)")
        .yRange(0, 100, "%.0f").series("pass@1", passAt1).whenEmpty("no held-out evaluation recorded")
        .write(dir.resolve(PASS_AT_1));

    Funnel f = facts.funnel();
    new BarChart(tag + "acceptance funnel (written problems)", "stage", "problems")
        .bar("generated", f.generated()).bar("parsed", f.parsed()).bar("verified", f.verified())
        .bar("deduplicated", f.deduplicated()).bar("calibrated/kept", f.kept()).bar("trained", f.trained())
        .write(dir.resolve(FUNNEL));

    BarChart rejections = new BarChart(tag + "rejections by stage:reason", "stage:reason", "problems");
    sortedByCount(facts.status().rejectedByReason()).forEach(e -> rejections.highlightedBar(e.getKey(), e.getValue()));
    rejections.write(dir.resolve(REJECTIONS));

    double[] w = facts.window();
    Histogram histogram = new Histogram(tag + "calibration pass rate of accepted problems", "pass rate", 0, 1, 10);
    if (w != null) {
      histogram.marker(w[0]).marker(w[1]);
    }
    histogram.write(facts.acceptedPassRates(), dir.resolve(PASS_RATES));

    BarChart mix = new BarChart(tag + "task-type mix of training uses", "task type", "training uses");
    for (TaskType t : TaskType.values()) {
      mix.bar(t.wireName(), facts.trainingUsesByType().getOrDefault(t, 0L));
    }
    mix.write(dir.resolve(TASK_MIX));

    List<LineChart.Point> rates = new ArrayList<>();
    facts.formatErrors().forEach((v, c) -> {
      if (!Double.isNaN(c.rate())) {
        rates.add(new LineChart.Point(v, 100 * c.rate()));
      }
    });
    new LineChart(tag + "format-error (parse failure) rate by policy version", "policy version", "parse failures (%)")
        .yRange(0, 100, "%.0f").series("format errors", rates).whenEmpty("no problems written by the policy")
        .write(dir.resolve(FORMAT_ERRORS));
  }

  static List<Map.Entry<String, Long>> sortedByCount(Map<String, Long> counts) {
    List<Map.Entry<String, Long>> entries = new ArrayList<>(counts.entrySet());
    entries.sort(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
    return entries;
  }
}
