package org.laimark.data.domain;

import static org.laimark.data.domain.Definitions.NO_PARAMS;
import static org.laimark.data.domain.Definitions.define;
import static org.laimark.data.domain.Definitions.isVowel;
import static org.laimark.data.domain.Definitions.param;
import static org.laimark.data.domain.Definitions.str;
import static org.laimark.data.domain.ValueType.BOOL;
import static org.laimark.data.domain.ValueType.INT;
import static org.laimark.data.domain.ValueType.STR;
import static org.laimark.data.domain.ValueType.STR_LIST;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;

/**
 * Operations on a string. Inputs hold ASCII letters, digits, spaces and dashes only, where Python's
 * {@code str} methods and these Java definitions agree character for character.
 */
final class TextPrimitives {

  private TextPrimitives() {}

  static List<Primitive> all() {
    return List.of(
        text("lowercase", "lowercase", "{in}.lower()", (s, p) -> s.toLowerCase(Locale.ROOT),
            "convert the text to lowercase"),
        text("uppercase", "uppercase", "{in}.upper()", (s, p) -> s.toUpperCase(Locale.ROOT),
            "convert the text to uppercase"),
        text("reverse_text", "reversed_text", "{in}[::-1]",
            (s, p) -> new StringBuilder(s).reverse().toString(), "reverse the text"),
        text("remove_vowels", "no_vowels", "''.join(c for c in {in} if c.lower() not in 'aeiou')",
            (s, p) -> s.chars().filter(c -> !isVowel((char) c)).collect(StringBuilder::new,
                StringBuilder::appendCodePoint, StringBuilder::append).toString(),
            "remove the vowels (a, e, i, o and u, in either case)"),
        text("remove_spaces", "no_spaces", "{in}.replace(' ', '')", (s, p) -> s.replace(" ", ""),
            "remove the spaces"),
        text("dash_spaces", "dashed", "{in}.replace(' ', '-')", (s, p) -> s.replace(' ', '-'),
            "replace every space with a dash"),
        text("capitalize_text", "capitalized", "{in}.capitalize()", (s, p) -> capitalize(s),
            "capitalize the first character and lowercase the rest"),
        text("swap_case", "swapped_case", "{in}.swapcase()", (s, p) -> swapCase(s),
            "swap the case of every letter"),
        text("unique_chars", "unique_chars", "''.join(dict.fromkeys({in}))", (s, p) -> uniqueChars(s),
            "remove repeated characters, keeping the first occurrence of each"),
        text("double_chars", "doubled", "''.join(c * 2 for c in {in})", (s, p) -> doubled(s),
            "double every character"),
        text("sort_chars", "sorted_chars", "''.join(sorted({in}))", (s, p) -> sortedChars(s),
            "sort the characters"),
        define("take_chars", STR, STR, "first_{a}_chars", "{in}[:{a}]", param(1, 5),
            (s, p) -> str(s).substring(0, Math.min(p[0], str(s).length())),
            "keep the first {a} characters"),
        count("count_vowels", "vowel_count", "sum(1 for c in {in}.lower() if c in 'aeiou')",
            (s, p) -> s.chars().filter(c -> isVowel((char) c)).count(),
            "count the vowels (a, e, i, o and u, in either case)"),
        count("text_length", "length", "len({in})", (s, p) -> (long) s.length(),
            "count the characters"),
        count("count_upper", "upper_count", "sum(1 for c in {in} if c.isupper())",
            (s, p) -> s.chars().filter(Character::isUpperCase).count(), "count the uppercase letters"),
        count("count_words", "word_count", "len({in}.split())", (s, p) -> (long) words(s).size(),
            "count the words"),
        define("is_palindrome_text", STR, BOOL, "is_palindrome", "{in} == {in}[::-1]", NO_PARAMS,
            (s, p) -> NumberPrimitives.isPalindrome(str(s)),
            "check whether the text reads the same backwards"),
        define("has_upper", STR, BOOL, "has_upper", "any(c.isupper() for c in {in})", NO_PARAMS,
            (s, p) -> str(s).chars().anyMatch(Character::isUpperCase),
            "check whether the text has an uppercase letter"),
        define("split_words", STR, STR_LIST, "words", "{in}.split()", NO_PARAMS,
            (s, p) -> words(str(s)), "split the text into words"),
        define("split_chars", STR, STR_LIST, "chars", "list({in})", NO_PARAMS,
            (s, p) -> Arrays.asList(str(s).split("")).stream().filter(c -> !c.isEmpty()).toList(),
            "split the text into single characters"));
  }

  /** Python's {@code str.split()} with no argument: runs of whitespace separate, ends are dropped. */
  static List<String> words(String s) {
    List<String> out = new ArrayList<>();
    for (String w : s.trim().split("\\s+")) {
      if (!w.isEmpty()) {
        out.add(w);
      }
    }
    return out;
  }

  /** Python's {@code str.capitalize()} on ASCII: first character upper, the rest lower. */
  static String capitalize(String s) {
    if (s.isEmpty()) {
      return s;
    }
    return s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1).toLowerCase(Locale.ROOT);
  }

  private static Primitive text(String id, String fragment, String expression,
      BiFunction<String, int[], String> f, String... phrases) {
    return define(id, STR, STR, fragment, expression, NO_PARAMS, (s, p) -> f.apply(str(s), p), phrases);
  }

  private static Primitive count(String id, String fragment, String expression,
      BiFunction<String, int[], Long> f, String... phrases) {
    return define(id, STR, INT, fragment, expression, NO_PARAMS, (s, p) -> f.apply(str(s), p), phrases);
  }

  private static String swapCase(String s) {
    StringBuilder out = new StringBuilder();
    for (char c : s.toCharArray()) {
      out.append(Character.isUpperCase(c) ? Character.toLowerCase(c)
          : Character.isLowerCase(c) ? Character.toUpperCase(c) : c);
    }
    return out.toString();
  }

  private static String uniqueChars(String s) {
    StringBuilder out = new StringBuilder();
    for (char c : new LinkedHashSet<>(s.chars().mapToObj(c -> (char) c).toList())) {
      out.append(c);
    }
    return out.toString();
  }

  private static String doubled(String s) {
    StringBuilder out = new StringBuilder();
    for (char c : s.toCharArray()) {
      out.append(c).append(c);
    }
    return out.toString();
  }

  private static String sortedChars(String s) {
    char[] chars = s.toCharArray();
    Arrays.sort(chars);
    return new String(chars);
  }
}
