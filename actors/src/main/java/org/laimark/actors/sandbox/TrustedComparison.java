package org.laimark.actors.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Locale;

/**
 * The cases the JVM can confirm without a compare request: {@code ==} between identical canonical
 * forms that contain no NaN and nothing opaque, and the truth of simple forms. Only ever says
 * "holds"; everything else (including every failure, whose message needs Python's repr) goes to
 * comparison.py.
 */
final class TrustedComparison {

  private TrustedComparison() {}

  static boolean surelyHolds(List<String> ops, boolean negate, List<JsonNode> values) {
    if (ops.isEmpty()) {
      Boolean truth = truth(values.get(0));
      return truth != null && truth != negate;
    }
    return !negate
        && ops.equals(List.of("=="))
        && values.get(0).equals(values.get(1))
        && !hasNanOrOpaque(values.get(0));
  }

  private static Boolean truth(JsonNode form) {
    String tag = form.path(0).asText();
    switch (tag) {
      case "N":
        return false;
      case "b":
        return form.path(1).asBoolean();
      case "i":
      case "ix":
        return !form.path(1).asText().equals("0");
      case "s":
      case "sx":
      case "y":
      case "ya":
        return !form.path(1).asText().isEmpty();
      case "l":
      case "t":
      case "S":
      case "F":
      case "d":
        return form.path(1).size() > 0;
      default:
        return null;
    }
  }

  private static boolean hasNanOrOpaque(JsonNode form) {
    String tag = form.path(0).asText();
    switch (tag) {
      case "o":
        return true;
      case "f":
      case "dec":
        return form.path(1).asText().toLowerCase(Locale.ROOT).contains("nan");
      case "c":
        return (form.path(1).asText() + form.path(2).asText()).contains("nan");
      case "l":
      case "t":
      case "S":
      case "F":
        for (JsonNode item : form.path(1)) {
          if (hasNanOrOpaque(item)) {
            return true;
          }
        }
        return false;
      case "d":
        for (JsonNode pair : form.path(1)) {
          if (hasNanOrOpaque(pair.path(0)) || hasNanOrOpaque(pair.path(1))) {
            return true;
          }
        }
        return false;
      default:
        return false;
    }
  }
}
