package org.laimark.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A model folder's laimark.conf sits between the defaults and the experiment file. */
class ModelSettingsLayeringTest {

  @TempDir Path dir;

  @Test
  void theModelsSettingsReplaceDefaultsButNotTheExperimentOrTheCommandLine() throws Exception {
    Path model = Files.createDirectories(dir.resolve("model"));
    Files.writeString(model.resolve("laimark.conf"), """
        laimark.eval.prompt.user = "Body of:\\n{stub}"
        laimark.eval.generation.max-new-tokens = 160
        laimark.pipeline.generator.seed = 1
        laimark.pipeline.evaluation.benchmark = ${model-dir}"/heldout.jsonl"
        """);
    Path experiment = Files.writeString(dir.resolve("exp.conf"), "laimark.pipeline.generator.seed = 2\n");

    var config = LaimarkConfig.load(experiment, Map.of("laimark.eval.generation.max-new-tokens", 99), model);

    assertEquals("Body of:\n{stub}", config.getString("laimark.eval.prompt.user"));
    assertEquals(2, config.getInt("laimark.pipeline.generator.seed"), "the experiment wins over the model");
    assertEquals(99, config.getInt("laimark.eval.generation.max-new-tokens"), "the command line wins");
    assertEquals(model.toAbsolutePath() + "/heldout.jsonl",
        config.getString("laimark.pipeline.evaluation.benchmark"));
  }

  @Test
  void aModelWithoutSettingsLeavesTheDefaults() throws Exception {
    Path model = Files.createDirectories(dir.resolve("plain"));

    assertEquals(LaimarkConfig.defaults().getString("laimark.eval.prompt.user"),
        LaimarkConfig.load(null, Map.of(), model).getString("laimark.eval.prompt.user"));
  }

  @Test
  void aBrokenModelSettingsFileNamesTheFileAndLine() throws Exception {
    Path model = Files.createDirectories(dir.resolve("broken"));
    Files.writeString(model.resolve("laimark.conf"), "laimark.eval {\n  mode = \n");

    InvalidSettingException e =
        assertThrows(InvalidSettingException.class, () -> LaimarkConfig.load(null, Map.of(), model));
    assertTrue(e.getMessage().contains("laimark.conf") && e.getMessage().contains("laimark.conf: 3:"), e.getMessage());
  }

  @Test
  void embeddedNamesTheShippedModelAndAMissingFolderNamesTheKey() {
    InvalidSettingException e = assertThrows(InvalidSettingException.class,
        () -> ModelDirectory.resolve(dir.resolve("nope").toString(), "some.key"));
    assertTrue(e.getMessage().startsWith("some.key: '" + dir.resolve("nope") + "' is not a directory"),
        e.getMessage());

    String home = System.setProperty("laimark.home", dir.toString()) ;
    try {
      InvalidSettingException missing = assertThrows(InvalidSettingException.class,
          () -> ModelDirectory.resolve("embedded", "some.key"));
      assertTrue(missing.getMessage().contains(dir.resolve("data/models/laimark-tiny").toString())
          && missing.getMessage().contains("laimark pretrain"), missing.getMessage());
    } finally {
      if (home == null) {
        System.clearProperty("laimark.home");
      } else {
        System.setProperty("laimark.home", home);
      }
    }
  }
}
