package org.laimark.data.domain;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The study's near-duplicate measure: word trigrams of a docstring (lowercased, every non-alphanumeric
 * character turned into a space) compared by Jaccard similarity; problems above {@link #THRESHOLD}
 * count as the same problem.
 */
public final class DocstringTrigrams {

  /** Strictly above this Jaccard similarity two docstrings are duplicates (the study's 0.6). */
  public static final double THRESHOLD = 0.6;

  private DocstringTrigrams() {}

  public static Set<String> of(String docstring) {
    String[] words = docstring.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", " ").trim().split("\\s+");
    Set<String> trigrams = new LinkedHashSet<>();
    for (int i = 0; i + 2 < words.length; i++) {
      trigrams.add(words[i] + " " + words[i + 1] + " " + words[i + 2]);
    }
    return trigrams;
  }

  public static double jaccard(Set<String> a, Set<String> b) {
    if (a.isEmpty() && b.isEmpty()) {
      return 0;
    }
    long shared = a.stream().filter(b::contains).count();
    return (double) shared / (a.size() + b.size() - shared);
  }
}
