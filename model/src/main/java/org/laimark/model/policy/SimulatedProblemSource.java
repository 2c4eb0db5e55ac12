package org.laimark.model.policy;

import java.util.List;

/**
 * The problem texts a {@link SimulatedPolicy} "writes": one of the supplied texts per request,
 * chosen by a hash of the request, and corrupted on purpose for a configured share of requests so
 * that parsers see the failures a real model produces (a missing section, too few tests, no
 * function, prose).
 */
final class SimulatedProblemSource {

  /** The corruptions, in the order a hash picks them. */
  enum Corruption {
    NO_TESTS_SECTION,
    ONE_TEST_ONLY,
    NO_FUNCTION_DEF,
    NO_SOLUTION_SECTION,
    PROSE
  }

  private final long seed;
  private final List<String> texts;
  private final double malformedFraction;

  SimulatedProblemSource(long seed, List<String> texts, double malformedFraction) {
    this.seed = seed;
    this.texts = List.copyOf(texts);
    this.malformedFraction = malformedFraction;
  }

  String problemText(String key, long sampleSeed) {
    if (texts.isEmpty()) {
      return "";
    }
    int index = (int) (SimulatedSkills.uniform(seed, key, sampleSeed, 3) * texts.size());
    String text = texts.get(index);
    if (SimulatedSkills.uniform(seed, key, sampleSeed, 4) >= malformedFraction) {
      return text;
    }
    Corruption[] kinds = Corruption.values();
    int kind = (int) (SimulatedSkills.uniform(seed, key, sampleSeed, 5) * kinds.length);
    return corrupt(text, kinds[kind]);
  }

  static String corrupt(String text, Corruption kind) {
    switch (kind) {
      case NO_TESTS_SECTION:
        return between(text, "TESTS:", "SOLUTION:", "");
      case ONE_TEST_ONLY:
        return dropAssertsAfterFirst(text);
      case NO_FUNCTION_DEF:
        return between(text, "FUNCTION:", "TESTS:", "FUNCTION:\n\"\"\"A function.\"\"\"\n\n");
      case NO_SOLUTION_SECTION:
        int at = text.indexOf("SOLUTION:");
        return at < 0 ? text : text.substring(0, at);
      case PROSE:
      default:
        return "I am not able to write a problem on this topic right now.";
    }
  }

  private static String dropAssertsAfterFirst(String text) {
    StringBuilder out = new StringBuilder();
    boolean seenAssert = false;
    for (String line : text.split("\n", -1)) {
      boolean isAssert = line.strip().startsWith("assert");
      if (!isAssert || !seenAssert) {
        out.append(line).append('\n');
      }
      seenAssert |= isAssert;
    }
    return out.toString();
  }

  /**
   * Replaces the text from {@code start} (inclusive) to {@code end} (exclusive) with {@code with}.
   */
  private static String between(String text, String start, String end, String with) {
    int from = text.indexOf(start);
    int to = text.indexOf(end);
    if (from < 0 || to < from) {
      return text;
    }
    return text.substring(0, from) + with + text.substring(to);
  }
}
