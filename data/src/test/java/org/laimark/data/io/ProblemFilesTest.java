package org.laimark.data.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.laimark.data.Problem;

class ProblemFilesTest {
  @TempDir Path dir;

  @Test
  void recognisesEachShippedDatasetFromItsContent() throws IOException {
    assertEquals(
        22, ProblemFiles.read(copy(Datasets.SEED_CURRICULUM, "a.jsonl"), null).items().size());
    assertEquals(164, ProblemFiles.read(copy(Datasets.HUMANEVAL, "b.gz"), null).items().size());
    assertEquals(974, ProblemFiles.read(copy(Datasets.MBPP, "c.jsonl"), null).items().size());
  }

  @Test
  void anExplicitFormatIsTrustedAndMismatchedLinesAreErrors() throws IOException {
    Path mbpp = copy(Datasets.MBPP, "mbpp.jsonl");

    ReadResult<Problem> read = ProblemFiles.read(mbpp, ProblemFormat.SEED);

    assertEquals(0, read.items().size());
    assertEquals(974, read.errors().size());
    assertEquals(
        mbpp
            + ":1: missing fields 'prompt', 'tests', 'solution', 'entry_point' (expected the"
            + " study's problem record: prompt, tests, solution and entry_point strings)",
        read.errors().get(0).toString());
  }

  @Test
  void anUnknownFormatNamesTheFileTheLineAndTheFormatsExpected() throws IOException {
    Path file =
        Files.writeString(dir.resolve("odd.jsonl"), "\n{\"question\": \"2+2\", \"answer\": 4}\n");

    UnknownFormatException e =
        assertThrows(UnknownFormatException.class, () -> ProblemFiles.read(file, null));

    assertTrue(
        e.getMessage()
            .startsWith(
                file
                    + ":2: unknown problem format: the record has fields"
                    + " [question, answer]; expected one of: seed (prompt, tests"),
        e.getMessage());
  }

  @Test
  void recognisesTheFormatPastLeadingBadLinesAndStillReportsThem() throws IOException {
    String seedLine = Files.readAllLines(copy(Datasets.SEED_CURRICULUM, "s.jsonl")).get(0);
    Path file = Files.writeString(dir.resolve("mixed.jsonl"), "not json\n" + seedLine + "\n");

    ReadResult<Problem> read = ProblemFiles.read(file, null);

    assertEquals(1, read.items().size());
    assertEquals(1, read.errors().get(0).line());
  }

  @Test
  void anEmptyFileCannotBeRecognised() throws IOException {
    Path file = Files.writeString(dir.resolve("empty.jsonl"), "");

    UnknownFormatException e =
        assertThrows(UnknownFormatException.class, () -> ProblemFiles.read(file, null));

    assertTrue(e.getMessage().contains("the file holds no records"), e.getMessage());
  }

  @Test
  void aMissingFileIsOneErrorNamingIt() {
    Path file = dir.resolve("absent.jsonl");

    UncheckedIOException e =
        assertThrows(UncheckedIOException.class, () -> ProblemFiles.read(file, null));

    assertTrue(e.getMessage().startsWith(file + ": cannot read:"), e.getMessage());
  }

  @Test
  void formatNamesAreCaseInsensitive() {
    assertEquals(ProblemFormat.HUMANEVAL, ProblemFormat.fromWireName("HumanEval"));
    assertEquals(null, ProblemFormat.fromWireName("csv"));
    assertEquals(
        List.of(ProblemFormat.SEED, ProblemFormat.HUMANEVAL, ProblemFormat.MBPP),
        List.of(ProblemFormat.values()));
  }

  private Path copy(String resource, String name) throws IOException {
    try (InputStream in = Datasets.class.getClassLoader().getResourceAsStream(resource)) {
      Path file = dir.resolve(name);
      Files.copy(in, file);
      return file;
    }
  }
}
