package org.laimark.data.domain;

import java.util.List;
import org.laimark.data.domain.Primitive.ParamRange;
import org.laimark.data.domain.Primitive.Semantics;

/** Shorthands the primitive catalogues are written with: definitions, parameter ranges, value casts. */
final class Definitions {

  static final List<ParamRange> NO_PARAMS = List.of();

  private Definitions() {}

  static Primitive define(
      String id,
      ValueType from,
      ValueType to,
      String fragment,
      String expression,
      List<ParamRange> params,
      Semantics semantics,
      String... phrases) {
    return new Primitive(id, from, to, params, fragment, expression, List.of(phrases), semantics);
  }

  static List<ParamRange> param(int lo, int hi) {
    return List.of(new ParamRange(lo, hi));
  }

  static List<ParamRange> params(int loA, int hiA, int loB, int hiB) {
    return List.of(new ParamRange(loA, hiA), new ParamRange(loB, hiB));
  }

  @SuppressWarnings("unchecked")
  static List<Long> ints(Object value) {
    return (List<Long>) value;
  }

  @SuppressWarnings("unchecked")
  static List<String> strs(Object value) {
    return (List<String>) value;
  }

  static long num(Object value) {
    return (Long) value;
  }

  static String str(Object value) {
    return (String) value;
  }

  /** The decimal digits of |n|, as Python's {@code str(abs(n))}. */
  static String absDigits(long n) {
    return Long.toString(Math.abs(n));
  }

  static boolean isVowel(char c) {
    return "aeiou".indexOf(Character.toLowerCase(c)) >= 0;
  }
}
