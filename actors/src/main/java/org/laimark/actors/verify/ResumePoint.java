package org.laimark.actors.verify;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.laimark.data.io.JsonlReader;
import org.laimark.data.io.ReadResult;

/**
 * Where an interrupted {@code laimark verify} picks up: its output file is a prefix of the rows for
 * the same input (see {@link VerificationRun}), so the first {@link #done()} entries are skipped
 * and their statuses counted again. An output file that is not such a prefix is refused rather than
 * appended to.
 */
public record ResumePoint(int done, VerificationSummary summary) {

  /**
   * Reads {@code out} (already repaired by opening it for appending) against the entries of this
   * run.
   *
   * @throws IllegalArgumentException naming OUT:LINE when {@code out} holds rows of another input
   */
  public static ResumePoint of(Path out, String inputFile, List<VerificationRun.Entry> entries) {
    VerificationSummary summary = new VerificationSummary();
    if (!Files.exists(out)) {
      return new ResumePoint(0, summary);
    }
    ReadResult<ObjectNode> rows = JsonlReader.read(out, (row, line) -> row);
    if (!rows.errors().isEmpty()) {
      throw new IllegalArgumentException(
          rows.errors().get(0) + " (--out must be a file this command wrote)");
    }
    List<ObjectNode> done = rows.items();
    for (int i = 0; i < done.size(); i++) {
      ObjectNode row = done.get(i);
      if (i >= entries.size() || !matches(row, inputFile, entries.get(i))) {
        throw new IllegalArgumentException(
            out
                + ":"
                + rows.located().get(i).line()
                + ": --out already holds results for other input (row "
                + row.path("id").asText("?")
                + " of "
                + row.path("file").asText("?")
                + ":"
                + row.path("line").asText("?")
                + "); use a new --out file, or --fresh to overwrite it");
      }
      summary.add(status(row), row.path("runs").asInt(0));
    }
    return new ResumePoint(done.size(), summary);
  }

  private static boolean matches(ObjectNode row, String inputFile, VerificationRun.Entry entry) {
    String id =
        entry.problem() != null ? entry.problem().id() : entry.error().file() + ":" + entry.line();
    return row.path("file").asText().equals(inputFile)
        && row.path("line").asInt(-1) == entry.line()
        && row.path("id").asText().equals(id)
        && status(row) != null;
  }

  private static VerificationStatus status(ObjectNode row) {
    try {
      return VerificationStatus.valueOf(row.path("status").asText().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
