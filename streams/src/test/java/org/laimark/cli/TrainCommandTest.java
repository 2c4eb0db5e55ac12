package org.laimark.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code laimark train sft|dpo} end to end on the tiny Qwen3 fixture: bad lines reported by file and line
 * while the good ones train, a stopped run resumed to the same adapter bytes, and bad options as one line.
 */
@Tag("fixture")
class TrainCommandTest {

  private static final Path FIXTURE =
      Path.of(System.getProperty("laimark.shared", "../../shared"), "fixtures", "qwen3-tiny-a");

  private static final String PROBLEM_A =
      "{\"prompt\": \"def add(a, b):\\n    \\\"\\\"\\\"Sum of a and b.\\\"\\\"\\\"\\n\", \"tests\": \"assert add(1, 2)"
          + " == 3\", \"solution\": \"def add(a, b):\\n    return a + b\", \"entry_point\": \"add\"}";
  private static final String PROBLEM_B =
      "{\"prompt\": \"def neg(x):\\n    \\\"\\\"\\\"Minus x.\\\"\\\"\\\"\\n\", \"tests\": \"assert neg(1) == -1\","
          + " \"solution\": \"def neg(x):\\n    return -x\", \"entry_point\": \"neg\"}";

  @TempDir Path dir;
  private StringWriter out = new StringWriter();
  private StringWriter err = new StringWriter();

  @Test
  void sftReportsBadLinesByFileAndLineAndTrainsOnTheRest() throws IOException {
    Path data = write("sft.jsonl", PROBLEM_A, "{\"prompt\": broken", PROBLEM_B);

    int code = run("train", "sft", "--model", FIXTURE.toString(), "--data", data.toString(), "--out",
        dir.resolve("adapter").toString(), "--steps", "2", "--batch", "2");

    assertEquals(0, code, err.toString());
    assertTrue(err.toString().startsWith("laimark: " + data + ":2: malformed JSON"), err.toString());
    assertEquals(1, err.toString().lines().count(), err.toString());
    assertTrue(out.toString().contains("sft: 2 examples, 2 steps of 2"), out.toString());
    assertTrue(Files.isRegularFile(dir.resolve("adapter/adapter_model.safetensors")));
    assertTrue(Files.isRegularFile(dir.resolve("adapter/checkpoint/trainer.properties")));
  }

  @Test
  void sftWithAllLinearTargetsWrapsEveryProjectionAndAResumeMustAskForTheSame() throws IOException {
    Path data = write("sft.jsonl", PROBLEM_A, PROBLEM_B);
    List<String> common = List.of("train", "sft", "--model", FIXTURE.toString(), "--data", data.toString(),
        "--out", dir.resolve("adapter").toString(), "--steps", "2", "--batch", "2");

    assertEquals(0, run(args(common, "--lora-targets", "all-linear", "--stop-after", "1")), err.toString());
    String config = Files.readString(dir.resolve("adapter/checkpoint/trainer.properties"));
    err = new StringWriter();
    int resumedWithOtherTargets = run(args(common, "--resume", dir.resolve("adapter/checkpoint").toString()));

    assertTrue(config.contains("train.lora-targets=all-linear"), config);
    assertEquals(2, resumedWithOtherTargets, err.toString());
    assertTrue(err.toString().contains("train.lora-targets is all-linear, this run's is q_proj,v_proj"),
        err.toString());
  }

  @Test
  void aStoppedDpoRunResumedFromItsCheckpointEndsWithTheUninterruptedRunsAdapter() throws IOException {
    Path data = write("dpo.jsonl",
        "{\"prompt\": \"Add a and b.\", \"chosen\": \"return a + b\", \"rejected\": \"return None\"}",
        "{\"prompt\": [{\"role\": \"user\", \"content\": \"Negate x.\"}], \"chosen\": \"return -x\","
            + " \"rejected\": \"return x\"}",
        "{\"prompt\": \"Double x.\", \"chosen\": \"return 2 * x\"}");
    List<String> common = List.of("train", "dpo", "--model", FIXTURE.toString(), "--data", data.toString(),
        "--steps", "4", "--batch", "2", "--micro-batch", "1", "--lr", "1e-2");

    assertEquals(0, run(args(common, "--out", dir.resolve("straight").toString())), err.toString());
    String straight = out.toString();
    out = new StringWriter();
    assertEquals(0, run(args(common, "--out", dir.resolve("resumed").toString(), "--stop-after", "2")));
    String stopped = out.toString();
    out = new StringWriter();
    assertEquals(0, run(args(common, "--out", dir.resolve("resumed").toString(), "--resume",
        dir.resolve("resumed/checkpoint").toString())), err.toString());

    assertTrue(err.toString().contains(data + ":3: missing field 'rejected'"), err.toString());
    assertTrue(stopped.contains("stopped at step 2/4"), stopped);
    assertEquals(stepLines(straight, 1, 2), stepLines(stopped, 1, 2));
    assertEquals(stepLines(straight, 3, 4), stepLines(out.toString(), 1, 4));
    assertArrayEquals(
        Files.readAllBytes(dir.resolve("straight/adapter_model.safetensors")),
        Files.readAllBytes(dir.resolve("resumed/adapter_model.safetensors")));
  }

  @Test
  void badOptionsAndUnusableFilesEndWithOneLine() throws IOException {
    Path data = write("dpo.jsonl", "{\"prompt\": \"p\", \"chosen\": \"a\", \"rejected\": \"b\"}");
    Path empty = write("none.jsonl", "{\"prompt\": 3}", "[1, 2]");
    String model = FIXTURE.toString();
    String out = dir.resolve("out").toString();

    assertOneLineError("--data " + dir.resolve("missing.jsonl") + ": no such file",
        "train", "sft", "--model", model, "--data", dir.resolve("missing.jsonl").toString(), "--out", out);
    assertOneLineError("--batch must be a positive integer, got 0",
        "train", "dpo", "--model", model, "--data", data.toString(), "--out", out, "--batch", "0");
    assertOneLineError("--model " + dir.resolve("nomodel") + ": no such directory",
        "train", "dpo", "--model", dir.resolve("nomodel").toString(), "--data", data.toString(), "--out", out);
    assertOneLineError("--dtype: bfloat16 needs a GPU",
        "train", "dpo", "--model", model, "--data", data.toString(), "--out", out, "--dtype", "bfloat16");
    assertOneLineError("--data " + empty + ": no usable example (2 bad lines)",
        "train", "dpo", "--model", model, "--data", empty.toString(), "--out", out);
    assertOneLineError("--lora-targets: expected module names such as q_proj,v_proj or all-linear, got 'q proj'",
        "train", "sft", "--model", model, "--data", data.toString(), "--out", out, "--lora-targets", "q proj");
    assertOneLineError("--beta must be a positive number, got -1.0",
        "train", "dpo", "--model", model, "--data", data.toString(), "--out", out, "--beta", "-1");
  }

  private void assertOneLineError(String expectedStart, String... args) {
    out = new StringWriter();
    err = new StringWriter();

    int code = run(args);

    String last = err.toString().lines().reduce((a, b) -> b).orElse("");
    assertEquals(2, code, err.toString());
    assertTrue(last.startsWith("laimark: " + expectedStart), err.toString());
  }

  private int run(String... args) {
    CommandLine cli = LaimarkCli.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  private static String[] args(List<String> common, String... more) {
    String[] all = Arrays.copyOf(common.toArray(new String[0]), common.size() + more.length);
    System.arraycopy(more, 0, all, common.size(), more.length);
    return all;
  }

  private static List<String> stepLines(String output, int from, int to) {
    return output.lines()
        .filter(l -> l.matches("step \\d+/\\d+ .*"))
        .filter(l -> {
          int step = Integer.parseInt(l.substring(5, l.indexOf('/')));
          return step >= from && step <= to;
        })
        .toList();
  }

  private Path write(String name, String... lines) throws IOException {
    return Files.write(dir.resolve(name), List.of(lines));
  }
}
