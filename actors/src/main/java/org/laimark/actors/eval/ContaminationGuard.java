package org.laimark.actors.eval;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.laimark.config.EvalSettings;
import org.laimark.data.Problem;

/**
 * Keeps problems that are too close to an evaluation problem out of training. The score of a problem
 * against a benchmark problem is the IDF-weighted containment of its word n-grams ({@link NGrams}) in the
 * benchmark problem's: {@code sum idf(g) over shared g / sum idf(g) over the problem's g}, with
 * {@code idf(g) = ln((N + 1) / (df(g) + 1))} over the N = 1138 shipped benchmark problems (HumanEval and all
 * of MBPP, whatever is being checked against, so a score does not depend on the --against list).
 * Containment, not Jaccard: a short problem copied out of a long one is a copy. IDF weighting: shared
 * boilerplate ({@code for i in range}, {@code return the number of}) says little, shared rare phrases and
 * test values say a lot. A problem is flagged when its score against some benchmark problem exceeds the
 * threshold and the shared mass (the evidence) is at least a minimum: a tiny problem sharing five common
 * n-grams is "contained" without being a copy. docs/contamination.md shows the scores that chose n = 3,
 * 0.15 and 40. Thread-safe after construction.
 */
public final class ContaminationGuard {

  /**
   * A problem's closest benchmark problem.
   *
   * @param id the problem
   * @param nearest the closest benchmark task, or empty when nothing overlaps at all
   * @param score its overlap score in [0, 1]
   * @param evidence the IDF mass of the n-grams shared with it
   * @param flagged score above the threshold with at least the minimum evidence
   */
  public record Match(String id, String nearest, double score, double evidence, boolean flagged) {}

  private final int n;
  private final double threshold;
  private final double minEvidence;
  private final List<String> ids = new ArrayList<>();
  /** n-gram to the indices (into {@link #ids}) of the reference problems containing it. */
  private final Map<String, int[]> postings = new HashMap<>();
  private final BenchmarkCorpus corpus;

  /**
   * @param against the benchmark problems to check against
   * @param n word n-gram length
   * @param threshold scores above this are flagged...
   * @param minEvidence ...when the shared IDF mass is at least this
   */
  public ContaminationGuard(List<Problem> against, int n, double threshold, double minEvidence) {
    this.n = n;
    this.threshold = threshold;
    this.minEvidence = minEvidence;
    this.corpus = BenchmarkCorpus.of(n);
    Map<String, List<Integer>> index = new HashMap<>();
    for (Problem p : against) {
      int at = ids.size();
      ids.add(p.id());
      for (String g : corpus.gramsOf(p)) {
        index.computeIfAbsent(g, k -> new ArrayList<>()).add(at);
      }
    }
    index.forEach((g, refs) -> postings.put(g, refs.stream().mapToInt(Integer::intValue).toArray()));
  }

  /** A guard over the named benchmarks ({@link #referenceProblems}) with the configured measure. */
  public static ContaminationGuard against(List<String> benchmarks, EvalSettings.Contamination settings) {
    return new ContaminationGuard(referenceProblems(benchmarks), settings.ngram(), settings.threshold(),
        settings.minEvidence());
  }

  /**
   * Benchmark problems by name: {@code humaneval}, {@code mbpp} (all 974: MBPP+ and other variants draw
   * from every split), {@code mbpp-test} (11–510), or a problem file.
   */
  public static List<Problem> referenceProblems(List<String> benchmarks) {
    List<Problem> all = new ArrayList<>();
    for (String name : benchmarks) {
      switch (name.toLowerCase(Locale.ROOT)) {
        case "humaneval":
          all.addAll(Benchmarks.load("humaneval", null).tasks());
          break;
        case "mbpp":
          all.addAll(Benchmarks.mbpp("all"));
          break;
        case "mbpp-test":
          all.addAll(Benchmarks.mbpp("test"));
          break;
        default:
          if (!Path.of(name).toFile().isFile()) {
            throw new EvalInputException("--against " + name
                + ": expected humaneval, mbpp, mbpp-test or an existing problem file");
          }
          all.addAll(Benchmarks.fromFile(Path.of(name)));
      }
    }
    return all;
  }

  public double threshold() {
    return threshold;
  }

  public double minEvidence() {
    return minEvidence;
  }

  public int ngram() {
    return n;
  }

  /**
   * The benchmark problem {@code p} overlaps most, and whether that is too close: the closest problem among
   * those it shares at least the minimum evidence with (if any), else the closest of all.
   */
  public Match nearest(Problem p) {
    Set<String> grams = corpus.gramsOf(p);
    double total = 0;
    double[] shared = new double[ids.size()];
    for (String g : grams) {
      double w = corpus.idf(g);
      total += w;
      int[] refs = postings.get(g);
      if (refs != null) {
        for (int r : refs) {
          shared[r] += w;
        }
      }
    }
    int best = -1;
    int bestFlagged = -1;
    for (int r = 0; total > 0 && r < shared.length; r++) {
      if (shared[r] > 0 && (best < 0 || shared[r] > shared[best])) {
        best = r;
      }
      boolean flagged = shared[r] / total > threshold && shared[r] >= minEvidence;
      if (flagged && (bestFlagged < 0 || shared[r] > shared[bestFlagged])) {
        bestFlagged = r;
      }
    }
    int chosen = bestFlagged >= 0 ? bestFlagged : best;
    return chosen < 0 ? new Match(p.id(), "", 0, 0, false)
        : new Match(p.id(), ids.get(chosen), shared[chosen] / total, shared[chosen], bestFlagged >= 0);
  }

  /** True when {@code p} is too close to some benchmark problem to train on. */
  public boolean tooClose(Problem p) {
    return nearest(p).flagged();
  }

}
