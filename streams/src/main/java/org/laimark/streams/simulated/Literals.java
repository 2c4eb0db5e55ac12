package org.laimark.streams.simulated;

/** Loose equality of Python literal texts for the SIMULATED sandbox: spacing and quote style ignored. */
final class Literals {

  private Literals() {}

  static boolean same(String a, String b) {
    return normal(a).equals(normal(b));
  }

  static String normal(String literal) {
    return literal.replace('"', '\'').replaceAll("\\s+", "");
  }
}
