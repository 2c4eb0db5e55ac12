package org.laimark.actors.eval;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.laimark.data.Problem;

/**
 * The word n-grams of a problem, as the contamination guard compares them. Text: the stub (docstring
 * included), the reference solution, the tests and any test setup code, each field on its own. Before
 * splitting, the function's own name (and HumanEval's {@code candidate}) becomes {@code fn}, so renaming the
 * function does not hide a copy; then lower case, every run of non-alphanumerics is one space (as the
 * study's dedup did), and n consecutive words make an n-gram.
 */
final class NGrams {
  private static final Pattern NON_ALPHANUMERIC = Pattern.compile("[^a-z0-9]+");

  private NGrams() {}

  static Set<String> of(Problem p, int n) {
    List<String> names = new ArrayList<>();
    if (!p.entryPoint().isEmpty()) {
      names.add(p.entryPoint());
    }
    if (p.testSetupCode().contains("def check(candidate)")) {
      names.add("candidate");
    }
    Set<String> grams = new HashSet<>();
    for (String field : List.of(p.prompt(), p.solution(), p.tests(), p.testSetupCode())) {
      addGrams(words(field, names), n, grams);
    }
    return grams;
  }

  static List<String> words(String text, List<String> names) {
    String t = text;
    if (!names.isEmpty()) {
      String alternatives = String.join("|", names.stream().map(Pattern::quote).toList());
      t = Pattern.compile("(?<![A-Za-z0-9_])(?:" + alternatives + ")(?![A-Za-z0-9_])").matcher(t)
          .replaceAll(" fn ");
    }
    String normalised = NON_ALPHANUMERIC.matcher(t.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    return normalised.isEmpty() ? List.of() : List.of(normalised.split(" "));
  }

  private static void addGrams(List<String> words, int n, Set<String> out) {
    for (int i = 0; i + n <= words.size(); i++) {
      out.add(String.join(" ", words.subList(i, i + n)));
    }
  }
}
