package org.laimark.actors.eval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.laimark.data.Problem;
import org.laimark.data.io.Datasets;
import org.laimark.data.io.ProblemFormat;

/**
 * The shipped benchmarks (HumanEval and all of MBPP, 1138 problems) as n-gram sets, and the inverse
 * document frequency of every n-gram over them: {@code idf(g) = ln((N + 1) / (df(g) + 1))}, so an n-gram no
 * benchmark problem has weighs {@code ln(N + 1)}. Built once per n-gram length per JVM (the datasets never
 * change at run time) and shared by every guard; immutable after construction.
 */
final class BenchmarkCorpus {
  private static final Map<Integer, BenchmarkCorpus> BY_N = new ConcurrentHashMap<>();

  private final int n;
  private final Map<String, Problem> problemsById = new HashMap<>();
  private final Map<String, Set<String>> gramsById = new HashMap<>();
  private final Map<String, Double> idf = new HashMap<>();
  private final double unseenIdf;

  private BenchmarkCorpus(int n) {
    this.n = n;
    List<Problem> corpus = new ArrayList<>(Datasets.problems(ProblemFormat.HUMANEVAL).items());
    corpus.addAll(Benchmarks.mbpp("all"));
    Map<String, Integer> df = new HashMap<>();
    for (Problem p : corpus) {
      Set<String> grams = NGrams.of(p, n);
      problemsById.put(p.id(), p);
      gramsById.put(p.id(), grams);
      grams.forEach(g -> df.merge(g, 1, Integer::sum));
    }
    double docs = corpus.size() + 1.0;
    df.forEach((g, count) -> idf.put(g, Math.log(docs / (count + 1))));
    this.unseenIdf = Math.log(docs);
  }

  static BenchmarkCorpus of(int n) {
    return BY_N.computeIfAbsent(n, BenchmarkCorpus::new);
  }

  /** The n-grams of {@code p}: precomputed for a shipped benchmark problem, computed otherwise. */
  Set<String> gramsOf(Problem p) {
    // Only the shipped record itself may use the cache: a file may reuse an id like MBPP/11 for other text.
    return p.equals(problemsById.get(p.id())) ? gramsById.get(p.id()) : NGrams.of(p, n);
  }

  double idf(String gram) {
    Double w = idf.get(gram);
    return w == null ? unseenIdf : w;
  }
}
