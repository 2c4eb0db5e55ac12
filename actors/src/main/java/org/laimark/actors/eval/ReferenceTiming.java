package org.laimark.actors.eval;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.laimark.data.io.Fields;

/**
 * How a task's reference solution ran when it was measured, and the CPU limit its samples get from that
 * (a line of {@code references.jsonl}). A failing reference is also how "what the data allows" is reported.
 *
 * @param taskId the task
 * @param status the reference's verdict status
 * @param errorType its exception type, or empty
 * @param message its verdict message, capped
 * @param cpuMillis CPU time the reference used
 * @param limitMillis the CPU limit its samples run under
 */
public record ReferenceTiming(
    String taskId, String status, String errorType, String message, long cpuMillis, long limitMillis) {

  public boolean passed() {
    return status.equals("passed");
  }

  public ObjectNode toJson() {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("task_id", taskId);
    o.put("status", status);
    o.put("error_type", errorType);
    o.put("message", message);
    o.put("cpu_ms", cpuMillis);
    o.put("time_limit_ms", limitMillis);
    return o;
  }

  public static ReferenceTiming fromJson(ObjectNode record, int line) {
    Fields f = new Fields(record);
    return new ReferenceTiming(
        f.string("task_id", "the task"),
        f.string("status", "the verdict status"),
        f.string("error_type", "an exception type or empty"),
        f.string("message", "text"),
        (long) f.number("cpu_ms"),
        (long) f.number("time_limit_ms"));
  }
}
