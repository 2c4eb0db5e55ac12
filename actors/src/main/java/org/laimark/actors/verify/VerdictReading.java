package org.laimark.actors.verify;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.laimark.data.Verdict;
import org.laimark.data.VerdictStatus;

/**
 * Turns the verdicts of a problem's runs into findings and a status; pure, so every rule is
 * unit-tested without a sandbox. Verdicts are compared by status, first failing test and error type
 * — not by message or output, which may hold addresses or timings. Wall-time and CPU-limit verdicts
 * count as one kind ("too slow"), since which of the two fires first depends on load.
 */
final class VerdictReading {
  private VerdictReading() {}

  /**
   * Findings about the reference solution, given one verdict per world (same order). A reference
   * that is too slow in any world is a failed reference, not a nondeterministic test: being near
   * the limit is the reference's fault.
   */
  static List<Finding> reference(List<World> worlds, List<Verdict> verdicts) {
    List<Finding> findings = new ArrayList<>();
    for (int i = 0; i < verdicts.size(); i++) {
      if (tooSlow(verdicts.get(i))) {
        findings.add(new Finding.ReferenceFailed(worlds.get(i).name(), verdicts.get(i)));
        return findings;
      }
    }
    int firstFailure = -1;
    for (int i = 0; i < verdicts.size() && firstFailure < 0; i++) {
      firstFailure = verdicts.get(i).passed() ? -1 : i;
    }
    if (firstFailure < 0) {
      return findings;
    }
    findings.add(
        new Finding.ReferenceFailed(worlds.get(firstFailure).name(), verdicts.get(firstFailure)));
    worldDependence("the reference solution", worlds, verdicts).ifPresent(findings::add);
    return findings;
  }

  /**
   * Findings about the tests, given each trivial solution's verdict in every world (same order).
   */
  static List<Finding> trivialSolutions(
      List<World> worlds, Map<TrivialSolution, List<Verdict>> verdicts) {
    List<Finding> findings = new ArrayList<>();
    for (Map.Entry<TrivialSolution, List<Verdict>> entry : verdicts.entrySet()) {
      List<String> passedIn = new ArrayList<>();
      for (int i = 0; i < worlds.size(); i++) {
        if (entry.getValue().get(i).passed()) {
          passedIn.add(worlds.get(i).name());
        }
      }
      String subject = "the trivial solution '" + entry.getKey().label() + "'";
      worldDependence(subject, worlds, entry.getValue()).ifPresent(findings::add);
      if (!passedIn.isEmpty()) {
        findings.add(new Finding.TrivialPass(entry.getKey(), passedIn, worlds.size()));
      }
    }
    return findings;
  }

  /**
   * The status the findings add up to: world dependence first (it explains the rest), then failure.
   */
  static VerificationStatus status(List<Finding> findings) {
    if (findings.stream().anyMatch(f -> f instanceof Finding.WorldDependent)) {
      return VerificationStatus.NONDETERMINISTIC;
    }
    if (findings.stream().anyMatch(f -> f instanceof Finding.ReferenceFailed)) {
      return VerificationStatus.REFERENCE_FAILED;
    }
    return findings.isEmpty() ? VerificationStatus.VERIFIED : VerificationStatus.VACUOUS_TESTS;
  }

  /**
   * One line for humans: the most telling finding of each kind, the kind behind the status first
   * (world dependence, reference failure, trivial passes — the order of {@link #status}), and how
   * many more.
   */
  static String detail(List<Finding> findings, int referenceWorlds) {
    if (findings.isEmpty()) {
      return "the reference passes in all "
          + referenceWorlds
          + " worlds and the tests reject every trivial solution in every world";
    }
    List<String> parts = new ArrayList<>();
    for (Class<?> kind :
        List.of(
            Finding.WorldDependent.class,
            Finding.ReferenceFailed.class,
            Finding.TrivialPass.class)) {
      findings.stream()
          .filter(kind::isInstance)
          .max(Comparator.comparingInt(VerdictReading::weight))
          .ifPresent(f -> parts.add(f.describe()));
    }
    int more = findings.size() - parts.size();
    return String.join("; ", parts)
        + (more == 0
            ? ""
            : " (+" + more + " more finding" + (more == 1 ? "" : "s") + " in the row)");
  }

  /** A trivial solution passing in more worlds is the stronger evidence; ties keep the first. */
  private static int weight(Finding f) {
    return f instanceof Finding.TrivialPass ? ((Finding.TrivialPass) f).worlds().size() : 0;
  }

  static boolean infraError(List<Verdict> verdicts) {
    return verdicts.stream().anyMatch(v -> v.status() == VerdictStatus.INFRA_ERROR);
  }

  /**
   * The first world whose verdict differs from the first comparable one, ignoring too-slow verdicts
   * (for a trivial solution, hitting a limit says nothing about the tests).
   */
  private static Optional<Finding> worldDependence(
      String subject, List<World> worlds, List<Verdict> verdicts) {
    int baseline = -1;
    for (int i = 0; i < verdicts.size(); i++) {
      if (tooSlow(verdicts.get(i))) {
        continue;
      }
      if (baseline < 0) {
        baseline = i;
      } else if (!signature(verdicts.get(i)).equals(signature(verdicts.get(baseline)))) {
        return Optional.of(
            new Finding.WorldDependent(
                subject,
                worlds.get(baseline).name(),
                verdicts.get(baseline),
                worlds.get(i).name(),
                verdicts.get(i)));
      }
    }
    return Optional.empty();
  }

  private static boolean tooSlow(Verdict v) {
    return v.status() == VerdictStatus.TIMEOUT || v.status() == VerdictStatus.CPU_LIMIT;
  }

  private static List<Object> signature(Verdict v) {
    return List.of(v.status(), v.failedTest().strip(), v.errorType());
  }
}
