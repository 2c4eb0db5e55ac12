package org.laimark.actors.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.laimark.actors.sandbox.Sandbox;
import org.laimark.data.Problem;
import org.laimark.data.SandboxJob;
import org.laimark.data.Verdict;
import org.laimark.data.io.JsonlAppender;
import org.laimark.data.io.ProblemJsonl;
import org.laimark.data.io.ReadResult;

class VerificationRunTest {
  private static final String LINE =
      "{\"prompt\": \"def f%1$d(x):\", \"tests\": \"assert f%1$d(1) == 1\","
          + " \"solution\": \"def f%1$d(x):\\n    return x\", \"entry_point\": \"f%1$d\"}";

  @TempDir Path dir;

  @Test
  void writesOneRowPerLineInInputOrderWithMalformedLinesInPlace() throws Exception {
    ReadResult<Problem> read =
        read(line(1) + "\n{broken\n" + line(3) + "\n\"x\"\n" + line(5) + "\n");
    List<ObjectNode> rows = new ArrayList<>();

    new VerificationRun(verifier(new ReverseOrderSandbox()), 3)
        .run("in.jsonl", VerificationRun.entries(read), (row, v) -> rows.add(row));

    assertEquals(
        List.of("f1", "in.jsonl:2", "f3", "in.jsonl:4", "f5"),
        rows.stream().map(r -> r.get("id").asText()).toList());
    assertEquals(List.of(1, 2, 3, 4, 5), rows.stream().map(r -> r.get("line").asInt()).toList());
    assertEquals("malformed", rows.get(1).get("status").asText());
    assertTrue(
        rows.get(1).get("detail").asText().startsWith("malformed JSON"), rows.get(1).toString());
    assertEquals("expected a JSON object, got a string", rows.get(3).get("detail").asText());
    assertEquals("reference_failed", rows.get(0).get("status").asText());
    assertEquals("failed", rows.get(0).at("/reference/status").asText());
  }

  @Test
  void neverHasMoreProblemsInFlightThanAllowed() throws Exception {
    StringBuilder content = new StringBuilder();
    for (int i = 1; i <= 12; i++) {
      content.append(line(i)).append('\n');
    }
    ReverseOrderSandbox sandbox = new ReverseOrderSandbox();

    new VerificationRun(verifier(sandbox), 2)
        .run("in.jsonl", VerificationRun.entries(read(content.toString())), (row, v) -> {});

    assertTrue(sandbox.maxProblemsAtOnce.get() <= 2, "saw " + sandbox.maxProblemsAtOnce.get());
    assertEquals(12 * World.clockShifts(1).size(), sandbox.jobsSeen.get());
  }

  @Test
  void resumesAfterTheRowsAnInterruptedRunWroteAndRefusesOtherInput() throws Exception {
    ReadResult<Problem> read = read(line(1) + "\n" + line(2) + "\n" + line(3) + "\n");
    List<VerificationRun.Entry> entries = VerificationRun.entries(read);
    Path out = dir.resolve("out.jsonl");
    new VerificationRun(verifier(new ReverseOrderSandbox()), 2)
        .run("in.jsonl", entries.subList(0, 2), (row, v) -> append(out, row));
    Files.writeString(out, Files.readString(out) + "{\"id\": \"f3\", \"sta");

    try (JsonlAppender repaired = JsonlAppender.open(out, false)) {
      ResumePoint resume = ResumePoint.of(out, "in.jsonl", entries);

      assertEquals(2, resume.done());
      assertEquals(2, resume.summary().count(VerificationStatus.REFERENCE_FAILED));
    }
    IllegalArgumentException other =
        assertThrows(
            IllegalArgumentException.class, () -> ResumePoint.of(out, "other.jsonl", entries));
    assertTrue(
        other.getMessage().startsWith(out + ":1: --out already holds results for other input"),
        other.getMessage());
  }

  private static void append(Path out, ObjectNode row) throws IOException {
    try (JsonlAppender a = JsonlAppender.open(out, false)) {
      a.append(row);
    }
  }

  private static String line(int n) {
    return String.format(LINE, n);
  }

  private static ReadResult<Problem> read(String content) {
    return ProblemJsonl.read(
        "in.jsonl", new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)));
  }

  private static ProblemVerifier verifier(Sandbox sandbox) {
    return new ProblemVerifier(
        sandbox,
        new VerifierSettings(
            World.clockShifts(1), World.clockShifts(1), null, java.time.Duration.ofSeconds(10)));
  }

  /**
   * TEST DOUBLE (executes nothing): fails every job, answering later problems first so the run must
   * reorder rows; tracks how many distinct problems have jobs outstanding at once.
   */
  private static final class ReverseOrderSandbox implements Sandbox {
    final AtomicInteger maxProblemsAtOnce = new AtomicInteger();
    final AtomicInteger jobsSeen = new AtomicInteger();
    private final ConcurrentLinkedQueue<String> open = new ConcurrentLinkedQueue<>();

    @Override
    public synchronized CompletionStage<Verdict> run(SandboxJob job) {
      jobsSeen.incrementAndGet();
      String problem = job.id().substring(0, job.id().indexOf('/'));
      if (!open.contains(problem)) {
        open.add(problem);
      }
      maxProblemsAtOnce.accumulateAndGet(open.size(), Math::max);
      int delay = 40 - 3 * Integer.parseInt(problem.substring(1));
      return CompletableFuture.supplyAsync(
          () -> {
            sleep(Math.max(1, delay));
            if (job.id()
                .endsWith("@" + World.clockShifts(1).get(World.clockShifts(1).size() - 1).name())) {
              open.remove(problem);
            }
            return ScriptedSandbox.failedAt("assert " + problem + "(1) == 1");
          });
    }

    private static void sleep(int millis) {
      try {
        Thread.sleep(millis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
