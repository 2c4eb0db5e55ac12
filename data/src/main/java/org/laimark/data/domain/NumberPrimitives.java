package org.laimark.data.domain;

import static org.laimark.data.domain.Definitions.NO_PARAMS;
import static org.laimark.data.domain.Definitions.absDigits;
import static org.laimark.data.domain.Definitions.define;
import static org.laimark.data.domain.Definitions.num;
import static org.laimark.data.domain.Definitions.param;
import static org.laimark.data.domain.ValueType.BOOL;
import static org.laimark.data.domain.ValueType.INT;
import static org.laimark.data.domain.ValueType.INT_LIST;
import static org.laimark.data.domain.ValueType.STR;

import java.util.ArrayList;
import java.util.List;

/** Operations on one integer: arithmetic, digits, divisors, parity tests and text forms. */
final class NumberPrimitives {

  private NumberPrimitives() {}

  static List<Primitive> all() {
    return List.of(
        define("digit_sum", INT, INT, "digit_sum", "sum(int(d) for d in str(abs({in})))", NO_PARAMS,
            (n, p) -> digitSum(num(n)), "compute the sum of its digits"),
        define("add_number", INT, INT, "add_{a}", "{in} + {a}", param(1, 9),
            (n, p) -> num(n) + p[0], "add {a} to the number"),
        define("multiply_number", INT, INT, "mul_{a}", "{in} * {a}", param(2, 5),
            (n, p) -> num(n) * p[0], "multiply the number by {a}"),
        define("square_number", INT, INT, "square", "{in} * {in}", NO_PARAMS,
            (n, p) -> Math.multiplyExact(num(n), num(n)), "square the number"),
        define("abs_number", INT, INT, "abs_value", "abs({in})", NO_PARAMS,
            (n, p) -> Math.abs(num(n)), "take its absolute value"),
        define("mod_number", INT, INT, "remainder_{a}", "{in} % {a}", param(2, 9),
            (n, p) -> Math.floorMod(num(n), (long) p[0]), "take its remainder modulo {a}"),
        define("halve_number", INT, INT, "half", "{in} // 2", NO_PARAMS,
            (n, p) -> Math.floorDiv(num(n), 2L), "halve it, rounding down"),
        define("digit_count", INT, INT, "digit_count", "len(str(abs({in})))", NO_PARAMS,
            (n, p) -> (long) absDigits(num(n)).length(), "count its digits"),
        define("reverse_digits", INT, INT, "reversed_digits", "int(str(abs({in}))[::-1])", NO_PARAMS,
            (n, p) -> Long.parseLong(new StringBuilder(absDigits(num(n))).reverse().toString()),
            "reverse its digits, dropping any minus sign"),
        define("digits", INT, INT_LIST, "digits", "[int(d) for d in str(abs({in}))]", NO_PARAMS,
            (n, p) -> digitList(num(n)), "split the number into its digits"),
        define("range_below", INT, INT_LIST, "range", "list(range({in}))", NO_PARAMS,
            (n, p) -> rangeBelow(num(n)), "list the numbers from 0 up to but not including the number"),
        define("divisors", INT, INT_LIST, "divisors",
            "[d for d in range(1, abs({in}) + 1) if {in} % d == 0]", NO_PARAMS,
            (n, p) -> divisors(num(n)), "list the positive divisors of the number"),
        define("is_even_number", INT, BOOL, "is_even", "{in} % 2 == 0", NO_PARAMS,
            (n, p) -> Math.floorMod(num(n), 2L) == 0, "check whether the number is even"),
        define("is_positive_number", INT, BOOL, "is_positive", "{in} > 0", NO_PARAMS,
            (n, p) -> num(n) > 0, "check whether the number is positive"),
        define("is_palindrome_number", INT, BOOL, "is_palindrome_number", "str({in}) == str({in})[::-1]",
            NO_PARAMS, (n, p) -> isPalindrome(Long.toString(num(n))),
            "check whether the number reads the same backwards"),
        define("number_text", INT, STR, "as_text", "str({in})", NO_PARAMS,
            (n, p) -> Long.toString(num(n)), "write the number as text"),
        define("binary", INT, STR, "binary", "bin(abs({in}))[2:]", NO_PARAMS,
            (n, p) -> Long.toBinaryString(Math.abs(num(n))), "write its absolute value in binary"));
  }

  static long digitSum(long n) {
    long sum = 0;
    for (char c : absDigits(n).toCharArray()) {
      sum += c - '0';
    }
    return sum;
  }

  static boolean isPalindrome(String s) {
    return new StringBuilder(s).reverse().toString().equals(s);
  }

  private static List<Long> digitList(long n) {
    List<Long> out = new ArrayList<>();
    for (char c : absDigits(n).toCharArray()) {
      out.add((long) (c - '0'));
    }
    return out;
  }

  private static List<Long> rangeBelow(long n) {
    if (n > DomainBounds.MAX_LIST_LENGTH) {
      // Checked before building, so a huge n never materialises a huge list.
      throw new DomainBounds.OutOfDomain("range(" + n + ") is longer than the domain allows");
    }
    List<Long> out = new ArrayList<>();
    for (long i = 0; i < n; i++) {
      out.add(i);
    }
    return out;
  }

  /** Divisors of numbers up to this size; larger inputs are not used (the search would dominate). */
  static final long MAX_DIVISOR_INPUT = 10_000;

  private static List<Long> divisors(long n) {
    long limit = Math.abs(n);
    if (limit > MAX_DIVISOR_INPUT) {
      throw new DomainBounds.OutOfDomain("divisors of " + n + " are not part of the domain");
    }
    List<Long> out = new ArrayList<>();
    for (long d = 1; d <= limit; d++) {
      if (Math.floorMod(n, d) == 0) {
        out.add(d);
      }
    }
    return out;
  }
}
