package org.laimark.data.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.laimark.data.Problem;
import org.laimark.data.TaskType;

class ProblemJsonlTest {
  private static final String GOOD =
      "{\"prompt\": \"def f(x):\", \"tests\": \"assert f(1) == 2\\nassert f(2) == 3\","
          + " \"solution\": \"def f(x):\\n    return x + 1\", \"entry_point\": \"f\"}";

  @TempDir Path dir;

  @Test
  void readsTheShippedSeedCurriculumCompletely() {
    ReadResult<Problem> seed = Datasets.seedCurriculum();

    assertEquals(List.of(), seed.errors());
    assertEquals(22, seed.items().size());
    Problem first = seed.items().get(0);
    assertEquals("min_operations_to_equal_elements", first.id());
    assertEquals(TaskType.INDUCTION, first.taskType());
    assertEquals("array transformation", first.topic());
    assertEquals(0.5, first.calibration().passRate());
    assertEquals(4, first.calibration().samples());
    assertEquals(0.2, first.calibration().zone().lo());
    assertEquals("HumanEval/108", seed.items().get(12).seedId());
    assertNull(seed.items().get(12).topic());
  }

  @Test
  void writingAndReadingBackLosesNothing() throws IOException {
    List<String> original;
    try (var in = Datasets.class.getClassLoader().getResourceAsStream(Datasets.SEED_CURRICULUM)) {
      original = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    }
    Path copy = dir.resolve("copy.jsonl");

    try (ProblemJsonl.Appender out = ProblemJsonl.appender(copy, false)) {
      for (Problem p : Datasets.seedCurriculum().items()) {
        out.append(p);
      }
    }

    List<String> written = Files.readAllLines(copy);
    assertEquals(original.size(), written.size());
    for (int i = 0; i < original.size(); i++) {
      assertEquals(tree(original.get(i)), tree(written.get(i)), "line " + (i + 1));
    }
    assertEquals(Datasets.seedCurriculum().items(), ProblemJsonl.read(copy).items());
  }

  @Test
  void keepsUnknownFieldsAndExplicitIds() throws IOException {
    String line = GOOD.replace("{", "{\"id\": \"p-7\", \"extra\": {\"a\": [1, 2]}, ");
    Path file = write("extra.jsonl", line);

    Problem p = ProblemJsonl.read(file).items().get(0);

    assertEquals("p-7", p.id());
    assertEquals("{\"a\":[1,2]}", p.unknownFields().get("extra"));
    assertEquals(tree(line), ProblemJson.toJson(p));
  }

  @Test
  void readsDeductionAndAbductionRowsAsTheStudyWroteThem() {
    String deduction =
        "{\"prompt\": \"What is f(2)?\", \"problem_type\": \"deduction\", \"dd_code\":"
            + " \"def f(x):\\n    return x * 2\", \"dd_func_name\": \"f\", \"dd_input\": \"2\","
            + " \"dd_expected\": \"4\", \"source_entry_point\": \"f\"}";
    String abduction =
        "{\"prompt\": \"Find x\", \"problem_type\": \"abduction\", \"ab_code\": \"def g(x):"
            + " return x\", \"ab_func_name\": \"g\", \"ab_expected\": \"[1]\"}";

    ReadResult<Problem> read = read(deduction + "\n" + abduction + "\n");

    assertEquals(List.of(), read.errors());
    assertEquals("f(2)", read.items().get(0).deduction().call());
    assertEquals(TaskType.ABDUCTION, read.items().get(1).taskType());
    assertEquals("g", read.items().get(1).id());
    assertEquals(tree(deduction), ProblemJson.toJson(read.items().get(0)));
  }

  @Test
  void reportsMalformedJsonWithFileAndLineAndKeepsTheValidLines() {
    ReadResult<Problem> read = read(GOOD + "\n{\"prompt\": \"x\",,}\n" + GOOD + "\n");

    assertEquals(2, read.items().size());
    assertEquals(List.of(1, 3), read.located().stream().map(Located::line).toList());
    assertEquals(1, read.errors().size());
    assertEquals(2, read.errors().get(0).line());
    assertTrue(
        read.errors().get(0).toString().startsWith("test.jsonl:2: malformed JSON at column"),
        read.errors().get(0).toString());
  }

  @Test
  void reportsTrailingGarbageAndNonObjects() {
    ReadResult<Problem> read = read(GOOD + " trailing\n[1, 2]\n\"text\"\n");

    assertEquals(0, read.items().size());
    assertTrue(
        read.errors().get(0).message().startsWith("malformed JSON"), read.errors().toString());
    assertEquals(
        "test.jsonl:2: expected a JSON object, got an array", read.errors().get(1).toString());
    assertEquals(
        "test.jsonl:3: expected a JSON object, got a string", read.errors().get(2).toString());
  }

  @Test
  void reportsAMissingRequiredFieldByName() {
    ReadResult<Problem> read = read(GOOD.replace("\"tests\"", "\"testz\"") + "\n");

    assertEquals(
        "test.jsonl:1: missing field 'tests' (expected a string (assert lines joined by \\n))",
        read.errors().get(0).toString());
  }

  @Test
  void reportsAFieldOfTheWrongType() {
    ReadResult<Problem> read =
        read(
            GOOD.replace("\"entry_point\": \"f\"", "\"entry_point\": 12")
                + "\n"
                + GOOD.replace(
                    "}",
                    ", \"pass_rate\": \"high\", \"samples\": 4,"
                        + " \"learnability_zone\": [0.2, 0.8]}")
                + "\n"
                + GOOD.replace("}", ", \"pass_rate\": 0.5}")
                + "\n"
                + GOOD.replace("}", ", \"problem_type\": \"guessing\"}")
                + "\n");

    assertEquals(4, read.errors().size());
    assertEquals(
        "test.jsonl:1: field 'entry_point' must be a string (the name of the function under"
            + " test), got a number 12",
        read.errors().get(0).toString());
    assertEquals(
        "test.jsonl:2: field 'pass_rate' must be a number, got a string \"high\"",
        read.errors().get(1).toString());
    assertEquals(
        "test.jsonl:3: missing field 'samples' (expected an integer)",
        read.errors().get(2).toString());
    assertEquals(
        "test.jsonl:4: field 'problem_type' must be induction, deduction or abduction, got"
            + " 'guessing'",
        read.errors().get(3).toString());
  }

  @Test
  void reportsInvalidValuesFromRecordValidation() {
    ReadResult<Problem> read =
        read(
            GOOD.replace("\"entry_point\": \"f\"", "\"entry_point\": \"f(x)\"")
                + "\n"
                + GOOD.replace(
                    "}",
                    ", \"pass_rate\": 1.5, \"samples\": 4," + " \"learnability_zone\": [0.2, 0.8]}")
                + "\n");

    assertEquals(
        "test.jsonl:1: entry_point must be a Python identifier, got 'f(x)'",
        read.errors().get(0).toString());
    assertEquals(
        "test.jsonl:2: pass_rate must be between 0 and 1, got 1.5",
        read.errors().get(1).toString());
  }

  @Test
  void reportsNonUtf8BytesOnTheirLineOnly() {
    byte[] good = (GOOD + "\n").getBytes(StandardCharsets.UTF_8);
    byte[] bad = "{\"prompt\": \"caf\u00e9\"}\n".getBytes(StandardCharsets.ISO_8859_1);
    byte[] content = concat(good, bad, good);

    ReadResult<Problem> read = ProblemJsonl.read("latin1.jsonl", new ByteArrayInputStream(content));

    assertEquals(2, read.items().size());
    assertEquals(
        "latin1.jsonl:2: not valid UTF-8: byte 0xE9 at column 16 cannot start or continue a"
            + " character (the file must be UTF-8 encoded)",
        read.errors().get(0).toString());
  }

  @Test
  void acceptsCrlfLineEndsBlankLinesAndAByteOrderMark() {
    ReadResult<Problem> read = read("\uFEFF" + GOOD + "\r\n\r\n   \n" + GOOD + "\r\n");

    assertEquals(List.of(), read.errors());
    assertEquals(List.of(1, 4), read.located().stream().map(Located::line).toList());
  }

  private ReadResult<Problem> read(String content) {
    return ProblemJsonl.read(
        "test.jsonl", new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)));
  }

  private Path write(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content);
  }

  private static JsonNode tree(String json) {
    return JsonlReader.parseObject(json);
  }

  private static byte[] concat(byte[]... parts) {
    int size = 0;
    for (byte[] p : parts) {
      size += p.length;
    }
    byte[] all = new byte[size];
    int at = 0;
    for (byte[] p : parts) {
      System.arraycopy(p, 0, all, at, p.length);
      at += p.length;
    }
    return all;
  }
}
