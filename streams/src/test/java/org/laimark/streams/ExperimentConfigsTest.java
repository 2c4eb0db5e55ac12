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
    try (Stream<Path> all = Files.list(DIR)) {
      files = all.filter(p -> p.toString().endsWith(".conf")).sorted().collect(Collectors.toList());
    }

    for (Path file : files) {
      RunConfiguration.validate(LaimarkConfig.load(file, Map.of()));
    }

    assertTrue(files.size() >= 8, "experiments: " + files);
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
