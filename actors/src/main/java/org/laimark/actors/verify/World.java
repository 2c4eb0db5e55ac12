package org.laimark.actors.verify;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.laimark.data.ExecutionOptions;

/**
 * One set of outside conditions a test suite runs under: a Python hash seed and a wall clock moved
 * by some time. Deterministic tests give the same verdict in every world.
 *
 * @param name short label for reports, e.g. {@code clock+3d} or {@code hash=1}
 */
public record World(String name, int hashSeed, Duration clockShift) {

  public World {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("world name must not be blank");
    }
    if (hashSeed < 0) {
      throw new IllegalArgumentException("hash seed must not be negative, got " + hashSeed);
    }
    if (clockShift == null) {
      throw new IllegalArgumentException("clock shift must not be null");
    }
  }

  /**
   * Clock worlds: the base world (real clock), {@code +12h} (time-of-day dependence) and {@code
   * +1d} … {@code +days d} (with 6, every weekday is seen), all with hash seed 0 — the workers' own
   * seed, so these runs are cheap.
   */
  public static List<World> clockShifts(int days) {
    if (days < 0) {
      throw new IllegalArgumentException("days must not be negative, got " + days);
    }
    List<World> worlds = new ArrayList<>();
    worlds.add(new World("base", 0, Duration.ZERO));
    worlds.add(new World("clock+12h", 0, Duration.ofHours(12)));
    for (int d = 1; d <= days; d++) {
      worlds.add(new World("clock+" + d + "d", 0, Duration.ofDays(d)));
    }
    return List.copyOf(worlds);
  }

  /**
   * Hash worlds: the real clock with another PYTHONHASHSEED each, so string/bytes hash-order
   * dependence (set and dict-of-set iteration order) shows up. A seed other than the workers' costs
   * a fresh interpreter per run, several times a plain run, so these are few.
   */
  public static List<World> hashSeeds(int... seeds) {
    List<World> worlds = new ArrayList<>();
    for (int seed : seeds) {
      worlds.add(new World("hash=" + seed, seed, Duration.ZERO));
    }
    return List.copyOf(worlds);
  }

  public ExecutionOptions options(Duration cpuLimit) {
    return new ExecutionOptions(cpuLimit, hashSeed, clockShift);
  }
}
