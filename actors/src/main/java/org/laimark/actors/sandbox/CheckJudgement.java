package org.laimark.actors.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.laimark.data.Verdict;
import org.laimark.data.VerdictStatus;

/**
 * Judges the checks of a run that left a record: gathers each check's operands (literal and
 * expected values held here, probe values from the child), confirms the obvious passes itself, asks
 * a compare child about the rest, and names the first test line that did not hold, in test order.
 */
final class CheckJudgement {

  /** Sends checks to a compare child and returns its per-check results. */
  interface Comparator {
    JsonNode compare(ArrayNode checks) throws IOException;
  }

  private final TestSplit split;
  private final ChildReport run;
  private final ExpectedValues expected;
  private final List<String> flags;

  CheckJudgement(TestSplit split, ChildReport run, ExpectedValues expected, List<String> flags) {
    this.split = split;
    this.run = run;
    this.expected = expected;
    this.flags = flags;
  }

  private record Case(
      int entry, List<String> ops, boolean negate, List<JsonNode> values, List<String> roles) {}

  Verdict judge(Comparator comparator) throws IOException {
    JsonNode rec = run.record();
    boolean stopped = "tests".equals(rec.path("phase").asText());
    int stop = stopped ? rec.path("index").asInt() : split.entries().size();
    Map<Integer, JsonNode> probes = new HashMap<>();
    for (JsonNode p : rec.path("probes")) {
      probes.put(p.path(0).asInt(-1), p.path(1));
    }
    if (stop < 0 || stop > split.entries().size()) {
      return violation("the result record stops at a test that does not exist");
    }
    List<Case> pending = new ArrayList<>();
    int setupIndex = 0;
    for (int i = 0; i < stop; i++) {
      TestSplit.Entry entry = split.entries().get(i);
      if (!entry.check()) {
        continue;
      }
      List<JsonNode> values = new ArrayList<>();
      List<String> roles = new ArrayList<>();
      JsonNode probed = probes.getOrDefault(i, WorkerProcess.JSON.createArrayNode());
      int probeIndex = 0;
      for (TestSplit.Side side : entry.sides()) {
        if (side.kind() == TestSplit.Side.Kind.PROBE) {
          if (probeIndex >= probed.size()) {
            return violation("the result record lacks the value of a probe");
          }
          values.add(probed.get(probeIndex++));
          roles.add("probe");
        } else if (side.kind() == TestSplit.Side.Kind.LITERAL) {
          values.add(side.literal());
          roles.add("expected");
        } else {
          JsonNode value = expected.value(setupIndex);
          JsonNode error = expected.error(setupIndex++);
          if (error != null) {
            return failedEarlierThan(
                pending,
                comparator,
                failure(
                    entry, error, "computing the " + "expected value " + side.src() + " raised: "));
          }
          values.add(value);
          roles.add("expected");
        }
      }
      if (probeIndex != probed.size()) {
        return violation("the result record has more probe values than the plan");
      }
      if (!TrustedComparison.surelyHolds(entry.ops(), entry.negate(), values)) {
        pending.add(new Case(i, entry.ops(), entry.negate(), values, roles));
      }
    }
    Verdict end = stopped ? stoppedAt(split.entries().get(stop), rec.path("error")) : passed();
    return failedEarlierThan(pending, comparator, end);
  }

  /** The first pending case that fails, else {@code otherwise}. */
  private Verdict failedEarlierThan(List<Case> pending, Comparator comparator, Verdict otherwise)
      throws IOException {
    if (pending.isEmpty()) {
      return otherwise;
    }
    ArrayNode checks = WorkerProcess.JSON.createArrayNode();
    for (Case c : pending) {
      ObjectNode check = checks.addObject().put("negate", c.negate());
      c.ops().forEach(check.putArray("ops")::add);
      c.values().forEach(check.putArray("values")::add);
      c.roles().forEach(check.putArray("roles")::add);
    }
    JsonNode results = comparator.compare(checks);
    if (results.size() != pending.size()) {
      throw new IOException(
          "compare returned " + results.size() + " results for " + pending.size() + " checks");
    }
    for (int k = 0; k < pending.size(); k++) {
      JsonNode result = results.get(k);
      if (result.path("malformed").asBoolean()) {
        return violation(
            "the child returned a value no canonical form produces: "
                + result.path("message").asText());
      }
      if (!result.path("ok").asBoolean()) {
        TestSplit.Entry entry = split.entries().get(pending.get(k).entry());
        return verdict(
            VerdictStatus.FAILED,
            entry.src(),
            result.path("error_type").asText(),
            result.path("message").asText());
      }
    }
    return otherwise;
  }

  private Verdict stoppedAt(TestSplit.Entry entry, JsonNode error) {
    if ("MemoryError".equals(error.path("type").asText())) {
      return verdict(
          VerdictStatus.MEMORY_LIMIT, entry.src(), "MemoryError", "ran out of its memory limit");
    }
    return failure(entry, error, "");
  }

  private Verdict failure(TestSplit.Entry entry, JsonNode error, String prefix) {
    return verdict(
        VerdictStatus.FAILED,
        entry.src(),
        error.path("type").asText(),
        prefix + error.path("message").asText());
  }

  private Verdict passed() {
    return verdict(VerdictStatus.PASSED, "", "", "");
  }

  private Verdict violation(String message) {
    return verdict(VerdictStatus.SANDBOX_VIOLATION, "", "", message);
  }

  private Verdict verdict(VerdictStatus status, String test, String type, String message) {
    return new Verdict(
        status, test, type, message, flags, run.wallMillis(), run.cpuMillis(), run.output());
  }
}
