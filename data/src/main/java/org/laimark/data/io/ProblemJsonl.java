package org.laimark.data.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import org.laimark.data.Problem;

/**
 * Files of problems in the study's JSONL format: reading (every bad line reported, the rest kept)
 * and crash-safe appending (one whole line per problem, see {@link JsonlAppender}).
 */
public final class ProblemJsonl {
  private ProblemJsonl() {}

  public static ReadResult<Problem> read(Path file) {
    return JsonlReader.read(file, ProblemJson::fromJson);
  }

  public static ReadResult<Problem> read(String label, InputStream in) {
    return JsonlReader.read(label, in, ProblemJson::fromJson);
  }

  /** Opens {@code file} for appending problems; see {@link JsonlAppender#open}. */
  public static Appender appender(Path file, boolean sync) throws IOException {
    return new Appender(JsonlAppender.open(file, sync));
  }

  /** Appends problems to one file, one whole line each. */
  public static final class Appender implements AutoCloseable {
    private final JsonlAppender lines;

    private Appender(JsonlAppender lines) {
      this.lines = lines;
    }

    public void append(Problem problem) throws IOException {
      lines.append(ProblemJson.toJson(problem));
    }

    /** See {@link JsonlAppender#droppedBytes()}. */
    public long droppedBytes() {
      return lines.droppedBytes();
    }

    @Override
    public void close() throws IOException {
      lines.close();
    }
  }
}
