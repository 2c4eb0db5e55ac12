package org.laimark.actors.pipeline.dedup;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.laimark.data.Problem;
import org.laimark.data.TaskType;

/**
 * The study's duplicate test against every accepted problem: the same entry point, or docstring
 * word n-gram (default trigram) Jaccard similarity strictly above a threshold (default 0.6).
 * Docstrings are lowercased and every non-alphanumeric character becomes a space before splitting
 * into words. A problem without a docstring (or with fewer words than n) has no n-grams and matches
 * only by entry point.
 *
 * <p>Only induction problems take part: deduction and abduction tasks are made from a problem
 * already accepted and share its entry point on purpose.
 *
 * <p>Mutable and owned by one actor; a linear scan, fine for the thousands of problems a run keeps.
 */
public final class DuplicateDetector {

  private static final Pattern DOCSTRING = Pattern.compile("(?s)(\"\"\"|''')(.*?)\\1");
  private static final Pattern NON_ALNUM =
      Pattern.compile("[^\\p{Alnum}]+", Pattern.UNICODE_CHARACTER_CLASS);

  /** Why a candidate duplicates an accepted problem. */
  public record Duplicate(String of, String reason, double similarity) {}

  private final int n;
  private final double threshold;
  private final Map<String, String> idByEntryPoint = new HashMap<>();
  private final Map<String, Remembered> remembered = new LinkedHashMap<>();

  private record Remembered(String id, String entryPoint, Set<String> grams) {}

  public DuplicateDetector(int n, double threshold) {
    if (n <= 0) {
      throw new IllegalArgumentException("n-gram length must be positive, got " + n);
    }
    this.n = n;
    this.threshold = threshold;
  }

  /** The accepted problem {@code candidate} duplicates, if any. */
  public Optional<Duplicate> check(Problem candidate) {
    if (candidate.taskType() != TaskType.INDUCTION) {
      return Optional.empty();
    }
    String sameEntry = idByEntryPoint.get(candidate.entryPoint());
    if (sameEntry != null && !candidate.entryPoint().isEmpty()) {
      return Optional.of(
          new Duplicate(sameEntry, "same entry point '" + candidate.entryPoint() + "'", 1));
    }
    Set<String> grams = grams(docstring(candidate.prompt()));
    if (grams.isEmpty()) {
      return Optional.empty();
    }
    for (Remembered r : remembered.values()) {
      double j = jaccard(grams, r.grams());
      if (j > threshold) {
        return Optional.of(
            new Duplicate(
                r.id(),
                String.format(Locale.ROOT, "docstring %d-gram Jaccard %.3f > %s", n, j, threshold),
                j));
      }
    }
    return Optional.empty();
  }

  /** Adds an accepted problem to compare later candidates with. */
  public void remember(Problem accepted) {
    if (accepted.taskType() != TaskType.INDUCTION) {
      return;
    }
    if (!accepted.entryPoint().isEmpty()) {
      idByEntryPoint.putIfAbsent(accepted.entryPoint(), accepted.id());
    }
    remembered.put(
        accepted.id(),
        new Remembered(accepted.id(), accepted.entryPoint(), grams(docstring(accepted.prompt()))));
  }

  /** Drops a remembered problem (a reserved candidate that was not accepted after all). */
  public void forget(String id) {
    Remembered r = remembered.remove(id);
    if (r != null && id.equals(idByEntryPoint.get(r.entryPoint()))) {
      idByEntryPoint.remove(r.entryPoint());
    }
  }

  public int size() {
    return remembered.size();
  }

  /** The first triple-quoted string of a stub, or empty. */
  static String docstring(String stub) {
    Matcher m = DOCSTRING.matcher(stub);
    return m.find() ? m.group(2) : "";
  }

  Set<String> grams(String text) {
    String[] words =
        NON_ALNUM.matcher(text.toLowerCase(Locale.ROOT)).replaceAll(" ").trim().split(" +");
    Set<String> out = new HashSet<>();
    if (words.length == 1 && words[0].isEmpty()) {
      return out;
    }
    for (int i = 0; i + n <= words.length; i++) {
      out.add(String.join(" ", Arrays.copyOfRange(words, i, i + n)));
    }
    return out;
  }

  static double jaccard(Set<String> a, Set<String> b) {
    int common = 0;
    for (String g : a) {
      if (b.contains(g)) {
        common++;
      }
    }
    int union = a.size() + b.size() - common;
    return union == 0 ? 0 : (double) common / union;
  }
}
