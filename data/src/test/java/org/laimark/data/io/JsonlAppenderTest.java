package org.laimark.data.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonlAppenderTest {
  @TempDir Path dir;

  @Test
  void cutsOffAnUnfinishedLastLineLeftByAKilledWriter() throws IOException {
    Path file =
        Files.writeString(dir.resolve("out.jsonl"), "{\"n\":1}\n{\"n\":2}\n{\"n\":3, \"hal");

    try (JsonlAppender out = JsonlAppender.open(file, true)) {
      out.append(record(4));
      assertEquals(12, out.droppedBytes());
    }

    assertEquals("{\"n\":1}\n{\"n\":2}\n{\"n\":4}\n", Files.readString(file));
  }

  @Test
  void cutsAFileWithoutAnyNewlineToEmpty() throws IOException {
    Path file = Files.writeString(dir.resolve("out.jsonl"), "{\"n\":");

    try (JsonlAppender out = JsonlAppender.open(file, false)) {
      assertEquals(5, out.droppedBytes());
    }

    assertEquals("", Files.readString(file));
  }

  @Test
  void keepsCompleteLinesAndAppendsAfterThem() throws IOException {
    Path file = dir.resolve("new.jsonl");
    try (JsonlAppender out = JsonlAppender.open(file, false)) {
      out.append(record(1));
    }

    try (JsonlAppender out = JsonlAppender.open(file, false)) {
      out.append(record(2));
      assertEquals(0, out.droppedBytes());
    }

    assertEquals("{\"n\":1}\n{\"n\":2}\n", Files.readString(file, StandardCharsets.UTF_8));
  }

  @Test
  void concurrentAppendsNeverInterleaveLines() throws Exception {
    Path file = dir.resolve("concurrent.jsonl");
    List<Thread> threads = new ArrayList<>();
    try (JsonlAppender out = JsonlAppender.open(file, false)) {
      for (int t = 0; t < 4; t++) {
        int base = t * 1000;
        threads.add(
            new Thread(
                () -> {
                  for (int i = 0; i < 250; i++) {
                    try {
                      out.append(record(base + i));
                    } catch (IOException e) {
                      throw new RuntimeException(e);
                    }
                  }
                }));
      }
      threads.forEach(Thread::start);
      for (Thread thread : threads) {
        thread.join();
      }
    }

    ReadResult<ObjectNode> back = JsonlReader.read(file, (record, line) -> record);
    assertEquals(List.of(), back.errors());
    Set<Integer> seen = new HashSet<>();
    back.items().forEach(r -> seen.add(r.get("n").intValue()));
    assertEquals(1000, seen.size());
  }

  private static ObjectNode record(int n) {
    return JsonlReader.JSON.createObjectNode().put("n", n);
  }
}
