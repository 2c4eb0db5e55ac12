package org.laimark.streams;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.stream.KillSwitches;
import org.apache.pekko.stream.javadsl.Sink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.laimark.actors.pipeline.Trainer;

/**
 * Replay rounds over the SIMULATED workload, with the trainer replaced by a probe: when fresh problems come
 * slower than {@code stream.replay-after}, the graph still starts rounds, made only of problems the bank
 * already holds; with replay off, every round carries at least one fresh problem.
 */
class ReplayRoundsTest {

  @TempDir Path dir;

  @Test
  void withReplayASlowSourceStillGetsRoundsMadeOfBankProblemsOnly() {
    List<Trainer.TrainRound> rounds = roundsUntilReplayOrDeadline("200ms", Duration.ofSeconds(40));
    Trainer.TrainRound last = rounds.get(rounds.size() - 1);
    assertTrue(allSeenBefore(rounds, rounds.size() - 1),
        "no round made only of banked problems in " + rounds.size() + " rounds");
    assertFalse(last.problems().isEmpty(), "a replay round with nothing in it reached the trainer");
  }

  @Test
  void withoutReplayEveryRoundCarriesAFreshProblem() {
    List<Trainer.TrainRound> rounds = roundsUntilReplayOrDeadline("0s", Duration.ofSeconds(15));
    assertTrue(rounds.size() >= 2, "too few rounds to judge: " + rounds.size());
    for (int i = 0; i < rounds.size(); i++) {
      assertFalse(allSeenBefore(rounds, i), "round " + i + " had no fresh problem with replay off");
    }
  }

  /**
   * Answers every round at once (as failed, so nothing is journaled as trained and the bank keeps offering
   * the same problems) and collects them until one holds only problems offered before, or the deadline.
   */
  private List<Trainer.TrainRound> roundsUntilReplayOrDeadline(String replayAfter, Duration deadline) {
    try (SimulatedRunFixture f = new SimulatedRunFixture(dir.resolve("run-" + replayAfter), Map.of(
        "laimark.pipeline.stream.replay-after", replayAfter,
        "laimark.pipeline.stream.round-size", 2,
        "laimark.pipeline.stream.round-max-wait", "100ms",
        // Slow enough that gaps between accepted problems exceed replay-after.
        "laimark.pipeline.simulated.policy-latency", "300ms",
        "laimark.pipeline.evaluation.every-rounds", 0,
        "laimark.pipeline.evaluation.at-start", false))) {
      TestProbe<Trainer.Command> trainer = TestProbe.create(f.system);
      var running = CurriculumGraph.build(f.wiringWithTrainer(trainer.getRef()),
          KillSwitches.shared("test"), Sink.ignore()).run(f.system);
      List<Trainer.TrainRound> rounds = new java.util.ArrayList<>();
      long end = System.nanoTime() + deadline.toNanos();
      while (System.nanoTime() < end) {
        Trainer.TrainRound round;
        try {
          round = trainer.expectMessageClass(Trainer.TrainRound.class, Duration.ofSeconds(10));
        } catch (AssertionError noRound) {
          break;
        }
        rounds.add(round);
        round.replyTo().tell(new Trainer.RoundFailed(round.round(), "answered by the test"));
        if (allSeenBefore(rounds, rounds.size() - 1)) {
          break;
        }
      }
      running.first().shutdown();
      if (rounds.isEmpty()) {
        fail("no round within " + deadline);
      }
      return rounds;
    }
  }

  private static boolean allSeenBefore(List<Trainer.TrainRound> rounds, int index) {
    Set<String> seen = new HashSet<>();
    rounds.subList(0, index).forEach(r -> seen.addAll(ids(r)));
    return !ids(rounds.get(index)).isEmpty() && seen.containsAll(ids(rounds.get(index)));
  }

  private static Set<String> ids(Trainer.TrainRound round) {
    return round.problems().stream().map(Trainer.RoundProblem::problemId).collect(Collectors.toSet());
  }
}
