package org.laimark.streams;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every experiment file the project ships starts a run: its keys are known and its values valid once the
 * model's own settings are layered in, as {@code laimark run --config FILE} checks before anything runs. A
 * file only a long run reads would otherwise first fail hours into a paper table.
 */
class ShippedExperimentFilesTest {

  private static final Path ROOT = Path.of(System.getProperty("laimark.root", ".."));

  @TempDir Path tmp;

  static List<Path> experimentFiles() throws Exception {
    Path dir = ROOT.resolve("config/experiments");
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(f -> f.toString().endsWith(".conf")).sorted().toList();
    }
  }

  @ParameterizedTest
  @MethodSource("experimentFiles")
  void startsARunWithValidSettings(Path file) {
    // "embedded" is found under the launcher's laimark.home, which a test JVM does not have: name the folder.
    Map<String, Object> embedded = Map.of("laimark.pipeline.run.model-dir",
        ROOT.resolve("data/models/laimark-tiny").toAbsolutePath().toString());

    RunConfiguration run = RunConfiguration.create(file, tmp.resolve("run"), embedded);

    assertTrue(Files.isRegularFile(run.run().resolvedConfig()), file + ": resolved configuration written");
    assertFalse(run.resumed());
  }
}
