package org.laimark.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Loads the layered configuration: CLI overrides, then an experiment file, then the model folder's own
 * {@value #MODEL_SETTINGS_FILE} (when a model is known and carries one), then {@code reference.conf}. HOCON
 * stays the single source of truth; the CLI only overlays keys.
 *
 * <p>A model folder's settings file holds what belongs to that model rather than to an experiment: the
 * prompts it was trained to answer (the embedded model knows no others), token caps that fit its answers,
 * its own held-out benchmark. Inside it, {@code ${model-dir}} is the folder's absolute path.
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
    return load(experimentFile, overrides, null);
  }

  /** The settings file a model folder may carry. */
  public static final String MODEL_SETTINGS_FILE = "laimark.conf";

  /**
   * As {@link #load(Path, Map)}, with the settings of {@code modelDirectory} (may be null) layered between
   * the experiment file and the defaults.
   *
   * @throws InvalidSettingException naming the file and line when a file does not parse
   */
  public static Config load(Path experimentFile, Map<String, ?> overrides, Path modelDirectory) {
    Config layered = ConfigFactory.defaultReference();
    if (modelDirectory != null) {
      layered = modelSettings(modelDirectory).withFallback(layered);
    }
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

  /** The model folder's settings with {@code ${model-dir}} filled in; empty when it has none. */
  static Config modelSettings(Path modelDirectory) {
    Path file = modelDirectory.resolve(MODEL_SETTINGS_FILE);
    if (!Files.isRegularFile(file)) {
      return ConfigFactory.empty();
    }
    Path folder = modelDirectory.toAbsolutePath().normalize();
    try {
      return ConfigFactory.parseFile(file.toFile(), ConfigParseOptions.defaults().setAllowMissing(false))
          .resolveWith(ConfigFactory.parseMap(Map.of("model-dir", folder.toString())));
    } catch (ConfigException e) {
      throw new InvalidSettingException(e.getMessage());
    }
  }
}
