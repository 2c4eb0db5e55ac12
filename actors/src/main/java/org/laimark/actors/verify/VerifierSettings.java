package org.laimark.actors.verify;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * How thoroughly problems are verified.
 *
 * @param referenceWorlds the worlds the reference runs in; the first is the base world
 * @param trivialWorlds the worlds every trivial solution runs in (cheap ones: a constant function
 *     whose verdict depends on the hash seed is rare, and the reference's runs already cover hash
 *     order)
 * @param cpuLimit CPU time per execution, or {@code null} for the sandbox's configured default
 * @param answerDeadline how long to wait for one verdict before counting it an infrastructure error
 *     (a backstop for a lost reply: the sandbox's own watchdog answers long before)
 */
public record VerifierSettings(
    List<World> referenceWorlds,
    List<World> trivialWorlds,
    Duration cpuLimit,
    Duration answerDeadline) {

  /**
   * Clock worlds of 1..6 days (every weekday) and +12 h, plus hash seeds 1 and 2 for the reference.
   */
  public static final VerifierSettings DEFAULTS = standard(6);

  public VerifierSettings {
    if (referenceWorlds == null || referenceWorlds.isEmpty()) {
      throw new IllegalArgumentException("referenceWorlds must hold at least the base world");
    }
    if (trivialWorlds == null || trivialWorlds.isEmpty()) {
      throw new IllegalArgumentException("trivialWorlds must hold at least the base world");
    }
    referenceWorlds = List.copyOf(referenceWorlds);
    trivialWorlds = List.copyOf(trivialWorlds);
    if (answerDeadline == null || answerDeadline.isNegative() || answerDeadline.isZero()) {
      throw new IllegalArgumentException("answerDeadline must be positive, got " + answerDeadline);
    }
  }

  /**
   * The standard worlds with clock shifts of 1..{@code days} days, sandbox CPU default, 10 min
   * deadline.
   */
  public static VerifierSettings standard(int days) {
    List<World> reference = new ArrayList<>(World.clockShifts(days));
    reference.addAll(World.hashSeeds(1, 2));
    return new VerifierSettings(reference, World.clockShifts(days), null, Duration.ofMinutes(10));
  }

  /**
   * Sandbox runs for a problem whose reference passes: every world of both lists, 7 trivial
   * solutions.
   */
  public int fullRuns() {
    return referenceWorlds.size() + trivialWorlds.size() * TrivialSolution.values().length;
  }
}
