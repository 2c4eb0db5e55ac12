package org.laimark.data.io;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.laimark.data.Problem;
import org.laimark.data.benchmark.HumanEvalReader;
import org.laimark.data.benchmark.HumanEvalTask;
import org.laimark.data.benchmark.MbppReader;
import org.laimark.data.benchmark.MbppTask;

/**
 * Reads problems from a file in any {@link ProblemFormat}, converting benchmark records to {@link
 * Problem}s. The format is given, or recognised from the first line that is a JSON object.
 */
public final class ProblemFiles {
  private ProblemFiles() {}

  /**
   * @param format the file's format, or {@code null} to recognise it
   * @throws UnknownFormatException when {@code format} is null and the first record fits no format
   * @throws UncheckedIOException when the file cannot be opened or read
   */
  public static ReadResult<Problem> read(Path file, ProblemFormat format) {
    byte[] content;
    try (InputStream in = JsonlReader.open(file)) {
      content = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": cannot read: " + e.getMessage(), e);
    }
    return read(file.toString(), content, format);
  }

  /** As {@link #read(Path, ProblemFormat)}, for content already in memory (decompressed). */
  public static ReadResult<Problem> read(String label, byte[] content, ProblemFormat format) {
    ProblemFormat actual = format != null ? format : recognise(label, content);
    InputStream in = new ByteArrayInputStream(content);
    switch (actual) {
      case HUMANEVAL:
        return HumanEvalReader.read(label, in).map(HumanEvalTask::toProblem);
      case MBPP:
        return MbppReader.read(label, in).map(MbppTask::toProblem);
      default:
        return ProblemJsonl.read(label, in);
    }
  }

  /** The format of the first line that is a JSON object; lines before it are left to the reader. */
  static ProblemFormat recognise(String label, byte[] content) {
    ReadResult<ObjectNode> records =
        JsonlReader.read(label, new ByteArrayInputStream(content), (record, line) -> record);
    if (records.located().isEmpty()) {
      String why =
          records.errors().isEmpty()
              ? "the file holds no records"
              : "no line is a JSON object (first problem: " + records.errors().get(0) + ")";
      throw new UnknownFormatException(
          label
              + ": cannot tell the problem format: "
              + why
              + "; expected JSON lines in one of: "
              + ProblemFormat.describeAll());
    }
    Located<ObjectNode> first = records.located().get(0);
    ProblemFormat format = ProblemFormat.recognise(first.value());
    if (format == null) {
      throw new UnknownFormatException(
          label
              + ":"
              + first.line()
              + ": unknown problem format: the record"
              + " has fields "
              + fieldNames(first.value())
              + "; expected one of: "
              + ProblemFormat.describeAll());
    }
    return format;
  }

  private static String fieldNames(ObjectNode record) {
    StringBuilder names = new StringBuilder("[");
    record
        .fieldNames()
        .forEachRemaining(n -> names.append(names.length() > 1 ? ", " : "").append(n));
    return names.append(']').toString();
  }
}
