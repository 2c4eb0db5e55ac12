package org.laimark.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Settings of the sandbox ({@code laimark.sandbox} in {@code laimark/sandbox.conf}, where every
 * key's unit and default are explained). Validated on construction; errors name the key.
 *
 * @param isolation how model-written code is confined
 * @param bubblewrap absolute path of bwrap
 * @param python absolute path of the interpreter that runs jobs
 * @param seccomp whether workers install the seccomp filter
 * @param seccompModuleDir directory holding python3-seccomp's module
 * @param preloadModules standard modules each worker imports once
 * @param limits limits of one execution
 * @param pool pool size, supervision and queueing
 */
public record SandboxSettings(
    Isolation isolation,
    Path bubblewrap,
    Path python,
    boolean seccomp,
    Path seccompModuleDir,
    List<String> preloadModules,
    Limits limits,
    Pool pool) {

  private static final String ROOT = "laimark.sandbox.";

  /** How model-written code is confined. */
  public enum Isolation {
    /** Workers inside bubblewrap, each job under its own uid. */
    BUBBLEWRAP,
    /** No isolation at all: explicit opt-in, warned about on every run. */
    NONE
  }

  public SandboxSettings {
    require(isolation != null, "isolation", "must be bubblewrap or none", isolation);
    requireAbsolute("bubblewrap", bubblewrap);
    requireAbsolute("python", python);
    requireAbsolute("seccomp-module-dir", seccompModuleDir);
    preloadModules = List.copyOf(preloadModules);
    for (String module : preloadModules) {
      require(
          module.matches("[A-Za-z_][A-Za-z0-9_.]*"),
          "preload-modules",
          "must hold module names",
          module);
    }
    require(limits != null && pool != null, "limits", "must be present", limits);
  }

  /** Limits of one execution; see {@code laimark.sandbox.limits}. */
  public record Limits(
      Duration cpu,
      Duration wall,
      Duration watchdogGrace,
      long memoryBytes,
      int processes,
      long fileSizeBytes,
      long tmpfsBytes,
      int openFiles,
      int outputBytes,
      int resultBytes,
      Duration helperWall) {

    public Limits {
      requirePositive("limits.cpu", cpu);
      requirePositive("limits.wall", wall);
      requirePositive("limits.watchdog-grace", watchdogGrace);
      requirePositive("limits.helper-wall", helperWall);
      require(memoryBytes >= 64L << 20, "limits.memory", "must be at least 64MiB", memoryBytes);
      require(processes >= 1, "limits.processes", "must be at least 1", processes);
      require(fileSizeBytes >= 1, "limits.file-size", "must be positive", fileSizeBytes);
      require(tmpfsBytes >= 1 << 20, "limits.tmpfs", "must be at least 1MiB", tmpfsBytes);
      require(openFiles >= 8, "limits.open-files", "must be at least 8", openFiles);
      require(outputBytes >= 1, "limits.output", "must be positive", outputBytes);
      require(resultBytes >= 1024, "limits.result", "must be at least 1KiB", resultBytes);
    }

    /** CPU seconds as RLIMIT_CPU counts them (whole seconds, rounded up). */
    public long cpuSeconds() {
      return Math.max(1, (cpu.toMillis() + 999) / 1000);
    }
  }

  /** Pool size, supervision and queueing; see {@code laimark.sandbox.pool}. */
  public record Pool(
      int workers,
      int firstUid,
      int hashSeed,
      int queueCapacity,
      int recycleAfterJobs,
      Duration idlePingAfter,
      Duration restartMinBackoff,
      Duration restartMaxBackoff,
      Duration restartResetAfter,
      int restartWarnPerMinute,
      Duration startTimeout,
      Duration askTimeout,
      int splitCacheEntries) {

    public Pool {
      require(workers >= 1, "pool.workers", "must be positive or auto", workers);
      require(
          firstUid >= 1000 && firstUid <= Integer.MAX_VALUE - workers,
          "pool.first-uid",
          "must be a uid of no real user, at least 1000",
          firstUid);
      require(hashSeed >= 0, "pool.hash-seed", "must be between 0 and 4294967295", hashSeed);
      require(queueCapacity >= 1, "pool.queue-capacity", "must be positive", queueCapacity);
      require(
          recycleAfterJobs >= 1, "pool.recycle-after-jobs", "must be positive", recycleAfterJobs);
      requirePositive("pool.idle-ping-after", idlePingAfter);
      requirePositive("pool.restart-min-backoff", restartMinBackoff);
      require(
          restartMaxBackoff != null && restartMaxBackoff.compareTo(restartMinBackoff) >= 0,
          "pool.restart-max-backoff",
          "must be at least restart-min-backoff",
          restartMaxBackoff);
      requirePositive("pool.restart-reset-after", restartResetAfter);
      require(
          restartWarnPerMinute >= 1,
          "pool.restart-warn-per-minute",
          "must be positive",
          restartWarnPerMinute);
      requirePositive("pool.start-timeout", startTimeout);
      requirePositive("pool.ask-timeout", askTimeout);
      require(
          splitCacheEntries >= 1,
          "pool.split-cache-entries",
          "must be positive",
          splitCacheEntries);
    }
  }

  /** Reads {@code laimark.sandbox} from a resolved configuration (defaults included). */
  public static SandboxSettings fromConfig(Config config) {
    Config c = read(config, "", k -> config.getConfig("laimark.sandbox"));
    Config l = read(c, "limits", c::getConfig);
    Config p = read(c, "pool", c::getConfig);
    Limits limits =
        new Limits(
            read(l, "limits.cpu", k -> l.getDuration("cpu")),
            read(l, "limits.wall", k -> l.getDuration("wall")),
            read(l, "limits.watchdog-grace", k -> l.getDuration("watchdog-grace")),
            read(l, "limits.memory", k -> l.getBytes("memory")),
            read(l, "limits.processes", k -> l.getInt("processes")),
            read(l, "limits.file-size", k -> l.getBytes("file-size")),
            read(l, "limits.tmpfs", k -> l.getBytes("tmpfs")),
            read(l, "limits.open-files", k -> l.getInt("open-files")),
            read(l, "limits.output", k -> intBytes(l, "limits.output", "output")),
            read(l, "limits.result", k -> intBytes(l, "limits.result", "result")),
            read(l, "limits.helper-wall", k -> l.getDuration("helper-wall")));
    Pool pool =
        new Pool(
            read(p, "pool.workers", k -> workers(p.getString("workers"))),
            read(p, "pool.first-uid", k -> p.getInt("first-uid")),
            read(p, "pool.hash-seed", k -> p.getInt("hash-seed")),
            read(p, "pool.queue-capacity", k -> p.getInt("queue-capacity")),
            read(p, "pool.recycle-after-jobs", k -> p.getInt("recycle-after-jobs")),
            read(p, "pool.idle-ping-after", k -> p.getDuration("idle-ping-after")),
            read(p, "pool.restart-min-backoff", k -> p.getDuration("restart-min-backoff")),
            read(p, "pool.restart-max-backoff", k -> p.getDuration("restart-max-backoff")),
            read(p, "pool.restart-reset-after", k -> p.getDuration("restart-reset-after")),
            read(p, "pool.restart-warn-per-minute", k -> p.getInt("restart-warn-per-minute")),
            read(p, "pool.start-timeout", k -> p.getDuration("start-timeout")),
            read(p, "pool.ask-timeout", k -> p.getDuration("ask-timeout")),
            read(p, "pool.split-cache-entries", k -> p.getInt("split-cache-entries")));
    return new SandboxSettings(
        read(c, "isolation", k -> isolation(c.getString("isolation"))),
        read(c, "bubblewrap", k -> Path.of(c.getString("bubblewrap"))),
        read(c, "python", k -> Path.of(c.getString("python"))),
        read(c, "seccomp", k -> c.getBoolean("seccomp")),
        read(c, "seccomp-module-dir", k -> Path.of(c.getString("seccomp-module-dir"))),
        read(c, "preload-modules", k -> c.getStringList("preload-modules")),
        limits,
        pool);
  }

  private static <T> T read(Config c, String key, Function<String, T> getter) {
    try {
      return getter.apply(key);
    } catch (ConfigException.Missing e) {
      throw new InvalidSettingException(ROOT + key + ": missing (see laimark/sandbox.conf)");
    } catch (ConfigException e) {
      throw new InvalidSettingException(ROOT + key + ": " + e.getMessage());
    }
  }

  private static int intBytes(Config c, String key, String path) {
    long bytes = c.getBytes(path);
    require(bytes <= Integer.MAX_VALUE, key, "must be below 2GiB", bytes);
    return (int) bytes;
  }

  private static int workers(String value) {
    if (value.equals("auto")) {
      return Runtime.getRuntime().availableProcessors() + 1;
    }
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw InvalidSettingException.forKey(
          ROOT + "pool.workers", "must be a number or auto", value);
    }
  }

  private static Isolation isolation(String value) {
    try {
      return Isolation.valueOf(value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw InvalidSettingException.forKey(ROOT + "isolation", "must be bubblewrap or none", value);
    }
  }

  private static void require(boolean ok, String key, String expected, Object got) {
    if (!ok) {
      throw InvalidSettingException.forKey(ROOT + key, expected, got);
    }
  }

  private static void requirePositive(String key, Duration d) {
    require(d != null && !d.isNegative() && !d.isZero(), key, "must be a positive duration", d);
  }

  private static void requireAbsolute(String key, Path path) {
    require(path != null && path.isAbsolute(), key, "must be an absolute path", path);
  }
}
