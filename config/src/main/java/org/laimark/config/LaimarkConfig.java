package org.laimark.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Loads the layered configuration: CLI overrides, then an experiment file, then {@code reference.conf}.
 * HOCON stays the single source of truth; the CLI only overlays keys.
 */
public final class LaimarkConfig {

  private LaimarkConfig() {}

  /** The defaults alone. */
  public static Config defaults() {
    return ConfigFactory.defaultReference().resolve();
  }

  /**
   * Defaults overlaid with an experiment file (may be null) and CLI overrides (keys → values).
   *
   * @throws InvalidSettingException naming the file and line when the file does not parse
   */
  public static Config load(Path experimentFile, Map<String, ?> overrides) {
    Config layered = ConfigFactory.defaultReference();
    if (experimentFile != null) {
      if (!Files.isRegularFile(experimentFile)) {
        throw new InvalidSettingException(experimentFile + ": configuration file not found");
      }
      try {
        Config file =
            ConfigFactory.parseFile(
                experimentFile.toFile(), ConfigParseOptions.defaults().setAllowMissing(false));
        layered = file.withFallback(layered);
      } catch (ConfigException e) {
        throw new InvalidSettingException(e.getMessage());
      }
    }
    Config withOverrides = ConfigFactory.parseMap(overrides).withFallback(layered);
    try {
      return withOverrides.resolve();
    } catch (ConfigException e) {
      throw new InvalidSettingException(e.getMessage());
    }
  }
}
