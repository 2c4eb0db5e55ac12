package org.laimark.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.laimark.config.InvalidSettingException;
import org.laimark.config.LaimarkConfig;
import org.laimark.config.RunSettings;

/** source = problem-file: the file's problems in order; a missing or bad file stops the run naming the key. */
class CuratedProblemsTest {

  @TempDir Path dir;

  private static Path shippedCurated() {
    return Path.of(System.getProperty("laimark.root", "..")).resolve("data/models/laimark-tiny/curated.jsonl");
  }

  @Test
  void aProblemFileGivesItsProblemsInFileOrder() throws Exception {
    List<String> lines = Files.readAllLines(shippedCurated()).subList(0, 3);
    Path file = Files.write(dir.resolve("three.jsonl"), lines);

    CuratedProblems curated = CuratedProblems.of(runSettings(file));

    assertEquals("curated:three.jsonl", curated.origin());
    assertEquals(3, curated.problems().size());
    assertTrue(lines.get(0).contains(curated.problems().get(0).entryPoint()));
  }

  @Test
  void anEmptyOrBrokenProblemFileNamesTheKey() throws Exception {
    Path broken = Files.writeString(dir.resolve("broken.jsonl"), "{not json\n");

    InvalidSettingException empty = assertThrows(InvalidSettingException.class, () -> CuratedProblems.file(""));
    InvalidSettingException bad =
        assertThrows(InvalidSettingException.class, () -> CuratedProblems.file(broken.toString()));

    assertTrue(empty.getMessage().startsWith("laimark.pipeline.problem-file: empty"), empty.getMessage());
    assertTrue(bad.getMessage().startsWith("laimark.pipeline.problem-file: ") && bad.getMessage().contains(":1"),
        bad.getMessage());
  }

  private static RunSettings runSettings(Path file) {
    return RunSettings.fromConfig(LaimarkConfig.load(null,
        Map.of("laimark.pipeline.source", "problem-file", "laimark.pipeline.problem-file", file.toString())));
  }
}
