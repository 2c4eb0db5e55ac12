package org.laimark.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.laimark.config.InvalidSettingException;
import org.laimark.config.LaimarkConfig;
import org.laimark.config.RunSettings;

/**
 * source = problem-file: the file's problems in order, or permuted by seed; a missing or bad file stops the run
 * naming the key.
 */
class CuratedProblemsTest {

  @TempDir Path dir;

  private static Path shippedCurated() {
    return Path.of(System.getProperty("laimark.root", "..")).resolve("data/models/laimark-tiny/curated.jsonl");
  }

  @Test
  void aProblemFileGivesItsProblemsInFileOrder() throws Exception {
    List<String> lines = Files.readAllLines(shippedCurated()).subList(0, 3);
    Path file = Files.write(dir.resolve("three.jsonl"), lines);

    CuratedProblems curated = CuratedProblems.of(runSettings(file, "file"), 1);

    assertEquals("curated:three.jsonl", curated.origin());
    assertEquals(3, curated.problems().size());
    assertTrue(lines.get(0).contains(curated.problems().get(0).entryPoint()));
  }

  @Test
  void aSeededOrderIsAPermutationEachSeedDrawsAgainTheSame() {
    List<String> file = entryPoints(CuratedProblems.of(runSettings(shippedCurated(), "file"), 1));
    List<String> seed1 = entryPoints(CuratedProblems.of(runSettings(shippedCurated(), "seeded"), 1));
    List<String> seed2 = entryPoints(CuratedProblems.of(runSettings(shippedCurated(), "seeded"), 2));

    assertEquals(seed1, entryPoints(CuratedProblems.of(runSettings(shippedCurated(), "seeded"), 1)),
        "a resumed run takes the same order");
    assertEquals(Set.copyOf(file), Set.copyOf(seed1));
    assertEquals(file.size(), seed1.size());
    assertNotEquals(file.subList(0, 100), seed1.subList(0, 100));
    assertNotEquals(Set.copyOf(seed1.subList(0, 480)), Set.copyOf(seed2.subList(0, 480)),
        "two seeds' first 480 are different subsets");
  }

  @Test
  void anUnknownProblemOrderNamesTheKeyAndTheChoices() {
    InvalidSettingException e =
        assertThrows(InvalidSettingException.class, () -> runSettings(shippedCurated(), "random"));

    assertTrue(e.getMessage().contains("laimark.pipeline.problem-order") && e.getMessage().contains("seeded"),
        e.getMessage());
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

  private static RunSettings runSettings(Path file, String order) {
    return RunSettings.fromConfig(LaimarkConfig.load(null, Map.of("laimark.pipeline.source", "problem-file",
        "laimark.pipeline.problem-file", file.toString(), "laimark.pipeline.problem-order", order)));
  }

  private static List<String> entryPoints(CuratedProblems curated) {
    return curated.problems().stream().map(p -> p.entryPoint()).toList();
  }
}
