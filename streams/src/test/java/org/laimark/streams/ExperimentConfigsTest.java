package org.laimark.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.laimark.config.LaimarkConfig;

/** Every shipped experiment file parses, validates, and says what the study's variants say. */
class ExperimentConfigsTest {

  private static final Path DIR = SimulatedRunFixture.simulatedConf().getParent();

  /**
   * As {@code laimark run --config FILE} checks before anything runs, with the model's own settings layered in
   * (some values are valid only with them), so a file only a long paper table reads does not first fail hours in.
   */
  @Test
  void everyShippedExperimentStartsARun(@TempDir Path tmp) throws IOException {
    List<Path> files;
    try (Stream<Path> all = Files.walk(DIR)) {
      files = all.filter(p -> p.toString().endsWith(".conf")).sorted().collect(Collectors.toList());
    }
    // "embedded" is found under the launcher's laimark.home, which a test JVM does not have: name the folder.
    Map<String, Object> embedded = Map.of("laimark.pipeline.run.model-dir",
        DIR.resolve("../../data/models/laimark-tiny").toAbsolutePath().normalize().toString());

    for (Path file : files) {
      Path runDir = tmp.resolve(DIR.relativize(file).toString().replace('/', '-'));
      RunConfiguration run = RunConfiguration.create(file, runDir, embedded);
      assertTrue(Files.isRegularFile(run.run().resolvedConfig()), file + ": resolved configuration written");
    }

    assertTrue(files.size() >= 18, "experiments: " + files);
  }

  @Test
  void theSupervisedRowsDifferOnlyInTheirProblems() {
    for (Path dir : List.of(DIR, DIR.resolve("embedded"))) {
      Config selfgen = LaimarkConfig.load(dir.resolve("selfgen-supervised-staged.conf"), Map.of());
      Config curated = LaimarkConfig.load(dir.resolve("curated-supervised-staged.conf"), Map.of());

      assertEquals("supervised", selfgen.getString("laimark.pipeline.trainer.update"), dir.toString());
      assertEquals("staged", selfgen.getString("laimark.pipeline.mode"), dir.toString());
      assertEquals("generated", selfgen.getString("laimark.pipeline.source"), dir.toString());
      assertEquals(selfgen.withoutPath("laimark.pipeline.source").withoutPath("laimark.pipeline.staged.problems")
              .withoutPath("laimark.pipeline.problem-order"),
          curated.withoutPath("laimark.pipeline.source").withoutPath("laimark.pipeline.staged.problems")
              .withoutPath("laimark.pipeline.problem-order"), dir.toString());
    }
  }

  @Test
  void theEmbeddedModelsTableRunsTheSameRowsOnItsOwnData() {
    Path embedded = DIR.resolve("embedded");
    Config g4 = LaimarkConfig.load(embedded.resolve("selfgen-g4.conf"), Map.of());
    Config g2 = LaimarkConfig.load(embedded.resolve("selfgen-g2.conf"), Map.of());
    Config curated = LaimarkConfig.load(embedded.resolve("curated.conf"), Map.of());

    assertEquals(4, g4.getInt("laimark.pipeline.trainer.group-size"));
    assertEquals(2, g2.getInt("laimark.pipeline.trainer.group-size"));
    assertEquals("generated", g4.getString("laimark.pipeline.source"));
    assertEquals("problem-file", curated.getString("laimark.pipeline.source"));
    assertEquals(4, curated.getInt("laimark.pipeline.trainer.group-size"), "only the source differs");
    assertEquals("mbpp-train", LaimarkConfig.load(DIR.resolve("curated.conf"), Map.of())
        .getString("laimark.pipeline.source"), "the shipped table's curated row stays MBPP's train split");
  }

  @Test
  void theStudyVariantsDifferWhereTheStudyDid() {
    Config g2 = LaimarkConfig.load(DIR.resolve("selfgen-g2.conf"), Map.of());
    Config g4 = LaimarkConfig.load(DIR.resolve("selfgen-g4.conf"), Map.of());
    Config curated = LaimarkConfig.load(DIR.resolve("curated-mbpp-train.conf"), Map.of());
    Config simulated = LaimarkConfig.load(DIR.resolve("simulated.conf"), Map.of());

    assertEquals(2, g2.getInt("laimark.pipeline.trainer.group-size"));
    assertEquals(4, g4.getInt("laimark.pipeline.trainer.group-size"));
    assertEquals("staged", g4.getString("laimark.pipeline.mode"));
    assertEquals("mbpp-train", curated.getString("laimark.pipeline.source"));
    assertEquals("simulated", simulated.getString("laimark.pipeline.run.policy"));
  }
}
