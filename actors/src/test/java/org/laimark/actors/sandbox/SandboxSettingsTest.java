package org.laimark.actors.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.laimark.config.InvalidSettingException;
import org.laimark.config.SandboxSettings;

/** The sandbox's settings: defaults as documented, and bad values named by their key. */
class SandboxSettingsTest {

  @Test
  void defaultsMatchTheMeasuredLimits() {
    SandboxSettings s = TestSettings.with(Map.of());

    assertEquals(SandboxSettings.Isolation.BUBBLEWRAP, s.isolation());
    assertEquals(Runtime.getRuntime().availableProcessors() + 1, s.pool().workers());
    assertEquals(Duration.ofSeconds(5), s.limits().cpu());
    assertEquals(Duration.ofMillis(7500), s.limits().wall());
    assertEquals(1L << 30, s.limits().memoryBytes());
    assertEquals(64 * 1024, s.limits().outputBytes());
    assertEquals(60001, s.pool().firstUid());
  }

  @Test
  void badValuesNameTheirKey() {
    assertMessage("laimark.sandbox.pool.workers", Map.of("pool.workers", 0));
    assertMessage("laimark.sandbox.pool.workers", Map.of("pool.workers", "many"));
    assertMessage("laimark.sandbox.isolation", Map.of("isolation", "docker"));
    assertMessage("laimark.sandbox.limits.memory", Map.of("limits.memory", "1KiB"));
    assertMessage("laimark.sandbox.limits.cpu", Map.of("limits.cpu", "soon"));
    assertMessage("laimark.sandbox.python", Map.of("python", "python3"));
  }

  private static void assertMessage(String key, Map<String, Object> overrides) {
    InvalidSettingException e =
        assertThrows(InvalidSettingException.class, () -> TestSettings.with(overrides));
    assertTrue(e.getMessage().startsWith(key + ":"), e.getMessage());
  }
}
