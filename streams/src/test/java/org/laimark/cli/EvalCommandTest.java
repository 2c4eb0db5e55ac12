package org.laimark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code laimark eval --samples}, end to end through the sandbox: the summary a user reruns from. */
@Tag("sandbox")
class EvalCommandTest {

  @TempDir Path dir;

  @Test
  void theSummaryRecordsTheCommandExactlyAsTyped() throws Exception {
    Path benchmark = dir.resolve("bench.jsonl");
    Files.writeString(benchmark, """
        {"id":"p1","prompt":"def add(a, b):\\n    \\"\\"\\"Add a and b.\\"\\"\\"\\n","tests":"assert add(1, 2) == 3","solution":"def add(a, b):\\n    return a + b\\n","entry_point":"add"}
        """);
    Path samples = dir.resolve("samples.jsonl");
    Files.writeString(samples, """
        {"task_id":"p1","completion":"    return a + b\\n"}
        """);
    Path out = dir.resolve("out");

    assertEquals(0, LaimarkCli.execute("eval", "--benchmark", benchmark.toString(),
        "--samples", samples.toString(), "--out", out.toString(), "--no-progress"));

    JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
    assertEquals(1, summary.get("passed").asInt());
    assertEquals("laimark eval --benchmark " + benchmark + " --samples " + samples + " --out " + out
        + " --no-progress", summary.get("command").asText());
  }
}
