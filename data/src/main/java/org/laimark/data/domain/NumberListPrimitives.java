package org.laimark.data.domain;

import static org.laimark.data.domain.Definitions.NO_PARAMS;
import static org.laimark.data.domain.Definitions.define;
import static org.laimark.data.domain.Definitions.ints;
import static org.laimark.data.domain.Definitions.param;
import static org.laimark.data.domain.Definitions.params;
import static org.laimark.data.domain.ValueType.BOOL;
import static org.laimark.data.domain.ValueType.INT;
import static org.laimark.data.domain.ValueType.INT_LIST;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.BiPredicate;

/** Operations on a list of integers: filters, element-wise maps, reorderings, reductions, tests. */
final class NumberListPrimitives {

  private NumberListPrimitives() {}

  static List<Primitive> all() {
    return List.of(
        keep("keep_even", "evens", "x % 2 == 0", NO_PARAMS, (x, p) -> Math.floorMod(x, 2) == 0,
            "keep only the even numbers", "remove the odd numbers"),
        keep("keep_odd", "odds", "x % 2 == 1", NO_PARAMS, (x, p) -> Math.floorMod(x, 2) == 1,
            "keep only the odd numbers", "remove the even numbers"),
        keep("keep_above", "above_{a}", "x > {a}", param(0, 9), (x, p) -> x > p[0],
            "keep only the numbers greater than {a}"),
        keep("keep_below", "below_{a}", "x < {a}", param(0, 9), (x, p) -> x < p[0],
            "keep only the numbers less than {a}"),
        keep("keep_positive", "positives", "x > 0", NO_PARAMS, (x, p) -> x > 0,
            "keep only the positive numbers", "remove the numbers that are zero or negative"),
        keep("keep_multiples", "multiples_of_{a}", "x % {a} == 0", param(3, 5),
            (x, p) -> Math.floorMod(x, (long) p[0]) == 0, "keep only the multiples of {a}"),
        map("square_each", "squared", "x * x", NO_PARAMS, (x, p) -> Math.multiplyExact(x, x),
            "square every number", "replace every number by its square"),
        map("add_each", "plus_{a}", "x + {a}", param(1, 9), (x, p) -> x + p[0],
            "add {a} to every number"),
        map("subtract_each", "minus_{a}", "x - {a}", param(1, 9), (x, p) -> x - p[0],
            "subtract {a} from every number"),
        map("multiply_each", "times_{a}", "x * {a}", param(2, 5), (x, p) -> x * p[0],
            "multiply every number by {a}"),
        map("abs_each", "absolute", "abs(x)", NO_PARAMS, (x, p) -> Math.abs(x),
            "take the absolute value of every number"),
        map("negate_each", "negated", "-x", NO_PARAMS, (x, p) -> -x, "negate every number"),
        map("mod_each", "mod_{a}", "x % {a}", param(2, 7), (x, p) -> Math.floorMod(x, (long) p[0]),
            "replace every number by its remainder modulo {a}"),
        map("clamp_each", "clamped_{a}_{b}", "max({a}, min({b}, x))", params(0, 3, 5, 9),
            (x, p) -> Math.max(p[0], Math.min(p[1], x)), "clamp every number to the range {a} to {b}"),
        map("halve_each", "halved", "x // 2", NO_PARAMS, (x, p) -> Math.floorDiv(x, 2L),
            "halve every number, rounding down"),
        map("digit_sum_each", "digit_sums", "sum(int(d) for d in str(abs(x)))", NO_PARAMS,
            (x, p) -> NumberPrimitives.digitSum(x), "replace every number by the sum of its digits"),
        reorder("reverse_list", "reversed", "{in}[::-1]", NO_PARAMS, NumberListPrimitives::reverse,
            "reverse the list", "reverse the order of the numbers"),
        reorder("sort_ascending", "sorted", "sorted({in})", NO_PARAMS,
            (xs, p) -> xs.stream().sorted().toList(), "sort the numbers in ascending order"),
        reorder("sort_descending", "sorted_desc", "sorted({in}, reverse=True)", NO_PARAMS,
            (xs, p) -> reverse(xs.stream().sorted().toList(), p), "sort the numbers in descending order"),
        reorder("dedupe_list", "unique", "list(dict.fromkeys({in}))", NO_PARAMS,
            (xs, p) -> List.copyOf(new LinkedHashSet<>(xs)),
            "remove duplicates, keeping the first occurrence of each number"),
        reorder("running_max", "running_max", "[max({in}[:i + 1]) for i in range(len({in}))]", NO_PARAMS,
            NumberListPrimitives::runningMax, "replace each number by the largest number seen so far"),
        reorder("running_sum", "running_sum", "[sum({in}[:i + 1]) for i in range(len({in}))]", NO_PARAMS,
            NumberListPrimitives::runningSum,
            "replace each number by the sum of the numbers up to and including it"),
        reorder("take_first", "first_{a}", "{in}[:{a}]", param(1, 4),
            (xs, p) -> xs.subList(0, Math.min(p[0], xs.size())), "keep the first {a} numbers"),
        reorder("drop_first", "drop_{a}", "{in}[{a}:]", param(1, 3),
            (xs, p) -> xs.subList(Math.min(p[0], xs.size()), xs.size()), "drop the first {a} numbers"),
        reorder("differences", "differences", "[b - a for a, b in zip({in}, {in}[1:])]", NO_PARAMS,
            NumberListPrimitives::differences,
            "replace the list by the differences between neighbouring numbers (each minus the one before)"),
        reorder("every_other", "every_other", "{in}[::2]", NO_PARAMS, NumberListPrimitives::everyOther,
            "keep every second number, starting with the first"),
        reduce("sum_list", "sum", "sum({in})", (xs, p) -> xs.stream().mapToLong(Long::longValue).sum(),
            "add the numbers up", "compute the sum of the numbers"),
        reduce("count_list", "count", "len({in})", (xs, p) -> (long) xs.size(), "count the numbers"),
        reduce("max_or_zero", "max", "max({in}, default=0)",
            (xs, p) -> xs.stream().mapToLong(Long::longValue).max().orElse(0),
            "take the largest number, or 0 if there is none"),
        reduce("min_or_zero", "min", "min({in}, default=0)",
            (xs, p) -> xs.stream().mapToLong(Long::longValue).min().orElse(0),
            "take the smallest number, or 0 if there is none"),
        reduce("count_even", "even_count", "sum(1 for x in {in} if x % 2 == 0)",
            (xs, p) -> xs.stream().filter(x -> Math.floorMod(x, 2) == 0).count(), "count the even numbers"),
        reduce("span", "span", "max({in}) - min({in}) if {in} else 0", NumberListPrimitives::span,
            "take the difference between the largest and the smallest number, or 0 if there is none"),
        reduce("first_or_zero", "first", "{in}[0] if {in} else 0",
            (xs, p) -> xs.isEmpty() ? 0L : xs.get(0), "take the first number, or 0 if there is none"),
        reduce("last_or_zero", "last", "{in}[-1] if {in} else 0",
            (xs, p) -> xs.isEmpty() ? 0L : xs.get(xs.size() - 1),
            "take the last number, or 0 if there is none"),
        test("is_sorted", "is_sorted", "all(a <= b for a, b in zip({in}, {in}[1:]))", NO_PARAMS,
            NumberListPrimitives::ascending, "check whether the numbers are in ascending order"),
        test("all_positive", "all_positive", "all(x > 0 for x in {in})", NO_PARAMS,
            (xs, p) -> xs.stream().allMatch(x -> x > 0), "check whether every number is positive"),
        test("any_even", "has_even", "any(x % 2 == 0 for x in {in})", NO_PARAMS,
            (xs, p) -> xs.stream().anyMatch(x -> Math.floorMod(x, 2) == 0),
            "check whether any number is even"),
        test("has_duplicates", "has_duplicates", "len(set({in})) != len({in})", NO_PARAMS,
            (xs, p) -> new LinkedHashSet<>(xs).size() != xs.size(),
            "check whether any number appears more than once"),
        test("contains_value", "contains_{a}", "{a} in {in}", param(0, 9),
            (xs, p) -> xs.contains((long) p[0]), "check whether the number {a} appears in the list"));
  }

  private static Primitive keep(String id, String fragment, String condition,
      List<Primitive.ParamRange> params, BiPredicate<Long, int[]> keep, String... phrases) {
    return define(id, INT_LIST, INT_LIST, fragment, "[x for x in {in} if " + condition + "]", params,
        (in, p) -> ints(in).stream().filter(x -> keep.test(x, p)).toList(), phrases);
  }

  private static Primitive map(String id, String fragment, String element,
      List<Primitive.ParamRange> params, BiFunction<Long, int[], Long> f, String... phrases) {
    return define(id, INT_LIST, INT_LIST, fragment, "[" + element + " for x in {in}]", params,
        (in, p) -> ints(in).stream().map(x -> f.apply(x, p)).toList(), phrases);
  }

  private static Primitive reorder(String id, String fragment, String expression,
      List<Primitive.ParamRange> params, BiFunction<List<Long>, int[], List<Long>> f, String... phrases) {
    return define(id, INT_LIST, INT_LIST, fragment, expression, params,
        (in, p) -> List.copyOf(f.apply(ints(in), p)), phrases);
  }

  private static Primitive reduce(String id, String fragment, String expression,
      BiFunction<List<Long>, int[], Long> f, String... phrases) {
    return define(id, INT_LIST, INT, fragment, expression, NO_PARAMS,
        (in, p) -> f.apply(ints(in), p), phrases);
  }

  private static Primitive test(String id, String fragment, String expression,
      List<Primitive.ParamRange> params, BiFunction<List<Long>, int[], Boolean> f, String... phrases) {
    return define(id, INT_LIST, BOOL, fragment, expression, params, (in, p) -> f.apply(ints(in), p),
        phrases);
  }

  private static List<Long> reverse(List<Long> xs, int[] p) {
    List<Long> out = new ArrayList<>(xs);
    java.util.Collections.reverse(out);
    return out;
  }

  private static List<Long> runningMax(List<Long> xs, int[] p) {
    List<Long> out = new ArrayList<>();
    for (long x : xs) {
      out.add(out.isEmpty() ? x : Math.max(out.get(out.size() - 1), x));
    }
    return out;
  }

  private static List<Long> runningSum(List<Long> xs, int[] p) {
    List<Long> out = new ArrayList<>();
    for (long x : xs) {
      out.add(out.isEmpty() ? x : out.get(out.size() - 1) + x);
    }
    return out;
  }

  private static List<Long> differences(List<Long> xs, int[] p) {
    List<Long> out = new ArrayList<>();
    for (int i = 1; i < xs.size(); i++) {
      out.add(xs.get(i) - xs.get(i - 1));
    }
    return out;
  }

  private static List<Long> everyOther(List<Long> xs, int[] p) {
    List<Long> out = new ArrayList<>();
    for (int i = 0; i < xs.size(); i += 2) {
      out.add(xs.get(i));
    }
    return out;
  }

  private static Long span(List<Long> xs, int[] p) {
    if (xs.isEmpty()) {
      return 0L;
    }
    return xs.stream().mapToLong(Long::longValue).max().getAsLong()
        - xs.stream().mapToLong(Long::longValue).min().getAsLong();
  }

  private static Boolean ascending(List<Long> xs, int[] p) {
    for (int i = 1; i < xs.size(); i++) {
      if (xs.get(i - 1) > xs.get(i)) {
        return false;
      }
    }
    return true;
  }
}
