package org.laimark.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import java.time.Duration;
import java.util.List;

/**
 * Reads one block of the configuration (e.g. {@code laimark.pipeline.stream}) and names the full key and
 * what is allowed in every error, so a settings record's {@code fromConfig} stays a list of reads.
 */
public final class SettingsBlock {

  private final Config root;
  private final Config config;
  private final String path;

  public SettingsBlock(Config root, String path) {
    this.root = root;
    this.path = path;
    try {
      this.config = root.getConfig(path);
    } catch (ConfigException e) {
      throw new InvalidSettingException(path + ": missing or not a block (" + e.getMessage() + ")");
    }
  }

  public String key(String name) {
    return path + "." + name;
  }

  public SettingsBlock block(String name) {
    return new SettingsBlock(root, key(name));
  }

  public int positiveInt(String name) {
    int v = read(name, () -> config.getInt(name), "an integer");
    if (v <= 0) {
      throw InvalidSettingException.forKey(key(name), "must be a positive integer", v);
    }
    return v;
  }

  public int nonNegativeInt(String name) {
    int v = read(name, () -> config.getInt(name), "an integer");
    if (v < 0) {
      throw InvalidSettingException.forKey(key(name), "must be 0 or a positive integer", v);
    }
    return v;
  }

  public long nonNegativeLong(String name) {
    long v = read(name, () -> config.getLong(name), "an integer");
    if (v < 0) {
      throw InvalidSettingException.forKey(key(name), "must be 0 or a positive integer", v);
    }
    return v;
  }

  public double fraction(String name) {
    double v = read(name, () -> config.getDouble(name), "a number");
    if (!(v >= 0 && v <= 1)) {
      throw InvalidSettingException.forKey(key(name), "must be a number between 0 and 1", v);
    }
    return v;
  }

  /** A number in [0, 1): a probability or a clip range that must leave something of what it scales. */
  public double fractionBelowOne(String name) {
    double v = read(name, () -> config.getDouble(name), "a number");
    if (!(v >= 0 && v < 1)) {
      throw InvalidSettingException.forKey(key(name), "must be at least 0 and below 1", v);
    }
    return v;
  }

  public double nonNegativeNumber(String name) {
    double v = read(name, () -> config.getDouble(name), "a number");
    if (!(v >= 0 && Double.isFinite(v))) {
      throw InvalidSettingException.forKey(key(name), "must be 0 or a positive number", v);
    }
    return v;
  }

  public double number(String name) {
    return read(name, () -> config.getDouble(name), "a number");
  }

  public double positiveNumber(String name) {
    double v = read(name, () -> config.getDouble(name), "a number");
    if (!(v > 0 && Double.isFinite(v))) {
      throw InvalidSettingException.forKey(key(name), "must be a positive number", v);
    }
    return v;
  }

  public long anyLong(String name) {
    return read(name, () -> config.getLong(name), "an integer");
  }

  public boolean flag(String name) {
    return read(name, () -> config.getBoolean(name), "true or false");
  }

  public String text(String name) {
    return read(name, () -> config.getString(name), "a string");
  }

  /** A non-empty list of non-empty strings. */
  public List<String> textList(String name) {
    List<String> v = read(name, () -> config.getStringList(name), "a list of strings");
    if (v.isEmpty() || v.stream().anyMatch(String::isBlank)) {
      throw InvalidSettingException.forKey(key(name), "must be a non-empty list of names", config.getValue(name).render());
    }
    return v;
  }

  /** A positive duration ("30s", "5m"). */
  public Duration positiveDuration(String name) {
    Duration d = read(name, () -> config.getDuration(name), "a duration such as 30s or 5m");
    if (d.isNegative() || d.isZero()) {
      throw InvalidSettingException.forKey(key(name), "must be a positive duration such as 30s or 5m", d);
    }
    return d;
  }

  /** A duration that may be 0 (meaning "no limit" where the key's comment says so). */
  public Duration nonNegativeDuration(String name) {
    Duration d = read(name, () -> config.getDuration(name), "a duration such as 30s or 5m");
    if (d.isNegative()) {
      throw InvalidSettingException.forKey(key(name), "must be 0 or a positive duration", d);
    }
    return d;
  }

  /** One of {@code allowed}, exactly as written there. */
  public String oneOf(String name, List<String> allowed) {
    String v = text(name);
    if (!allowed.contains(v)) {
      throw InvalidSettingException.forKey(key(name), "must be one of " + String.join(" | ", allowed), "'" + v + "'");
    }
    return v;
  }

  private interface Read<T> {
    T get();
  }

  private <T> T read(String name, Read<T> read, String expected) {
    try {
      return read.get();
    } catch (ConfigException.Missing e) {
      throw new InvalidSettingException(key(name) + ": missing, expected " + expected);
    } catch (ConfigException e) {
      String got = config.hasPath(name) ? config.getValue(name).render() : "nothing";
      throw InvalidSettingException.forKey(key(name), "must be " + expected, got);
    }
  }
}
