package org.laimark.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.laimark.config.InvalidSettingException;
import org.laimark.config.LaimarkConfig;

/** run.policy = djl: the model folder key is checked before anything is created, and recorded absolute. */
class DjlRunConfigurationTest {

  @TempDir Path dir;

  @Test
  void anEmptyModelDirectoryNamesTheKeyAndCreatesNothing() {
    InvalidSettingException e = assertThrows(InvalidSettingException.class, () -> RunConfiguration.create(
        null, dir.resolve("run"), Map.of("laimark.pipeline.run.policy", "djl", "laimark.pipeline.run.model-dir", "")));

    assertEquals("laimark.pipeline.run.model-dir: empty; expected \"embedded\" or a Hugging Face Qwen3"
        + " folder (config.json, model safetensors, tokenizer.json)", e.getMessage());
    assertFalse(Files.exists(dir.resolve("run")), "nothing is created without a model");
  }

  @Test
  void aMissingModelDirectoryNamesTheKeyAndTheResolvedPath() {
    InvalidSettingException e = assertThrows(InvalidSettingException.class, () -> RunConfiguration.create(
        null, dir.resolve("run"), Map.of("laimark.pipeline.run.model-dir", dir.resolve("nope").toString())));

    assertEquals("laimark.pipeline.run.model-dir: '" + dir.resolve("nope") + "' is not a directory (resolved to "
        + dir.resolve("nope") + "); expected a Hugging Face Qwen3 folder", e.getMessage());
    assertFalse(Files.exists(dir.resolve("run")));
  }

  @Test
  void aRelativeModelDirectoryIsRecordedAbsoluteSoAResumeFindsIt() throws Exception {
    Path model = Files.createDirectories(dir.resolve("model"));
    String relative = Path.of("").toAbsolutePath().relativize(model).toString();

    RunConfiguration.create(null, dir.resolve("run"), Map.of("laimark.pipeline.run.model-dir", relative));
    RunConfiguration resumed = RunConfiguration.resume(dir.resolve("run"), Map.of());

    assertEquals(model.toString(), resumed.config().getString("laimark.pipeline.run.model-dir"));
  }

  @Test
  void theTinyRealExperimentReadsTheModelFolderFromTheEnvironmentAndIsSmall() {
    var config = LaimarkConfig.load(
        SimulatedRunFixture.simulatedConf().resolveSibling("tiny-real.conf"), Map.of());

    assertEquals("djl", config.getString("laimark.pipeline.run.policy"));
    assertEquals(System.getenv().getOrDefault("LAIMARK_MODEL_DIR", "embedded"),
        config.getString("laimark.pipeline.run.model-dir"), "without the variable: the default, the embedded model");
    assertEquals(4, config.getInt("laimark.pipeline.calibrator.samples"));
    assertEquals(2, config.getInt("laimark.pipeline.trainer.group-size"));
    assertEquals(2, DjlRunSettings.fromConfig(config).heldOutTasks());
  }

  @Test
  void theHeldOutSubsetIsTheFirstHumanEvalTasksAndZeroMeansAll() {
    assertEquals(164, DjlWorkload.heldOut("humaneval", 0).size());
    assertEquals(DjlWorkload.heldOut("humaneval", 0).subList(0, 3), DjlWorkload.heldOut("humaneval", 3));
    assertEquals(164, DjlWorkload.heldOut("humaneval", 500).size());
  }
}
