package org.laimark.actors.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.laimark.config.EvalSettings;
import org.laimark.config.InvalidSettingException;
import org.laimark.config.LaimarkConfig;

class EvalSettingsTest {

  @Test
  void readsTheDocumentedDefaults() {
    EvalSettings s = EvalSettings.fromConfig(LaimarkConfig.defaults());

    assertEquals("auto", s.mode());
    assertEquals(Duration.ofSeconds(1), s.timeLimitFloor());
    assertEquals(4.0, s.timeLimitFactor());
    assertEquals(Duration.ofSeconds(5), s.seedCompatLimit());
    assertEquals(List.of(1, 10, 100), s.k());
    assertEquals(2048, s.generation().maxNewTokens());
    assertEquals(3, s.contamination().ngram());
    assertEquals(0.15, s.contamination().threshold());
    assertEquals(40.0, s.contamination().minEvidence());
  }

  @Test
  void namesTheKeyOfABadValue() {
    InvalidSettingException e = assertThrows(InvalidSettingException.class, () -> EvalSettings.fromConfig(
        LaimarkConfig.load(null, Map.of("laimark.eval.time-limit.factor", 0.5))));

    assertEquals("laimark.eval.time-limit.factor: must be at least 1 (a sample gets at least the reference's"
        + " time), got 0.5", e.getMessage());
  }

  @Test
  void refusesAUserTemplateWithoutTheStub() {
    InvalidSettingException e = assertThrows(InvalidSettingException.class, () -> EvalSettings.fromConfig(
        LaimarkConfig.load(null, Map.of("laimark.eval.prompt.user", "Solve it."))));

    assertEquals("laimark.eval.prompt.user: must contain the placeholder {stub}, got Solve it.", e.getMessage());
  }
}
