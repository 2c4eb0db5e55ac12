package org.laimark.data.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Keeps the held-out benchmark apart from everything that may be trained on. A problem overlaps a
 * held-out problem when it has the same composition (primitive sequence, whatever the parameters), the
 * same entry point, or a docstring whose trigram Jaccard similarity with the held-out docstring is above
 * {@link DocstringTrigrams#THRESHOLD} — the study's dedup rule, on the whole docstring (prose and
 * {@code >>>} examples) as the study applied it.
 */
public final class HeldOutGuard {

  /** Why a problem may not be trained on. */
  public record Overlap(String problem, String heldOut, String reason) {}

  private final List<DomainProblem> heldOut;
  private final Map<String, String> signatures = new HashMap<>();
  private final Map<String, String> entryPoints = new HashMap<>();
  private final List<Set<String>> trigrams = new ArrayList<>();
  private final Map<String, List<Integer>> byTrigram = new HashMap<>();

  public HeldOutGuard(List<DomainProblem> heldOut) {
    this.heldOut = List.copyOf(heldOut);
    for (int i = 0; i < this.heldOut.size(); i++) {
      DomainProblem p = this.heldOut.get(i);
      signatures.put(p.composition().signature(), p.entryPoint());
      entryPoints.put(p.entryPoint(), p.entryPoint());
      Set<String> grams = DocstringTrigrams.of(p.docstring());
      trigrams.add(grams);
      for (String g : grams) {
        byTrigram.computeIfAbsent(g, k -> new ArrayList<>()).add(i);
      }
    }
  }

  /** True when the composition is one of the held-out ones (checked before a problem is even built). */
  public boolean reservedComposition(Composition composition) {
    return signatures.containsKey(composition.signature());
  }

  /** The first reason {@code candidate} may not be trained on, if any. */
  public Optional<Overlap> overlap(DomainProblem candidate) {
    String name = candidate.entryPoint();
    String sameComposition = signatures.get(candidate.composition().signature());
    if (sameComposition != null) {
      return Optional.of(new Overlap(name, sameComposition, "same composition"));
    }
    if (entryPoints.containsKey(name)) {
      return Optional.of(new Overlap(name, name, "same entry point"));
    }
    Set<String> grams = DocstringTrigrams.of(candidate.docstring());
    Map<Integer, Integer> shared = new HashMap<>();
    for (String g : grams) {
      for (int i : byTrigram.getOrDefault(g, List.of())) {
        shared.merge(i, 1, Integer::sum);
      }
    }
    for (Map.Entry<Integer, Integer> e : shared.entrySet()) {
      int common = e.getValue();
      double jaccard = (double) common / (grams.size() + trigrams.get(e.getKey()).size() - common);
      if (jaccard > DocstringTrigrams.THRESHOLD) {
        return Optional.of(new Overlap(name, heldOut.get(e.getKey()).entryPoint(),
            String.format("docstring trigram Jaccard %.2f > %.1f", jaccard, DocstringTrigrams.THRESHOLD)));
      }
    }
    return Optional.empty();
  }

  /** Every overlap between the held-out set and {@code others}; empty when the split is clean. */
  public List<Overlap> overlaps(List<DomainProblem> others) {
    List<Overlap> found = new ArrayList<>();
    Set<String> reported = new HashSet<>();
    for (DomainProblem p : others) {
      overlap(p).filter(o -> reported.add(o.problem() + "|" + o.heldOut())).ifPresent(found::add);
    }
    return found;
  }
}
