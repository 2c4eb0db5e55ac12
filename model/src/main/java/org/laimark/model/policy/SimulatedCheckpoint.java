package org.laimark.model.policy;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * A {@link SimulatedPolicy}'s trainable state on disk: version, step count and the skill gains
 * training added, in {@code simulated-policy.properties}. Written to a temporary file and moved
 * into place, so a crash leaves the previous checkpoint intact.
 */
final class SimulatedCheckpoint {

  static final String FILE = "simulated-policy.properties";

  record State(
      long version, long steps, Map<String, Double> keyGain, Map<String, Double> typeGain) {}

  private final Path file;

  SimulatedCheckpoint(Path directory) {
    this.file = directory.resolve(FILE);
  }

  void write(long seed, long version, long steps, SimulatedSkills skills) {
    Properties p = new Properties();
    p.setProperty("simulated", "true");
    p.setProperty("seed", Long.toString(seed));
    p.setProperty("version", Long.toString(version));
    p.setProperty("steps", Long.toString(steps));
    skills.keyGains().forEach((k, v) -> p.setProperty("keyGain." + k, Double.toString(v)));
    skills.typeGains().forEach((k, v) -> p.setProperty("typeGain." + k, Double.toString(v)));
    try {
      Files.createDirectories(file.getParent());
      Path tmp = file.resolveSibling(FILE + ".tmp");
      try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
        p.store(w, "SIMULATED policy state");
      }
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": cannot write the simulated policy checkpoint", e);
    }
  }

  State read(long expectedSeed) {
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(r);
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": cannot read the simulated policy checkpoint", e);
    }
    long seed = number(p, "seed");
    if (seed != expectedSeed) {
      throw new IllegalArgumentException(
          file
              + ": checkpoint of a simulated policy with seed "
              + seed
              + ", expected "
              + expectedSeed);
    }
    Map<String, Double> keyGain = new HashMap<>();
    Map<String, Double> typeGain = new HashMap<>();
    for (String name : p.stringPropertyNames()) {
      if (name.startsWith("keyGain.")) {
        keyGain.put(name.substring("keyGain.".length()), decimal(p, name));
      } else if (name.startsWith("typeGain.")) {
        typeGain.put(name.substring("typeGain.".length()), decimal(p, name));
      }
    }
    return new State(number(p, "version"), number(p, "steps"), keyGain, typeGain);
  }

  private long number(Properties p, String key) {
    try {
      return Long.parseLong(p.getProperty(key, ""));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          file + ": key '" + key + "' must be an integer, got '" + p.getProperty(key) + "'");
    }
  }

  private double decimal(Properties p, String key) {
    try {
      return Double.parseDouble(p.getProperty(key));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          file + ": key '" + key + "' must be a number, got '" + p.getProperty(key) + "'");
    }
  }
}
