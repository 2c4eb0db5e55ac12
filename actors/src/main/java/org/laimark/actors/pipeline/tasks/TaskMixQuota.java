package org.laimark.actors.pipeline.tasks;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.laimark.config.TaskMixSettings;
import org.laimark.data.TaskType;

/**
 * Keeps the training mix of task types inside configured caps. A type is admitted only while one
 * more of it keeps its count within {@code ceil(cap * (total + 1))}: the first item of any enabled
 * type is admitted, and a type is never more than one item above its cap. When choosing among
 * candidates the admitted type furthest below its target share goes first. The study's R1
 * curriculum, 84% abduction, fell below the base model: this is the guard against that drift.
 *
 * <p>Owned by one actor (the trainer); not thread-safe. The counts are what was trained, so a
 * resumed run restores them with {@link #TaskMixQuota(Map, Map, Map)}.
 */
public final class TaskMixQuota {

  private final Map<TaskType, Double> targets;
  private final Map<TaskType, Double> caps;
  private final EnumMap<TaskType, Long> counts = new EnumMap<>(TaskType.class);
  private long total;

  /** What {@link #select} took and what it left for later. */
  public record Selection<T>(List<T> chosen, List<T> deferred) {}

  public TaskMixQuota(
      Map<TaskType, Double> targets, Map<TaskType, Double> caps, Map<TaskType, Long> trained) {
    this.targets = Map.copyOf(targets);
    this.caps = Map.copyOf(caps);
    for (TaskType type : TaskType.values()) {
      long n = trained.getOrDefault(type, 0L);
      counts.put(type, n);
      total += n;
    }
  }

  public TaskMixQuota(Map<TaskType, Double> targets, Map<TaskType, Double> caps) {
    this(targets, caps, Map.of());
  }

  /** A quota with the configured targets and caps and nothing trained yet. */
  public static TaskMixQuota of(TaskMixSettings settings) {
    return new TaskMixQuota(settings.shares(), settings.maxShares());
  }

  /** Whether training one more task of {@code type} keeps the mix inside its ceiling. */
  public boolean admits(TaskType type) {
    return admits(type, counts, total);
  }

  private boolean admits(TaskType type, Map<TaskType, Long> n, long sum) {
    double ceiling = caps.getOrDefault(type, 0.0);
    if (ceiling == 0) {
      return false;
    }
    // The epsilon keeps a product like 0.6 * 5 = 3.0000000000000004 from rounding up to 4.
    return n.get(type) + 1 <= Math.ceil(ceiling * (sum + 1) - 1e-9);
  }

  /** Counts one trained task of {@code type}. */
  public void record(TaskType type) {
    counts.merge(type, 1L, Long::sum);
    total++;
  }

  /**
   * Chooses up to {@code limit} candidates, each time from the admitted type furthest below its
   * target (the first candidate of that type, in the given order), as if each choice were trained.
   * Records nothing: call {@link #record} for what was actually trained.
   */
  public <T> Selection<T> select(List<T> candidates, Function<T, TaskType> typeOf, int limit) {
    EnumMap<TaskType, Long> n = new EnumMap<>(counts);
    long sum = total;
    List<T> remaining = new ArrayList<>(candidates);
    List<T> chosen = new ArrayList<>();
    while (chosen.size() < limit) {
      TaskType best = null;
      double bestDeficit = Double.NEGATIVE_INFINITY;
      for (T candidate : remaining) {
        TaskType type = typeOf.apply(candidate);
        double deficit = targets.getOrDefault(type, 0.0) * (sum + 1) - n.get(type);
        if (admits(type, n, sum) && deficit > bestDeficit) {
          best = type;
          bestDeficit = deficit;
        }
      }
      if (best == null) {
        break;
      }
      TaskType pick = best;
      T candidate =
          remaining.stream().filter(c -> typeOf.apply(c) == pick).findFirst().orElseThrow();
      remaining.remove(candidate);
      chosen.add(candidate);
      n.merge(pick, 1L, Long::sum);
      sum++;
    }
    return new Selection<>(chosen, remaining);
  }

  /** Trained counts per type, all three types present. */
  public Map<TaskType, Long> counts() {
    return Map.copyOf(counts);
  }

  public double share(TaskType type) {
    return total == 0 ? 0 : (double) counts.get(type) / total;
  }
}
