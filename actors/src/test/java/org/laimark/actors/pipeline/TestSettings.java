package org.laimark.actors.pipeline;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import org.laimark.config.CalibratorSettings;
import org.laimark.config.GeneratorSettings;
import org.laimark.config.LaimarkConfig;
import org.laimark.config.TaskMixSettings;
import org.laimark.config.TrainerSettings;

/** The shipped defaults with HOCON overrides, as the tests need them. */
final class TestSettings {

  private TestSettings() {}

  static Config config(String... overrides) {
    return ConfigFactory.parseString(String.join("\n", overrides))
        .withFallback(LaimarkConfig.defaults())
        .resolve();
  }

  static CalibratorSettings calibrator(String... overrides) {
    return CalibratorSettings.fromConfig(config(overrides));
  }

  static GeneratorSettings generator(String... overrides) {
    return GeneratorSettings.fromConfig(config(overrides));
  }

  static TrainerSettings trainer(String... overrides) {
    return TrainerSettings.fromConfig(config(overrides));
  }

  static TaskMixSettings tasks(String... overrides) {
    return TaskMixSettings.fromConfig(config(overrides));
  }

  static ModelAccessSettings modelAccess(String... overrides) {
    return ModelAccessSettings.fromConfig(config(overrides));
  }
}
