package org.laimark.actors.eval;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.laimark.data.Verdict;
import org.laimark.data.io.Fields;

/**
 * One scored sample: a line of {@code results.jsonl}. It carries {@code task_id} and {@code completion}, so a
 * results file is also a valid samples file (rescore it with another harness without generating again).
 *
 * @param taskId the benchmark task
 * @param sample 0-based sample index within the task
 * @param errorClass the taxonomy class ({@code passed} when it passed)
 * @param status the sandbox verdict status ({@code empty} when the answer was not run)
 * @param errorType exception type, or empty
 * @param message the verdict's short explanation, capped
 * @param failedTest the first test that did not hold, or empty
 * @param mode how the answer was read ({@code full-function} or {@code body})
 * @param cpuMillis CPU time the sample used
 * @param wallMillis wall time the sample used
 * @param timeLimitMillis the CPU limit it ran under
 * @param completion the answer exactly as given (before extraction)
 */
public record SampleResult(
    String taskId,
    int sample,
    ErrorClass errorClass,
    String status,
    String errorType,
    String message,
    String failedTest,
    AnswerMode mode,
    long cpuMillis,
    long wallMillis,
    long timeLimitMillis,
    String completion) {

  static final int MESSAGE_CAP = 500;

  public boolean passed() {
    return errorClass == ErrorClass.PASSED;
  }

  /** The result of running a prepared answer. */
  public static SampleResult of(
      SampleKey key, Verdict v, AnswerMode mode, long timeLimitMillis, String completion) {
    return new SampleResult(key.taskId(), key.index(), ErrorClass.of(v, mode), v.status().wireName(),
        v.errorType(), cap(v.message()), cap(v.failedTest()), mode, v.cpuMillis(), v.wallMillis(),
        timeLimitMillis, completion);
  }

  /** An answer with no code in it, which was not run. */
  public static SampleResult emptyAnswer(SampleKey key, AnswerMode mode, String completion) {
    return new SampleResult(key.taskId(), key.index(), ErrorClass.EMPTY_ANSWER, "empty", "",
        "no code left after extraction", "", mode, 0, 0, 0, completion);
  }

  public ObjectNode toJson() {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("task_id", taskId);
    o.put("sample", sample);
    o.put("passed", passed());
    o.put("error_class", errorClass.wireName());
    o.put("status", status);
    o.put("error_type", errorType);
    o.put("message", message);
    o.put("failed_test", failedTest);
    o.put("mode", mode.wireName());
    o.put("cpu_ms", cpuMillis);
    o.put("wall_ms", wallMillis);
    o.put("time_limit_ms", timeLimitMillis);
    o.put("completion", completion);
    return o;
  }

  /** Reads a line written by {@link #toJson()}. */
  public static SampleResult fromJson(ObjectNode record, int line) {
    Fields f = new Fields(record);
    String errorClass = f.string("error_class", "a failure class");
    String mode = f.string("mode", "full-function or body");
    AnswerMode parsedMode = AnswerMode.fromWireName(mode);
    if (parsedMode == null) {
      throw new IllegalArgumentException("field 'mode' must be full-function or body, got '" + mode + "'");
    }
    return new SampleResult(
        f.string("task_id", "the task"),
        f.integer("sample"),
        ErrorClass.fromWireName(errorClass),
        f.string("status", "the verdict status"),
        f.string("error_type", "an exception type or empty"),
        f.string("message", "text"),
        f.string("failed_test", "text"),
        parsedMode,
        (long) f.number("cpu_ms"),
        (long) f.number("wall_ms"),
        (long) f.number("time_limit_ms"),
        f.string("completion", "the answer"));
  }

  private static String cap(String s) {
    return s.length() <= MESSAGE_CAP ? s : s.substring(0, MESSAGE_CAP - 3) + "...";
  }
}
