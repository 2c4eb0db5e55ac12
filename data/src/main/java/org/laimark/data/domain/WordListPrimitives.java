package org.laimark.data.domain;

import static org.laimark.data.domain.Definitions.NO_PARAMS;
import static org.laimark.data.domain.Definitions.define;
import static org.laimark.data.domain.Definitions.param;
import static org.laimark.data.domain.Definitions.strs;
import static org.laimark.data.domain.ValueType.INT;
import static org.laimark.data.domain.ValueType.INT_LIST;
import static org.laimark.data.domain.ValueType.STR;
import static org.laimark.data.domain.ValueType.STR_LIST;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;

/** Operations on a list of strings: per-word maps, filters, orderings, joins and counts. */
final class WordListPrimitives {

  private WordListPrimitives() {}

  static List<Primitive> all() {
    return List.of(
        words("reverse_words", "reversed_words", "{in}[::-1]", NO_PARAMS, WordListPrimitives::reverse,
            "reverse the order of the words"),
        words("capitalize_words", "capitalized_words", "[w.capitalize() for w in {in}]", NO_PARAMS,
            (ws, p) -> ws.stream().map(TextPrimitives::capitalize).toList(), "capitalize every word"),
        words("uppercase_words", "uppercase_words", "[w.upper() for w in {in}]", NO_PARAMS,
            (ws, p) -> ws.stream().map(w -> w.toUpperCase(Locale.ROOT)).toList(),
            "convert every word to uppercase"),
        words("sort_words", "sorted_words", "sorted({in})", NO_PARAMS,
            (ws, p) -> ws.stream().sorted().toList(), "sort the words alphabetically"),
        words("keep_long_words", "longer_than_{a}", "[w for w in {in} if len(w) > {a}]", param(2, 5),
            (ws, p) -> ws.stream().filter(w -> w.length() > p[0]).toList(),
            "keep only the words longer than {a} characters"),
        words("dedupe_words", "unique_words", "list(dict.fromkeys({in}))", NO_PARAMS,
            (ws, p) -> List.copyOf(new LinkedHashSet<>(ws)),
            "remove duplicate words, keeping the first occurrence of each"),
        words("mirror_words", "mirrored_words", "[w[::-1] for w in {in}]", NO_PARAMS,
            (ws, p) -> ws.stream().map(w -> new StringBuilder(w).reverse().toString()).toList(),
            "reverse every word"),
        words("sort_by_length", "by_length", "sorted({in}, key=len)", NO_PARAMS,
            (ws, p) -> ws.stream().sorted(Comparator.comparingInt(String::length)).toList(),
            "sort the words by length, keeping the original order of words of equal length"),
        join("join_spaces", "joined", "' '.join({in})", (ws, p) -> String.join(" ", ws),
            "join the words with single spaces"),
        join("join_dashes", "dash_joined", "'-'.join({in})", (ws, p) -> String.join("-", ws),
            "join the words with dashes"),
        join("concatenate", "concatenated", "''.join({in})", (ws, p) -> String.join("", ws),
            "join the words without any separator"),
        join("longest_word", "longest", "max({in}, key=len, default='')", WordListPrimitives::longest,
            "take the longest word (the first one on a tie), or an empty string if there is none"),
        join("initials", "initials", "''.join(w[0] for w in {in})", WordListPrimitives::initials,
            "join the first letters of the words"),
        define("count_items", STR_LIST, INT, "item_count", "len({in})", NO_PARAMS,
            (ws, p) -> (long) strs(ws).size(), "count the words in the list"),
        define("total_length", STR_LIST, INT, "total_length", "sum(len(w) for w in {in})", NO_PARAMS,
            (ws, p) -> strs(ws).stream().mapToLong(String::length).sum(),
            "add up the lengths of the words"),
        define("word_lengths", STR_LIST, INT_LIST, "lengths", "[len(w) for w in {in}]", NO_PARAMS,
            (ws, p) -> strs(ws).stream().map(w -> (long) w.length()).toList(),
            "replace every word by its length"));
  }

  private static Primitive words(String id, String fragment, String expression,
      List<Primitive.ParamRange> params, BiFunction<List<String>, int[], List<String>> f,
      String... phrases) {
    return define(id, STR_LIST, STR_LIST, fragment, expression, params,
        (ws, p) -> List.copyOf(f.apply(strs(ws), p)), phrases);
  }

  private static Primitive join(String id, String fragment, String expression,
      BiFunction<List<String>, int[], String> f, String... phrases) {
    return define(id, STR_LIST, STR, fragment, expression, NO_PARAMS, (ws, p) -> f.apply(strs(ws), p),
        phrases);
  }

  private static List<String> reverse(List<String> ws, int[] p) {
    List<String> out = new ArrayList<>(ws);
    java.util.Collections.reverse(out);
    return out;
  }

  /** Python's {@code max(key=len)} keeps the first of equally long words. */
  private static String longest(List<String> ws, int[] p) {
    String best = "";
    for (String w : ws) {
      if (w.length() > best.length()) {
        best = w;
      }
    }
    return best;
  }

  private static String initials(List<String> ws, int[] p) {
    StringBuilder out = new StringBuilder();
    for (String w : ws) {
      if (w.isEmpty()) {
        // Python raises IndexError on ''[0]; such an input is not used for a test.
        throw new DomainBounds.OutOfDomain("initials of an empty word");
      }
      out.append(w.charAt(0));
    }
    return out.toString();
  }
}
