package org.laimark.report;

import java.util.Locale;
import org.laimark.actors.bank.BankEvent.EvaluationRecorded;
import org.laimark.actors.bank.BankStatus;
import org.laimark.data.TaskType;

/**
 * The text of {@code report.md}: one section per question a reader asks of a run (did pass@1 move, where
 * did problems drop out, how hard were the kept ones, what was trained, how often did the policy break
 * the format), each with its numbers in a table and its chart. Counts are the journal's, with no
 * estimation; what the journal cannot tell is said, not guessed.
 */
final class ReportMarkdown {

  private final RunFacts f;
  private final StringBuilder out = new StringBuilder();

  private ReportMarkdown(RunFacts facts) {
    this.f = facts;
  }

  static String of(RunFacts facts) {
    ReportMarkdown md = new ReportMarkdown(facts);
    md.header();
    md.passAt1();
    md.counts();
    md.funnel();
    md.passRates();
    md.taskMix();
    md.formatErrors();
    md.rounds();
    return md.out.toString();
  }

  private void header() {
    line("# Run report" + (f.simulated() ? " - SIMULATED" : "") + ": " + f.runDir().getFileName());
    line("");
    if (f.simulated()) {
      line("> **SIMULATED**: this run used a simulated policy and sandbox; no number below is a model result.");
      line("");
    }
    line("- run directory: `" + f.runDir() + "`");
    BankStatus s = f.status();
    line("- sessions: " + s.session() + (s.session() == 0 ? " (none on record yet: the run is starting)"
        : s.sessionEnded() ? " (the last one ended gracefully)"
        : " (the last one has not ended: still running, or it died and can be resumed)"));
    f.sessions().forEach(x -> line("  - session " + x.session() + ": " + x.policyDescription() + ", mode " + x.mode()
        + ", started at policy version " + x.policyVersion()));
    f.settings().forEach((k, v) -> line("- `" + k + "` = " + v));
    line("");
  }

  private void passAt1() {
    line("## Held-out pass@1 over policy versions");
    line("");
    EvaluationRecorded start = f.startEvaluation();
    EvaluationRecorded last = f.lastEvaluation();
    EvaluationRecorded best = f.bestEvaluation();
    if (last == null) {
      line("No held-out evaluation was recorded in this run (see `evaluation.every-rounds`).");
    } else {
      line("Benchmark: " + last.benchmark() + ".");
      line("");
      line("| | policy version | pass@1 | passed / total |");
      line("|---|---|---|---|");
      line("| start | " + (start == null ? "v" + f.startVersion() + " | not evaluated in this run | - |" : row(start)));
      line("| last | " + row(last));
      line("| best | " + row(best));
      line("");
      line(start == null
          ? "Before/after: the starting version v" + f.startVersion() + " has no evaluation in this run, so no"
              + " before/after difference is stated here; the base row of `laimark experiment paper-table` measures it."
          : String.format(Locale.ROOT, "Before/after: v%d %.1f%% -> last v%d %.1f%% (%+.1f points); best v%d %.1f%% (%+.1f points).",
              start.policyVersion(), pct(start), last.policyVersion(), pct(last), pct(last) - pct(start),
              best.policyVersion(), pct(best), pct(best) - pct(start)));
      line("");
      line("| policy version | pass@1 | passed / total | new best | note |");
      line("|---|---|---|---|---|");
      f.evaluations().forEach(e -> line(String.format(Locale.ROOT, "| v%d | %.1f%% | %d / %d | %s | %s |",
          e.policyVersion(), pct(e), e.passed(), e.total(), e.best() ? "yes" : "", e.note())));
    }
    image("pass@1 over policy versions", ReportCharts.PASS_AT_1);
  }

  private void counts() {
    BankStatus s = f.status();
    line("## Counts (as `laimark status` prints them)");
    line("");
    line("| count | value |");
    line("|---|---|");
    count("journalRecords", s.journalRecords());
    count("generationRequests", s.generationRequests());
    count("generationFailed", s.generationFailed());
    count("proposed", s.proposed());
    count("verified", s.verified());
    count("rejected", s.rejected());
    count("accepted", s.accepted());
    count("active", s.active());
    count("retired", s.retired());
    count("abandoned", s.abandoned());
    count("pending", s.pending());
    count("trainingUses", s.trainingUses());
    count("calibrationSamples", s.calibrationSamples());
    count("rounds", s.rounds());
    count("policyVersion", s.policyVersion());
    line("");
  }

  private void funnel() {
    Funnel n = f.funnel();
    line("## Acceptance funnel");
    line("");
    line("Written problems (by the policy, or read from a curated set), stage by stage; \"deduplicated\" counts"
        + " the problems that reached a calibration decision.");
    line("");
    line("| stage | problems | of the stage before |");
    line("|---|---|---|");
    stage("generated", n.generated(), -1);
    stage("parsed", n.parsed(), n.generated());
    stage("verified", n.verified(), n.parsed());
    stage("deduplicated", n.deduplicated(), n.verified());
    stage("calibrated/kept", n.kept(), n.deduplicated());
    stage("trained", n.trained(), n.kept());
    line("");
    line("Abandoned by a dead session or still without a decision: " + n.unfinished() + ". Derived"
        + " deduction/abduction tasks: " + n.derivedProposed() + " made, " + n.derivedKept() + " kept by calibration, "
        + n.derivedTrained() + " trained.");
    line("");
    line("Rejections by reason (`stage:reason`; `generate:*` are parse failures):");
    line("");
    line("| reason | problems |");
    line("|---|---|");
    ReportCharts.sortedByCount(f.status().rejectedByReason()).forEach(e -> line("| " + e.getKey() + " | " + e.getValue() + " |"));
    image("acceptance funnel", ReportCharts.FUNNEL);
    image("rejections by reason", ReportCharts.REJECTIONS);
  }

  private void passRates() {
    line("## Pass rates of accepted problems");
    line("");
    if (f.acceptedPassRates().isEmpty()) {
      line("No problem was accepted.");
    } else {
      double mean = f.acceptedPassRates().stream().mapToDouble(Double::doubleValue).average().orElse(0);
      line(String.format(Locale.ROOT, "%d accepted (written and derived), calibration window [%.2f, %.2f],"
          + " mean pass rate %.3f under the version that calibrated each.", f.acceptedPassRates().size(),
          f.window()[0], f.window()[1], mean));
    }
    image("pass-rate histogram", ReportCharts.PASS_RATES);
  }

  private void taskMix() {
    line("## Task-type mix of what was trained");
    line("");
    long total = f.trainingUsesByType().values().stream().mapToLong(Long::longValue).sum();
    line("| task type | training uses | share | distinct problems | configured share |");
    line("|---|---|---|---|---|");
    for (TaskType t : TaskType.values()) {
      long uses = f.trainingUsesByType().getOrDefault(t, 0L);
      line(String.format(Locale.ROOT, "| %s | %d | %s | %d | %s |", t.wireName(), uses,
          total == 0 ? "-" : String.format(Locale.ROOT, "%.1f%%", 100.0 * uses / total),
          f.problemsTrainedByType().getOrDefault(t, 0L), f.settings().getOrDefault("tasks.shares." + t.wireName(), "-")));
    }
    image("task-type mix", ReportCharts.TASK_MIX);
  }

  private void formatErrors() {
    line("## Format errors (parse failures) per policy version");
    line("");
    long parsed = f.formatErrors().values().stream().mapToLong(RunFacts.FormatErrors::parsed).sum();
    long failed = f.formatErrors().values().stream().mapToLong(RunFacts.FormatErrors::failed).sum();
    if (parsed + failed == 0) {
      line("The policy wrote no problems in this run (curated source), so there is no format-error rate.");
    } else {
      line(String.format(Locale.ROOT, "Overall %d of %d answers to problem-writing prompts did not parse (%.1f%%).",
          failed, parsed + failed, 100.0 * failed / (parsed + failed)));
      line("");
      line("| policy version | answers | parse failures | rate |");
      line("|---|---|---|---|");
      f.formatErrors().forEach((v, c) -> line(String.format(Locale.ROOT, "| v%d | %d | %d | %.1f%% |", v,
          c.parsed() + c.failed(), c.failed(), 100 * c.rate())));
    }
    image("format-error rate", ReportCharts.FORMAT_ERRORS);
  }

  private void rounds() {
    boolean supervised = "supervised".equals(f.settings().get("trainer.update"));
    line("## Training rounds");
    line("");
    line(supervised
        ? "Each round sampled G rollouts per problem as its pass-rate evidence, then took one supervised step on the"
            + " round's verified reference answers (trainer.update = supervised); mean reward is the rollouts'."
        : "Each round sampled G rollouts per problem and took one GRPO step on them.");
    line("");
    double nd = f.nonDegenerateGroupFraction();
    line(f.rounds().isEmpty() ? "No round was published." : String.format(Locale.ROOT,
        "%d published rounds; non-degenerate group fraction (groups with non-zero reward variance, over the groups"
            + " of published rounds) %.3f.%s", f.rounds().size(), nd, supervised ? ""
            : " A round in which no group had variance trains nothing and publishes nothing, so it is not in the"
            + " journal and not in this fraction."));
    line("");
    if (!f.rounds().isEmpty()) {
      line("| version | round | groups | non-degenerate | mean reward | loss |");
      line("|---|---|---|---|---|---|");
      f.rounds().forEach(r -> line(String.format(Locale.ROOT, "| v%d | %d | %d | %.3f | %.3f | %.4f |", r.version(),
          r.round(), r.groups(), r.nonDegenerateGroupFraction(), r.meanReward(), r.loss())));
    }
    if (!f.retirements().isEmpty()) {
      line("");
      line("Retired from the bank when a round's rollouts put a problem outside the window (too_easy: learnt;"
          + " too_hard: out of reach):");
      line("");
      line("| retired as | problems | rounds trained before (mean) |");
      line("|---|---|---|");
      f.retirements().forEach(r -> line(String.format(Locale.ROOT, "| %s | %d | %.1f |", r.reason(), r.problems(),
          r.meanRoundsTrained())));
    }
  }

  private void stage(String name, long value, long before) {
    String share = before <= 0 ? "" : String.format(Locale.ROOT, "%.1f%%", 100.0 * value / before);
    line("| " + name + " | " + value + " | " + share + " |");
  }

  private void count(String name, long value) {
    line("| " + name + " | " + value + " |");
  }

  private void image(String alt, String file) {
    line("");
    line("![" + alt + "](" + file + ")");
    line("");
  }

  private static String row(EvaluationRecorded e) {
    return String.format(Locale.ROOT, "v%d | %.1f%% | %d / %d |", e.policyVersion(), pct(e), e.passed(), e.total());
  }

  private static double pct(EvaluationRecorded e) {
    return 100 * RunFacts.passRate(e);
  }

  private void line(String text) {
    out.append(text).append('\n');
  }
}
