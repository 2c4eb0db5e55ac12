package org.laimark.data.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Draws function arguments: short integer lists with repeats and negatives, short phrases of everyday
 * words (some capitalised, some palindromes), and integers of a few sizes. The mix is chosen so every
 * primitive sees inputs on which it does something (evens and odds, sorted and unsorted, duplicates).
 */
final class InputSampler {

  private static final List<String> WORDS = List.of(
      "apple", "banana", "cherry", "hello", "world", "moon", "sun", "star", "tree", "river", "stone",
      "code", "java", "python", "data", "list", "queue", "stack", "bird", "fish", "cat", "dog", "red",
      "blue", "green", "a", "an", "the", "is", "of", "book", "door", "see", "bee", "sky", "rain", "cloud",
      "apply", "idea", "open", "under", "orange", "echo", "io", "zip", "map", "rust", "kite", "lamp",
      "mix", "quiet", "yes", "no", "ok");
  private static final List<String> PALINDROMES = List.of(
      "level", "noon", "racecar", "kayak", "madam", "radar", "civic", "refer", "wow", "anna", "stats");

  private final Random rng;

  InputSampler(Random rng) {
    this.rng = rng;
  }

  Object sample(ValueType type) {
    switch (type) {
      case INT_LIST:
        return numbers();
      case STR:
        return text();
      case INT:
        return number();
      default:
        throw new IllegalArgumentException("no inputs of kind " + type);
    }
  }

  private List<Long> numbers() {
    int length = rng.nextInt(10) == 0 ? 0 : 1 + rng.nextInt(7);
    int spread = rng.nextInt(4) == 0 ? 60 : 12;
    List<Long> out = new ArrayList<>();
    for (int i = 0; i < length; i++) {
      // Repeat an earlier value now and then, so dedupe and duplicate tests have work to do.
      boolean repeat = !out.isEmpty() && rng.nextInt(6) == 0;
      out.add(repeat ? out.get(rng.nextInt(out.size())) : (long) (rng.nextInt(spread + 6) - 5));
    }
    return out;
  }

  private String text() {
    int roll = rng.nextInt(20);
    if (roll == 0) {
      return "";
    }
    if (roll <= 3) {
      return casing(PALINDROMES.get(rng.nextInt(PALINDROMES.size())));
    }
    int count = 1 + rng.nextInt(4);
    List<String> words = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      List<String> pool = rng.nextInt(8) == 0 ? PALINDROMES : WORDS;
      words.add(casing(pool.get(rng.nextInt(pool.size()))));
    }
    if (count > 1 && rng.nextInt(6) == 0) {
      words.add(words.get(rng.nextInt(words.size())));
    }
    return String.join(" ", words);
  }

  private String casing(String word) {
    int roll = rng.nextInt(10);
    if (roll < 2) {
      return TextPrimitives.capitalize(word);
    }
    return roll == 2 ? word.toUpperCase(Locale.ROOT) : word;
  }

  private long number() {
    int roll = rng.nextInt(10);
    long magnitude = roll < 5 ? 30 : roll < 8 ? 1000 : 100_000;
    long n = (long) (rng.nextDouble() * magnitude);
    return rng.nextInt(5) == 0 ? -n : n;
  }
}
