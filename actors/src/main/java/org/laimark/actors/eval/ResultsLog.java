package org.laimark.actors.eval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.laimark.data.io.JsonlAppender;
import org.laimark.data.io.JsonlReader;
import org.laimark.data.io.ReadResult;

/**
 * The per-sample results file, append-only: a sample is finished exactly when its line is complete, so a
 * run killed at any moment resumes by skipping the samples already there, and its totals are computed from
 * the whole file (old lines and new), never from what this process happened to see. A partial last line
 * (killed mid-write) is cut off when the file is opened.
 */
final class ResultsLog implements AutoCloseable {
  private final JsonlAppender out;
  private final Map<String, SampleResult> results;

  private ResultsLog(JsonlAppender out, Map<String, SampleResult> results) {
    this.out = out;
    this.results = results;
  }

  /**
   * Opens (or creates) {@code file}, reading the samples it already holds.
   *
   * @throws EvalInputException when a line other than a torn last one cannot be read
   */
  static ResultsLog open(Path file) {
    Map<String, SampleResult> existing = new LinkedHashMap<>();
    if (Files.exists(file)) {
      ReadResult<SampleResult> read = JsonlReader.read(file, SampleResult::fromJson);
      List<String> errors = read.errors().stream()
          .filter(e -> !TimeLimits.isTornLastLine(file, e.line()))
          .map(Object::toString).toList();
      if (!errors.isEmpty()) {
        throw new EvalInputException(errors,
            "the results file is damaged; move it away to evaluate from scratch");
      }
      read.items().forEach(r -> existing.putIfAbsent(key(r.taskId(), r.sample()), r));
    }
    try {
      return new ResultsLog(JsonlAppender.open(file, false), Collections.synchronizedMap(existing));
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": cannot open for appending: " + e.getMessage(), e);
    }
  }

  boolean finished(SampleKey key) {
    return results.containsKey(key(key.taskId(), key.index()));
  }

  /** Records a result; one whole line reaches the operating system before this returns. */
  void append(SampleResult result) {
    try {
      out.append(result.toJson());
    } catch (IOException e) {
      throw new UncheckedIOException(out.file() + ": cannot write: " + e.getMessage(), e);
    }
    results.putIfAbsent(key(result.taskId(), result.sample()), result);
  }

  /** Every result in the file, old and new. */
  List<SampleResult> all() {
    synchronized (results) {
      return new ArrayList<>(results.values());
    }
  }

  int size() {
    return results.size();
  }

  @Override
  public void close() throws IOException {
    out.close();
  }

  private static String key(String taskId, int sample) {
    return taskId + "#" + sample;
  }
}
