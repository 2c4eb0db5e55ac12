package org.laimark.data.benchmark;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.nio.file.Path;
import org.laimark.data.io.Fields;
import org.laimark.data.io.InvalidRecordException;
import org.laimark.data.io.JsonlReader;
import org.laimark.data.io.ReadResult;

/** Reads raw HumanEval ({@code HumanEval.jsonl.gz}, gzip or plain). */
public final class HumanEvalReader {
  private HumanEvalReader() {}

  public static ReadResult<HumanEvalTask> read(Path file) {
    return JsonlReader.read(file, HumanEvalReader::parse);
  }

  public static ReadResult<HumanEvalTask> read(String label, InputStream in) {
    return JsonlReader.read(label, in, HumanEvalReader::parse);
  }

  static HumanEvalTask parse(ObjectNode record, int line) {
    Fields f = new Fields(record);
    HumanEvalTask task =
        new HumanEvalTask(
            f.string("task_id", "e.g. HumanEval/0"),
            f.string("prompt", "imports and the function stub"),
            f.string("canonical_solution", "the reference function body"),
            f.string("test", "code defining check(candidate)"),
            f.string("entry_point", "the name of the function under test"));
    if (!task.test().contains("def check(")) {
      throw new InvalidRecordException("field 'test' must define check(candidate)");
    }
    return task;
  }
}
