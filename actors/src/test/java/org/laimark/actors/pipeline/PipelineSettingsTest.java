package org.laimark.actors.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.laimark.config.CalibratorSettings;
import org.laimark.config.GeneratorSettings;
import org.laimark.config.InvalidSettingException;
import org.laimark.config.TaskMixSettings;
import org.laimark.config.TrainerSettings;
import org.laimark.data.TaskType;

class PipelineSettingsTest {

  @Test
  void theShippedDefaultsAreTheStudysParameters() {
    CalibratorSettings c = TestSettings.calibrator();
    GeneratorSettings g = TestSettings.generator();
    TaskMixSettings t = TestSettings.tasks();

    assertEquals(8, c.samples());
    assertEquals(2, CalibratorSettings.minPasses(8, c.lo()));
    assertEquals(6, CalibratorSettings.maxPasses(8, c.hi()));
    assertEquals(20, g.topics().size());
    assertEquals(0.9, g.temperature());
    assertEquals(1500, g.maxNewTokens());
    assertEquals(4, TestSettings.trainer().groupSize());
    assertEquals(3, t.derivedPerProblem());
    assertEquals(256, t.derivedMaxNewTokens());
    assertEquals(1.0, t.maxShares().get(TaskType.INDUCTION));
    assertEquals(16, TestSettings.modelAccess().maxBatchSize());
    assertEquals(0.6, DedupSettings.fromConfig(TestSettings.config()).jaccardThreshold());
  }

  private static String message(Runnable load) {
    return assertThrows(InvalidSettingException.class, load::run).getMessage();
  }

  @Test
  void badValuesNameTheirKeyAndWhatWasExpected() {
    assertTrue(
        message(
                () ->
                    TestSettings.calibrator(
                        "laimark.pipeline.calibrator.window.lo = 0.45",
                        "laimark.pipeline.calibrator.window.hi = 0.55",
                        "laimark.pipeline.calibrator.samples = 3"))
            .startsWith(
                "laimark.pipeline.calibrator.window: must contain at least one pass rate"
                    + " reachable"));
    assertTrue(
        message(
                () ->
                    TestSettings.calibrator("laimark.pipeline.calibrator.adaptive.batch-size = 9"))
            .startsWith(
                "laimark.pipeline.calibrator.adaptive.batch-size: must be between 1 and samples"
                    + " (8)"));
    assertTrue(
        message(() -> TestSettings.tasks("laimark.pipeline.tasks.shares.abduction = 0.5"))
            .startsWith("laimark.pipeline.tasks.shares: must sum to 1"));
    assertTrue(
        message(() -> TestSettings.tasks("laimark.pipeline.tasks.shares.riddles = 0"))
            .startsWith(
                "laimark.pipeline.tasks.shares.riddles: must be one of induction, deduction,"
                    + " abduction"));
    assertTrue(
        message(() -> TestSettings.tasks("laimark.pipeline.tasks.max-shares.abduction = 0.2"))
            .startsWith("laimark.pipeline.tasks.max-shares.abduction: must be a number between"));
    assertTrue(
        message(() -> TestSettings.tasks("laimark.pipeline.tasks.prompts.deduction = \"no call\""))
            .startsWith(
                "laimark.pipeline.tasks.prompts.deduction: must contain the placeholder {code}"));
    assertTrue(
        message(() -> TestSettings.generator("laimark.pipeline.generator.topics = []"))
            .startsWith("laimark.pipeline.generator.topics: must be a non-empty list"));
    assertTrue(
        message(() -> TestSettings.trainer("laimark.pipeline.trainer.group-size = 1"))
            .startsWith("laimark.pipeline.trainer.group-size: must be at least 2"));
    assertTrue(
        message(() -> TestSettings.trainer("laimark.pipeline.trainer.update = sft"))
            .startsWith("laimark.pipeline.trainer.update: must be grpo or supervised"));
    assertTrue(
        message(() -> TestSettings.modelAccess("laimark.pipeline.model-access.max-batch-size = 0"))
            .startsWith("laimark.pipeline.model-access.max-batch-size: must be positive"));
    assertTrue(
        message(() -> TestSettings.calibrator("laimark.pipeline.calibrator.samples = eight"))
            .contains("samples"));
  }

  @Test
  void aTrainerSettingsRecordRefusesARollbackThresholdOfZero() {
    assertThrows(
        InvalidSettingException.class,
        () ->
            new TrainerSettings(
                4,
                java.time.Duration.ofSeconds(1),
                java.time.Duration.ofSeconds(1),
                java.time.Duration.ofSeconds(1),
                0,
                false,
                TrainerSettings.Update.GRPO));
  }
}
