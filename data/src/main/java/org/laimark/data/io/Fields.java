package org.laimark.data.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Typed, strict access to the fields of one JSON record. A missing field or a value of the wrong
 * type is an {@link InvalidRecordException} whose message names the field and what was expected;
 * JSON {@code null} counts as absent.
 */
public final class Fields {
  private final ObjectNode record;

  public Fields(ObjectNode record) {
    this.record = record;
  }

  public boolean has(String name) {
    JsonNode value = record.get(name);
    return value != null && !value.isNull();
  }

  /**
   * Throws when two or more of {@code names} are missing, listing them all (a record of another
   * format lacks several at once); a single missing field is left to the typed getter, whose
   * message says more.
   */
  public void requireSeveral(String expected, String... names) {
    List<String> missing = new ArrayList<>();
    for (String name : names) {
      if (!has(name)) {
        missing.add("'" + name + "'");
      }
    }
    if (missing.size() > 1) {
      throw new InvalidRecordException(
          "missing fields " + String.join(", ", missing) + " (expected " + expected + ")");
    }
  }

  /** A required string; {@code what} describes the expected content for the error message. */
  public String string(String name, String what) {
    JsonNode value = present(name, "a string (" + what + ")");
    if (!value.isTextual()) {
      throw wrongType(name, "a string (" + what + ")", value);
    }
    return value.textValue();
  }

  /** An optional string, {@code null} when absent. */
  public String optionalString(String name) {
    return has(name) ? string(name, "text") : null;
  }

  /** A required integer (no fraction, within int range). */
  public int integer(String name) {
    JsonNode value = present(name, "an integer");
    if (!value.isIntegralNumber() || !value.canConvertToInt()) {
      throw wrongType(name, "an integer", value);
    }
    return value.intValue();
  }

  /** A required number. */
  public double number(String name) {
    JsonNode value = present(name, "a number");
    if (!value.isNumber()) {
      throw wrongType(name, "a number", value);
    }
    return value.doubleValue();
  }

  /** A required string or integer, as text (ids are written both ways). */
  public String label(String name) {
    JsonNode value = present(name, "a string or an integer");
    if (value.isTextual() || value.isIntegralNumber()) {
      return value.asText();
    }
    throw wrongType(name, "a string or an integer", value);
  }

  /** A required array of strings. */
  public List<String> strings(String name, String what) {
    JsonNode value = present(name, "an array of strings (" + what + ")");
    if (!value.isArray()) {
      throw wrongType(name, "an array of strings (" + what + ")", value);
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < value.size(); i++) {
      if (!value.get(i).isTextual()) {
        throw new InvalidRecordException(
            "field '" + name + "' element " + i + " must be a string, got " + typeOf(value.get(i)));
      }
      out.add(value.get(i).textValue());
    }
    return out;
  }

  /** A required array of exactly {@code size} numbers. */
  public double[] numbers(String name, int size) {
    String expected = "an array of " + size + " numbers";
    JsonNode value = present(name, expected);
    if (!value.isArray() || value.size() != size) {
      throw wrongType(name, expected, value);
    }
    double[] out = new double[size];
    for (int i = 0; i < size; i++) {
      if (!value.get(i).isNumber()) {
        throw wrongType(name, expected, value);
      }
      out[i] = value.get(i).doubleValue();
    }
    return out;
  }

  private JsonNode present(String name, String expected) {
    if (!has(name)) {
      throw new InvalidRecordException("missing field '" + name + "' (expected " + expected + ")");
    }
    return record.get(name);
  }

  private static InvalidRecordException wrongType(String name, String expected, JsonNode value) {
    return new InvalidRecordException(
        "field '"
            + name
            + "' must be "
            + expected
            + ", got "
            + typeOf(value)
            + " "
            + abbreviate(value));
  }

  static String typeOf(JsonNode value) {
    if (value.isArray()) {
      return "an array";
    }
    if (value.isObject()) {
      return "an object";
    }
    return "a " + value.getNodeType().name().toLowerCase(Locale.ROOT);
  }

  private static String abbreviate(JsonNode value) {
    String text = value.toString();
    return text.length() <= 40 ? text : text.substring(0, 37) + "...";
  }
}
