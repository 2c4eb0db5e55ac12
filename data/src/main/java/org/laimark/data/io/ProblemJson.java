package org.laimark.data.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.laimark.data.Abduction;
import org.laimark.data.Calibration;
import org.laimark.data.Deduction;
import org.laimark.data.LearnabilityZone;
import org.laimark.data.Problem;
import org.laimark.data.TaskType;

/**
 * The study's JSON problem record, field by field (see docs/verification.md). Required: {@code
 * prompt}, and for induction {@code tests}, {@code solution}, {@code entry_point}; for deduction
 * the {@code dd_*} fields, for abduction the {@code ab_*} fields. {@code pass_rate}, {@code
 * samples} and {@code learnability_zone} come together or not at all. Any other field is kept
 * verbatim in {@link Problem#unknownFields()}.
 */
public final class ProblemJson {

  private static final Set<String> KNOWN =
      Set.of(
          "id",
          "prompt",
          "tests",
          "solution",
          "entry_point",
          "test_setup_code",
          "topic",
          "difficulty",
          "source",
          "seed_id",
          "problem_type",
          "dd_code",
          "dd_func_name",
          "dd_input",
          "dd_expected",
          "ab_code",
          "ab_func_name",
          "ab_expected",
          "pass_rate",
          "samples",
          "learnability_zone");

  private ProblemJson() {}

  /** Reads one record; {@code line} labels problems that carry no id of their own. */
  public static Problem fromJson(ObjectNode record, int line) {
    Fields f = new Fields(record);
    TaskType type = taskType(f);
    boolean induction = type == TaskType.INDUCTION;
    if (induction) {
      f.requireSeveral(
          "the study's problem record: prompt, tests, solution and entry_point strings",
          "prompt",
          "tests",
          "solution",
          "entry_point");
    }
    String prompt = f.string("prompt", "the function stub shown to the model");
    String entryPoint =
        induction
            ? f.string("entry_point", "the name of the function under test")
            : f.optionalString("entry_point");
    Problem.Builder b =
        new Problem.Builder(id(f, line), type)
            .prompt(prompt)
            .tests(
                induction
                    ? f.string("tests", "assert lines joined by \\n")
                    : f.optionalString("tests"))
            .solution(
                induction
                    ? f.string("solution", "the reference function")
                    : f.optionalString("solution"))
            .entryPoint(entryPoint)
            .testSetupCode(f.optionalString("test_setup_code"))
            .topic(f.optionalString("topic"))
            .difficulty(f.optionalString("difficulty"))
            .source(f.optionalString("source"))
            .seedId(f.optionalString("seed_id"))
            .calibration(calibration(f))
            .unknownFields(unknown(record));
    if (type == TaskType.DEDUCTION) {
      b.deduction(
          new Deduction(
              f.string("dd_code", "the code to read"),
              f.string("dd_func_name", "the function called"),
              f.string("dd_input", "the call's arguments"),
              f.string("dd_expected", "the reference output")));
    } else if (type == TaskType.ABDUCTION) {
      b.abduction(
          new Abduction(
              f.string("ab_code", "the code to read"),
              f.string("ab_func_name", "the function called"),
              f.string("ab_expected", "the output to reach")));
    }
    return b.build();
  }

  /** Writes one record in the study's field order, then the unknown fields as they were read. */
  public static ObjectNode toJson(Problem p) {
    ObjectNode o = JsonlReader.JSON.createObjectNode();
    if (!p.id().equals(defaultId(p))) {
      o.put("id", p.id());
    }
    o.put("prompt", p.prompt());
    boolean induction = p.taskType() == TaskType.INDUCTION;
    putText(o, "tests", p.tests(), induction);
    putText(o, "solution", p.solution(), induction);
    putText(o, "entry_point", p.entryPoint(), induction);
    putText(o, "test_setup_code", p.testSetupCode(), false);
    putText(o, "topic", p.topic(), false);
    putText(o, "difficulty", p.difficulty(), false);
    putText(o, "source", p.source(), false);
    putText(o, "seed_id", p.seedId(), false);
    if (!induction) {
      o.put("problem_type", p.taskType().wireName());
    }
    if (p.deduction() != null) {
      o.put("dd_code", p.deduction().code());
      o.put("dd_func_name", p.deduction().funcName());
      o.put("dd_input", p.deduction().input());
      o.put("dd_expected", p.deduction().expected());
    }
    if (p.abduction() != null) {
      o.put("ab_code", p.abduction().code());
      o.put("ab_func_name", p.abduction().funcName());
      o.put("ab_expected", p.abduction().expected());
    }
    if (p.calibration() != null) {
      o.put("pass_rate", p.calibration().passRate());
      o.put("samples", p.calibration().samples());
      o.putArray("learnability_zone")
          .add(p.calibration().zone().lo())
          .add(p.calibration().zone().hi());
    }
    p.unknownFields().forEach((name, json) -> o.set(name, parseKept(name, json)));
    return o;
  }

  private static TaskType taskType(Fields f) {
    if (!f.has("problem_type")) {
      return TaskType.INDUCTION;
    }
    String name = f.string("problem_type", "induction, deduction or abduction");
    TaskType type = TaskType.fromWireName(name);
    if (type == null) {
      throw new InvalidRecordException(
          "field 'problem_type' must be induction, deduction or abduction, got '" + name + "'");
    }
    return type;
  }

  /** The record's own id, else its task_id, else the function it is about, else its line. */
  private static String id(Fields f, int line) {
    for (String name :
        new String[] {"id", "task_id", "entry_point", "dd_func_name", "ab_func_name"}) {
      if (f.has(name)) {
        return f.label(name);
      }
    }
    return "line " + line;
  }

  /** The id reading would derive if the record had no {@code id} field. */
  private static String defaultId(Problem p) {
    String taskId = p.unknownFields().get("task_id");
    if (taskId != null) {
      JsonNode node = parseKept("task_id", taskId);
      return node.isTextual() || node.isIntegralNumber() ? node.asText() : null;
    }
    if (!p.entryPoint().isEmpty()) {
      return p.entryPoint();
    }
    if (p.deduction() != null) {
      return p.deduction().funcName();
    }
    return p.abduction() != null ? p.abduction().funcName() : null;
  }

  private static Calibration calibration(Fields f) {
    boolean any = f.has("pass_rate") || f.has("samples") || f.has("learnability_zone");
    if (!any) {
      return null;
    }
    double passRate = f.number("pass_rate");
    int samples = f.integer("samples");
    double[] zone = f.numbers("learnability_zone", 2);
    return new Calibration(passRate, samples, new LearnabilityZone(zone[0], zone[1]));
  }

  private static Map<String, String> unknown(ObjectNode record) {
    Map<String, String> kept = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = record.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      if (!KNOWN.contains(field.getKey())) {
        kept.put(field.getKey(), field.getValue().toString());
      }
    }
    return kept;
  }

  private static void putText(ObjectNode o, String name, String value, boolean always) {
    if (always || (value != null && !value.isEmpty())) {
      o.put(name, value == null ? "" : value);
    }
  }

  private static JsonNode parseKept(String name, String json) {
    try {
      return JsonlReader.JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("kept field '" + name + "' is not JSON: " + json, e);
    }
  }
}
