package org.laimark.actors.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Canonical forms of the tests' non-literal expected sides, in the order the split lists them,
 * computed by a child that ran only the tests' imports (expected_values.py). Each value is either a
 * form or the error its expression raised.
 */
final class ExpectedValues {

  static final ExpectedValues NONE = new ExpectedValues(WorkerProcess.JSON.createArrayNode());

  private final JsonNode values;

  ExpectedValues(JsonNode values) {
    this.values = values;
  }

  /**
   * The request body for the expected-value child. The program goes along to be parsed only (never
   * run), so the child can say which expressions read a name the program binds.
   */
  static ObjectNode request(TestSplit split, double clockShiftSeconds, String program) {
    ObjectNode body =
        WorkerProcess.JSON
            .createObjectNode()
            .put("clock_shift_s", clockShiftSeconds)
            .put("program", program);
    ArrayNode exprs = body.putArray("exprs");
    Set<String> modules = new LinkedHashSet<>();
    for (TestSplit.Entry entry : split.entries()) {
      for (TestSplit.Side side : entry.sides()) {
        if (side.kind() == TestSplit.Side.Kind.SETUP) {
          exprs.add(side.src());
          modules.addAll(side.modules());
        }
      }
    }
    modules.forEach(body.putArray("modules")::add);
    split.imports().forEach(body.putArray("imports")::add);
    return body;
  }

  int size() {
    return values.size();
  }

  /** Whether expression {@code index} reads a name the program binds at module level. */
  boolean shadowed(int index) {
    return values.path(index).path("shadowed_by").size() > 0;
  }

  /** These values without the ones at {@code indices} (which became probes). */
  ExpectedValues without(Set<Integer> indices) {
    ArrayNode kept = WorkerProcess.JSON.createArrayNode();
    for (int i = 0; i < values.size(); i++) {
      if (!indices.contains(i)) {
        kept.add(values.get(i));
      }
    }
    return new ExpectedValues(kept);
  }

  JsonNode value(int index) {
    return values.path(index).path("value");
  }

  /** The error the expression raised, or null when it has a value. */
  JsonNode error(int index) {
    JsonNode item = values.path(index);
    if (item.has("value")) {
      return null;
    }
    return item.has("error")
        ? item.get("error")
        : WorkerProcess.JSON
            .createObjectNode()
            .put("type", "MissingValue")
            .put("message", "the expected-value child returned no value");
  }
}
