package org.laimark.actors.verify;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.laimark.data.Verdict;
import org.laimark.data.io.LineError;

/**
 * The JSONL row {@code laimark verify} writes per problem: {@code id}, {@code status}, {@code
 * detail}, where the problem came from ({@code file}, {@code line}), the reference's base-world
 * verdict and every finding. Field names are snake_case like the rest of the project's JSON.
 */
public final class VerificationJson {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final int MAX_OUTPUT = 600;

  private VerificationJson() {}

  public static ObjectNode row(Verification v, String file, int line) {
    ObjectNode row = NODES.objectNode();
    row.put("id", v.id());
    row.put("status", v.status().wireName());
    row.put("detail", v.detail());
    row.put("file", file);
    row.put("line", line);
    if (v.reference() != null) {
      row.set("reference", verdict(v.reference()));
    }
    var findings = row.putArray("findings");
    for (Finding f : v.findings()) {
      findings.add(finding(f));
    }
    row.put("runs", v.runs());
    return row;
  }

  /** The row for a line that could not be read as a problem. */
  public static ObjectNode malformed(LineError error) {
    ObjectNode row = NODES.objectNode();
    row.put("id", error.file() + ":" + error.line());
    row.put("status", VerificationStatus.MALFORMED.wireName());
    row.put("detail", error.message());
    row.put("file", error.file());
    row.put("line", error.line());
    row.putArray("findings");
    row.put("runs", 0);
    return row;
  }

  static ObjectNode verdict(Verdict v) {
    ObjectNode o = NODES.objectNode();
    o.put("status", v.status().wireName());
    putIfPresent(o, "failed_test", v.failedTest());
    putIfPresent(o, "error_type", v.errorType());
    putIfPresent(o, "message", v.message());
    if (!v.flags().isEmpty()) {
      var flags = o.putArray("flags");
      v.flags().forEach(flags::add);
    }
    if (!v.passed()) {
      putIfPresent(
          o,
          "output",
          v.output().length() <= MAX_OUTPUT
              ? v.output()
              : v.output().substring(0, MAX_OUTPUT) + "...");
    }
    o.put("wall_ms", v.wallMillis());
    return o;
  }

  private static ObjectNode finding(Finding f) {
    ObjectNode o = NODES.objectNode();
    if (f instanceof Finding.ReferenceFailed) {
      Finding.ReferenceFailed r = (Finding.ReferenceFailed) f;
      o.put("check", "reference_passes");
      o.put("world", r.world());
      o.set("verdict", verdict(r.verdict()));
    } else if (f instanceof Finding.WorldDependent) {
      Finding.WorldDependent w = (Finding.WorldDependent) f;
      o.put("check", "deterministic");
      o.put("subject", w.subject());
      o.put("world", w.world());
      o.set("verdict", verdict(w.verdict()));
      o.put("other_world", w.otherWorld());
      o.set("other_verdict", verdict(w.otherVerdict()));
    } else {
      Finding.TrivialPass t = (Finding.TrivialPass) f;
      o.put("check", "rejects_trivial");
      o.put("candidate", t.candidate().label());
      var worlds = o.putArray("passed_in");
      t.worlds().forEach(worlds::add);
      o.put("worlds_tried", t.worldCount());
    }
    o.put("text", f.describe());
    return o;
  }

  private static void putIfPresent(ObjectNode o, String name, String value) {
    if (value != null && !value.isEmpty()) {
      o.put(name, value);
    }
  }
}
