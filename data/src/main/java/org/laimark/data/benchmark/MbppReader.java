package org.laimark.data.benchmark;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.nio.file.Path;
import org.laimark.data.io.Fields;
import org.laimark.data.io.JsonlReader;
import org.laimark.data.io.ReadResult;

/**
 * Reads raw MBPP ({@code mbpp.jsonl}). {@code test_setup_code} and {@code challenge_test_list} may
 * be absent.
 */
public final class MbppReader {
  private MbppReader() {}

  public static ReadResult<MbppTask> read(Path file) {
    return JsonlReader.read(file, MbppReader::parse);
  }

  public static ReadResult<MbppTask> read(String label, InputStream in) {
    return JsonlReader.read(label, in, MbppReader::parse);
  }

  static MbppTask parse(ObjectNode record, int line) {
    Fields f = new Fields(record);
    MbppTask task =
        new MbppTask(
            f.integer("task_id"),
            f.string("text", "the task description"),
            f.string("code", "the reference program"),
            f.strings("test_list", "assert lines"),
            f.has("test_setup_code") ? f.string("test_setup_code", "setup code") : "",
            f.has("challenge_test_list")
                ? f.strings("challenge_test_list", "assert lines")
                : java.util.List.of());
    if (task.testList().isEmpty()) {
      throw new org.laimark.data.io.InvalidRecordException(
          "field 'test_list' must hold at least one assert line, got an empty array");
    }
    return task;
  }
}
