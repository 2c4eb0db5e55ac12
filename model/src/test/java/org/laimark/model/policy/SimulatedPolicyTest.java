package org.laimark.model.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulatedPolicyTest {

  private static final String PROBLEM =
      "FUNCTION:\ndef add(a, b):\n    \"\"\"Add.\n    >>> add(1, 2)\n    3\n    \"\"\"\n\n"
          + "TESTS:\nassert add(1, 2) == 3\nassert add(0, 0) == 0\n\nSOLUTION:\ndef add(a, b):\n"
          + "    return a + b\n";

  private static GenerationRequest ask(String key, long seed) {
    return new GenerationRequest(
        List.of(ChatMessage.user("solve " + key)), new SamplingParams(0.7, 0.95, 0, 64, seed), key);
  }

  private static List<GenerationRequest> asks(String key, int n) {
    List<GenerationRequest> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(ask(key, i));
    }
    return out;
  }

  private static double rightShare(SimulatedPolicy policy, String key, int n) {
    return policy.generate(asks(key, n)).stream().filter(c -> c.text().equals("right")).count()
        / (double) n;
  }

  private static SimulatedPolicy.Builder rightOrWrong(long seed) {
    return SimulatedPolicy.builder(seed).answerSource(key -> SimulatedAnswers.of("right", "wrong"));
  }

  @Test
  void saysItIsSimulated() {
    SimulatedPolicy policy = SimulatedPolicy.builder(7).build();

    assertTrue(policy.simulated());
    assertTrue(policy.description().startsWith("SIMULATED"));
  }

  @Test
  void sameSeedGivesSameAnswersWhateverTheBatchOrder() {
    List<GenerationRequest> requests = asks("f", 50);
    List<GenerationRequest> shuffled = new ArrayList<>(requests);
    Collections.reverse(shuffled);

    List<String> first = texts(rightOrWrong(3).build().generate(requests));
    List<String> reversed = texts(rightOrWrong(3).build().generate(shuffled));
    Collections.reverse(reversed);

    assertEquals(first, reversed);
    assertNotEquals(first, texts(rightOrWrong(4).build().generate(requests)));
  }

  @Test
  void skillPerTaskAndPerTypeSetsTheShareOfRightAnswers() {
    SimulatedPolicy policy =
        rightOrWrong(1)
            .defaultSkill(0.5)
            .typeSkill("abduction", 0.1)
            .taskSkill("hard", 0.0)
            .taskSkill("easy", 1.0)
            .build();

    assertEquals(0.0, rightShare(policy, "hard", 200));
    assertEquals(1.0, rightShare(policy, "easy", 200));
    assertEquals(0.1, rightShare(policy, "abduction:f:3", 4000), 0.02);
    assertEquals(0.5, rightShare(policy, "other", 4000), 0.03);
  }

  @Test
  void greedyRequestsIgnoreTheSampleSeed() {
    SimulatedPolicy policy = rightOrWrong(5).build();
    SamplingParams greedy = SamplingParams.greedy(32);

    List<Completion> out =
        policy.generate(
            List.of(
                new GenerationRequest(List.of(), greedy.withSeed(1), "k"),
                new GenerationRequest(List.of(), greedy.withSeed(2), "k")));

    assertEquals(out.get(0).text(), out.get(1).text());
  }

  @Test
  void proposeKeysReturnTheSuppliedProblemTextsAndCorruptTheConfiguredShare() {
    SimulatedPolicy clean = SimulatedPolicy.builder(2).problemTexts(List.of(PROBLEM)).build();
    SimulatedPolicy noisy =
        SimulatedPolicy.builder(2).problemTexts(List.of(PROBLEM)).malformedFraction(0.3).build();

    List<String> cleanTexts = texts(clean.generate(asks("propose:math/easy", 20)));
    long corrupted =
        noisy.generate(asks("propose:math/easy", 2000)).stream()
            .filter(c -> !c.text().equals(PROBLEM))
            .count();

    assertTrue(cleanTexts.stream().allMatch(PROBLEM::equals));
    assertEquals(0.3, corrupted / 2000.0, 0.04);
  }

  @Test
  void trainingRaisesSkillOnlyWhereTheGroupHadALearningSignal() {
    SimulatedPolicy policy = rightOrWrong(9).defaultSkill(0.5).trainGain(0.2).build();
    List<Completion> mixed = policy.generate(asks("mixed", 2));
    List<Completion> flat = policy.generate(asks("flat", 2));

    TrainingMetrics metrics =
        policy.train(
            List.of(
                new RolloutGroup(mixed, new double[] {1, 0}),
                new RolloutGroup(flat, new double[] {1, 1})));

    assertEquals(0.7, policy.skill("mixed"), 1e-9);
    assertEquals(0.5, policy.skill("flat"), 1e-9);
    assertEquals(1, policy.version());
    assertEquals(1, metrics.newPolicyVersion());
    assertEquals(0.5, metrics.nonDegenerateGroupFraction(), 1e-9);
    assertEquals(0.75, metrics.meanReward(), 1e-9);
  }

  @Test
  void aStepWithoutLearningSignalKeepsTheVersion() {
    SimulatedPolicy policy = rightOrWrong(9).build();
    List<Completion> flat = policy.generate(asks("flat", 2));

    policy.train(List.of(new RolloutGroup(flat, new double[] {0, 0})));

    assertEquals(0, policy.version());
  }

  @Test
  void trainingOnlyTurnsWrongSamplesIntoRightOnes() {
    SimulatedPolicy policy = rightOrWrong(11).defaultSkill(0.3).trainGain(0.3).build();
    List<String> before = texts(policy.generate(asks("t", 300)));

    policy.train(List.of(new RolloutGroup(policy.generate(asks("t", 2)), new double[] {0, 1})));
    List<String> after = texts(policy.generate(asks("t", 300)));

    for (int i = 0; i < before.size(); i++) {
      assertTrue(!before.get(i).equals("right") || after.get(i).equals("right"), "sample " + i);
    }
    assertTrue(
        after.stream().filter("right"::equals).count()
            > before.stream().filter("right"::equals).count());
  }

  @Test
  void transferGainMovesTheWholeTaskType(@TempDir Path dir) {
    SimulatedPolicy policy = rightOrWrong(1).defaultSkill(0.5).transferGain(-0.1).build();

    policy.train(List.of(new RolloutGroup(policy.generate(asks("a", 2)), new double[] {1, 0})));

    assertEquals(0.4, policy.skill("held-out"), 1e-9);
    assertEquals(0.5, policy.skill("deduction:x"), 1e-9);
  }

  @Test
  void restoreBringsBackVersionAndTrainedSkill(@TempDir Path dir) {
    SimulatedPolicy trained = rightOrWrong(1).trainGain(0.25).build();
    trained.train(List.of(new RolloutGroup(trained.generate(asks("k", 2)), new double[] {1, 0})));

    trained.save(dir);
    SimulatedPolicy fresh = rightOrWrong(1).trainGain(0.25).build();
    fresh.restore(dir);

    assertEquals(1, fresh.version());
    assertEquals(0.75, fresh.skill("k"), 1e-9);
  }

  @Test
  void countsRequestsForTasksItHasNoAnswersFor() {
    SimulatedPolicy policy = SimulatedPolicy.builder(1).build();

    Completion c = policy.generate(List.of(ask("unknown", 1))).get(0);

    assertEquals("", c.text());
    assertEquals(1, policy.unansweredRequests());
  }

  @Test
  void promptIdsSpellTheTaskKeyAndLatencyDelaysEachCall() {
    SimulatedPolicy policy = rightOrWrong(1).latency(Duration.ofMillis(30)).build();

    long start = System.nanoTime();
    Completion c = policy.generate(List.of(ask("f", 1))).get(0);
    long tookMillis = (System.nanoTime() - start) / 1_000_000;

    assertEquals("f", new String(c.promptIds(), 0, c.promptIds().length));
    assertTrue(tookMillis >= 30, "took " + tookMillis + " ms");
  }

  private static List<String> texts(List<Completion> completions) {
    List<String> out = new ArrayList<>();
    completions.forEach(c -> out.add(c.text()));
    return out;
  }
}
