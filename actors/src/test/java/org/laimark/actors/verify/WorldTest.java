package org.laimark.actors.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WorldTest {

  @Test
  void clockWorldsSeeEveryWeekdayWithTheWorkersOwnHashSeed() {
    List<World> worlds = World.clockShifts(6);

    Set<Long> weekdayOffsets = new HashSet<>();
    worlds.forEach(w -> weekdayOffsets.add(w.clockShift().toDays() % 7));

    assertEquals(8, worlds.size());
    assertEquals(Set.of(0L, 1L, 2L, 3L, 4L, 5L, 6L), weekdayOffsets);
    assertEquals(Set.of(0), Set.copyOf(worlds.stream().map(World::hashSeed).toList()));
    assertEquals(new World("base", 0, Duration.ZERO), worlds.get(0));
    assertEquals(new World("clock+12h", 0, Duration.ofHours(12)), worlds.get(1));
  }

  @Test
  void theDefaultsRunTheReferenceUnderTwoMoreHashSeedsAndTrivialSolutionsInClockWorldsOnly() {
    VerifierSettings settings = VerifierSettings.DEFAULTS;

    assertEquals(
        List.of(new World("hash=1", 1, Duration.ZERO), new World("hash=2", 2, Duration.ZERO)),
        settings.referenceWorlds().subList(8, 10));
    assertEquals(World.clockShifts(6), settings.trivialWorlds());
    assertEquals(10 + 8 * 7, settings.fullRuns());
  }

  @Test
  void trivialSolutionsAreFunctionsOfTheEntryPointsName() {
    assertEquals(
        "def f(*args, **kwargs):\n    return args[0] if args else None\n",
        TrivialSolution.RETURNS_FIRST_ARGUMENT.source("f"));
    assertEquals(7, TrivialSolution.values().length);
  }
}
