package org.laimark.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.laimark.config.InvalidSettingException;
import org.laimark.model.lora.LoraConfig;
import org.laimark.model.train.GrpoSettings;
import org.laimark.model.train.LossNormalization;

class ConfigurationErrorsTest {

  @TempDir Path dir;

  @Test
  void anUnknownModeNamesTheKeyAndTheAllowedValues() {
    InvalidSettingException e = assertThrows(InvalidSettingException.class, () -> RunConfiguration.create(
        null, dir.resolve("run"), Map.of("laimark.pipeline.mode", "sometimes")));

    assertEquals("laimark.pipeline.mode: must be one of continuous | staged, got 'sometimes'", e.getMessage());
    assertFalse(Files.exists(dir.resolve("run")), "nothing is created for an invalid configuration");
  }

  @Test
  void aWrongTypeNamesTheKeyAndWhatWasExpected() {
    InvalidSettingException e = assertThrows(InvalidSettingException.class, () -> RunConfiguration.create(
        null, dir.resolve("run"), Map.of("laimark.pipeline.stream.accepted-buffer", "lots")));

    assertTrue(e.getMessage().startsWith("laimark.pipeline.stream.accepted-buffer: must be an integer"), e.getMessage());
  }

  @Test
  void theSpecCheckNeedsReferenceValuesUnlessTheModelsOwnSettingsProvideThem() {
    // The defaults (the study's written values) cannot take the check...
    InvalidSettingException e = assertThrows(InvalidSettingException.class, () -> RunConfiguration.create(
        SimulatedRunFixture.simulatedConf(), dir.resolve("run"), Map.of("laimark.pipeline.generator.spec-check", "domain")));
    assertEquals("laimark.pipeline.generator.spec-check: domain needs expected-values = reference (the check runs"
        + " with the reference's values; with spec values the docstring already decides them), got domain",
        e.getMessage());
    // ...the embedded model's laimark.conf (expected-values = reference) can: it is layered before validation.
    String shipped = Path.of(System.getProperty("laimark.root", "..")).resolve("data/models/laimark-tiny")
        .toAbsolutePath().toString();
    RunConfiguration embedded = RunConfiguration.create(null, dir.resolve("embedded"), Map.of(
        "laimark.pipeline.generator.spec-check", "domain", "laimark.pipeline.run.policy", "djl",
        "laimark.pipeline.run.model-dir", shipped));
    assertEquals("domain", embedded.config().getString("laimark.pipeline.generator.spec-check"));
    InvalidSettingException unknown = assertThrows(InvalidSettingException.class, () -> RunConfiguration.create(
        null, dir.resolve("run2"), Map.of("laimark.pipeline.generator.spec-check", "strict")));
    assertEquals("laimark.pipeline.generator.spec-check: must be none or domain, got strict", unknown.getMessage());
    InvalidSettingException values = assertThrows(InvalidSettingException.class, () -> RunConfiguration.create(
        null, dir.resolve("run3"), Map.of("laimark.pipeline.generator.expected-values", "docstring")));
    assertEquals("laimark.pipeline.generator.expected-values: must be written, reference or spec, got docstring",
        values.getMessage());
  }

  @Test
  void theAdapterAndGrpoKnobsAreReadFromTheirBlocksAndBadValuesAreNamed() {
    String shipped = Path.of(System.getProperty("laimark.root", "..")).resolve("data/models/laimark-tiny")
        .toAbsolutePath().toString();
    RunConfiguration allLinear = RunConfiguration.create(null, dir.resolve("run"), Map.of(
        "laimark.pipeline.run.model-dir", shipped,
        "laimark.pipeline.run.lora.target-modules", List.of("all-linear"),
        "laimark.pipeline.run.lora.rank", 8,
        "laimark.pipeline.trainer.grpo.beta", 0.04,
        "laimark.pipeline.trainer.grpo.normalization", "dr-grpo"));
    DjlRunSettings read = DjlRunSettings.fromConfig(allLinear.config());
    assertEquals(new LoraConfig(8, 32, 0.05, List.of("all-linear")), read.lora());
    assertEquals(GrpoSettings.defaults().withBeta(0.04).withNormalization(LossNormalization.DR_GRPO), read.grpo());

    InvalidSettingException e = assertThrows(InvalidSettingException.class, () -> RunConfiguration.create(
        null, dir.resolve("run2"), Map.of("laimark.pipeline.run.model-dir", shipped,
            "laimark.pipeline.run.lora.target-modules", List.of("q_proj", "qkv"))));
    assertEquals("laimark.pipeline.run.lora.target-modules: must name Qwen3 projections (q_proj, k_proj, v_proj,"
        + " o_proj, gate_proj, up_proj, down_proj) or all-linear, got 'qkv'", e.getMessage());
    InvalidSettingException norm = assertThrows(InvalidSettingException.class, () -> RunConfiguration.create(
        null, dir.resolve("run3"), Map.of("laimark.pipeline.run.model-dir", shipped,
            "laimark.pipeline.trainer.grpo.normalization", "mean")));
    assertEquals("laimark.pipeline.trainer.grpo.normalization: must be one of grpo | dapo | dr-grpo, got 'mean'",
        norm.getMessage());
  }

  @Test
  void aNonPositiveBufferIsRefused() {
    InvalidSettingException e = assertThrows(InvalidSettingException.class, () -> RunConfiguration.create(
        null, dir.resolve("run"), Map.of("laimark.pipeline.stream.accepted-buffer", 0)));

    assertEquals("laimark.pipeline.stream.accepted-buffer: must be a positive integer, got 0", e.getMessage());
  }

  @Test
  void everyRunWritesItsResolvedConfigurationAndAResumeReadsItBack() {
    RunConfiguration created = RunConfiguration.create(
        SimulatedRunFixture.simulatedConf(), dir.resolve("run"), Map.of("laimark.pipeline.run.max-rounds", 7));

    RunConfiguration resumed = RunConfiguration.resume(dir.resolve("run"), Map.of());

    assertTrue(Files.isRegularFile(created.run().resolvedConfig()));
    assertEquals("simulated", resumed.config().getString("laimark.pipeline.run.policy"));
    assertEquals(7, resumed.config().getInt("laimark.pipeline.run.max-rounds"));
  }

  @Test
  void aRunDirectoryThatHoldsARunIsNotReusedForANewOne() throws Exception {
    Path run = dir.resolve("run");
    Files.createDirectories(run);
    Files.writeString(run.resolve("journal.log"), "x");

    InvalidSettingException e = assertThrows(InvalidSettingException.class,
        () -> RunConfiguration.create(null, run, Map.of()));

    assertTrue(e.getMessage().contains("resume it with --resume"), e.getMessage());
  }
}
