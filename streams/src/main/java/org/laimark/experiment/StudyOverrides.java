package org.laimark.experiment;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigValue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.laimark.config.InvalidSettingException;

/**
 * The configuration overlay of one paper-table run, as the CLI-style key → value map {@code laimark run}
 * layers over an experiment file: the seed, the limits, no live progress, and with {@code --simulated} the
 * SIMULATED policy and sandbox of {@code simulated.conf} (its {@code run.policy}, {@code simulated} block
 * and stream timings; its mode, schedule and evaluation are left to each experiment, so the staged study
 * configurations stay staged).
 */
final class StudyOverrides {

  static final String PREFIX = "laimark.pipeline.";
  private static final String[] SIMULATED_PATHS = {
    "run.policy", "simulated", "stream.round-max-wait", "stream.ask-timeout", "journal.snapshot-every"
  };

  private StudyOverrides() {}

  static Map<String, Object> forRun(PaperTableSettings s, int seed, Map<String, Object> simulatedOverlay) {
    Map<String, Object> o = new LinkedHashMap<>(simulatedOverlay);
    o.put(PREFIX + "generator.seed", seed);
    o.put(PREFIX + "tasks.seed", seed);
    o.put(PREFIX + "run.progress", "off");
    if (s.maxRounds() > 0) {
      o.put(PREFIX + "run.max-rounds", s.maxRounds());
    }
    if (s.maxDuration() != null) {
      o.put(PREFIX + "run.max-duration", s.maxDuration().toMillis() + "ms");
    }
    if (s.problems() > 0) {
      o.put(PREFIX + "staged.problems", s.problems());
    }
    return o;
  }

  /** The SIMULATED overlay read from {@code configDir/simulated.conf}; refuses a file that is not simulated. */
  static Map<String, Object> simulatedOverlay(Path configDir) {
    Path file = configDir.resolve("simulated.conf");
    if (!Files.isRegularFile(file)) {
      throw new InvalidSettingException(file + ": not found (--simulated takes the simulated policy and sandbox"
          + " from simulated.conf in the configuration directory)");
    }
    Config config;
    try {
      config = ConfigFactory.parseFile(file.toFile(), ConfigParseOptions.defaults().setAllowMissing(false)).resolve();
    } catch (ConfigException e) {
      throw new InvalidSettingException(e.getMessage());
    }
    if (!config.hasPath(PREFIX + "run.policy") || !config.getString(PREFIX + "run.policy").equals("simulated")) {
      throw new InvalidSettingException(file + ": " + PREFIX + "run.policy must be 'simulated' for --simulated");
    }
    Map<String, Object> overlay = new LinkedHashMap<>();
    for (String path : SIMULATED_PATHS) {
      if (config.hasPath(PREFIX + path)) {
        for (Map.Entry<String, ConfigValue> e : config.withOnlyPath(PREFIX + path).entrySet()) {
          overlay.put(e.getKey(), e.getValue().unwrapped());
        }
      }
    }
    return overlay;
  }
}
