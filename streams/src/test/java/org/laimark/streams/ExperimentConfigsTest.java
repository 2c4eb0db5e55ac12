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
import org.laimark.config.LaimarkConfig;

/** Every shipped experiment file parses, validates, and says what the study's variants say. */
class ExperimentConfigsTest {

  private static final Path DIR = SimulatedRunFixture.simulatedConf().getParent();

  @Test
  void everyShippedExperimentIsAValidConfiguration() throws IOException {
    List<Path> files;
    try (Stream<Path> all = Files.walk(DIR)) {
      files = all.filter(p -> p.toString().endsWith(".conf")).sorted().collect(Collectors.toList());
    }

    for (Path file : files) {
      RunConfiguration.validate(LaimarkConfig.load(file, Map.of()));
    }

    assertTrue(files.size() >= 14, "experiments: " + files);
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
