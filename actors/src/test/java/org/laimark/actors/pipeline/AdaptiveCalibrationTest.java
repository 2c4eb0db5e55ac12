package org.laimark.actors.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.laimark.actors.pipeline.calibration.CalibrationCost;
import org.laimark.actors.pipeline.tasks.TaskPrompts;
import org.laimark.config.CalibratorSettings;
import org.laimark.data.Problem;
import org.laimark.model.policy.SimulatedPolicy;

/** Adaptive K against fixed K, through the real actors, on a simulated study-like workload. */
class AdaptiveCalibrationTest {

  static final ActorTestKit testKit = ActorTestKit.create(TestSettings.config());
  static final int PROBLEMS = 150;

  @AfterAll
  static void shutdown() {
    testKit.shutdownTestKit();
  }

  /** Decision per problem id under the given settings, with the same policy draws each time. */
  private static Map<String, Calibrator.Calibrated> calibrateAll(
      CalibratorSettings settings, List<Problem> problems, List<Double> skills) {
    SimulatedPolicy.Builder policy =
        SimulatedPolicy.builder(17).answerSource(k -> TestProblems.answers());
    for (int i = 0; i < problems.size(); i++) {
      policy.taskSkill(problems.get(i).entryPoint(), skills.get(i));
    }
    ActorRef<ModelAccess.Command> model =
        testKit.spawn(ModelAccess.create(policy.build(), TestSettings.modelAccess()));
    ActorRef<Calibrator.Command> calibrator =
        testKit.spawn(
            Calibrator.create(
                settings,
                new TaskPrompts(TestSettings.tasks()),
                ScriptedSandbox.byMarkers(),
                model));
    TestProbe<Calibrator.CalibrationOutcome> asker = testKit.createTestProbe();
    problems.forEach(p -> calibrator.tell(new Calibrator.Calibrate(p, asker.getRef())));
    Map<String, Calibrator.Calibrated> out = new HashMap<>();
    for (Calibrator.CalibrationOutcome o :
        asker.receiveSeveralMessages(problems.size(), Duration.ofSeconds(60))) {
      out.put(o.problem().id(), (Calibrator.Calibrated) o);
    }
    return out;
  }

  @Test
  void adaptiveKSpendsFewerSamplesPerKeptProblemAndAgreesOnClearCases() {
    List<Double> skills = CalibrationCost.studyLikeWorkload(PROBLEMS, 23);
    List<Problem> problems = new ArrayList<>();
    for (int i = 0; i < PROBLEMS; i++) {
      problems.add(TestProblems.problem("w" + i));
    }

    Map<String, Calibrator.Calibrated> fixed =
        calibrateAll(
            TestSettings.calibrator("laimark.pipeline.calibrator.adaptive.enabled = false"),
            problems,
            skills);
    Map<String, Calibrator.Calibrated> adaptive =
        calibrateAll(TestSettings.calibrator(), problems, skills);

    long fixedSamples = 0;
    long adaptiveSamples = 0;
    int fixedKept = 0;
    int adaptiveKept = 0;
    int inWindow = 0;
    int fixedRight = 0;
    int adaptiveRight = 0;
    for (int i = 0; i < PROBLEMS; i++) {
      Calibrator.Calibrated f = fixed.get("w" + i);
      Calibrator.Calibrated a = adaptive.get("w" + i);
      fixedSamples += f.samples();
      adaptiveSamples += a.samples();
      fixedKept += f.kept() ? 1 : 0;
      adaptiveKept += a.kept() ? 1 : 0;
      if (skills.get(i) == 0 || skills.get(i) == 1) {
        assertEquals(f.decision(), a.decision(), "clear case w" + i);
        assertEquals(4, a.samples(), "a clearly outside problem stops after 4 samples");
      }
      if (a.kept() && !f.kept()) {
        // Provisional acceptance may keep what fixed K rejects, but only on mixed evidence.
        assertTrue(
            a.passes() > 0 && a.passes() < a.samples(), "kept early without mixed evidence: " + a);
      }
      boolean learnable = skills.get(i) >= 0.2 && skills.get(i) <= 0.8;
      inWindow += learnable ? 1 : 0;
      fixedRight += f.kept() && learnable ? 1 : 0;
      adaptiveRight += a.kept() && learnable ? 1 : 0;
    }
    double ratio = ((double) adaptiveSamples / adaptiveKept) / ((double) fixedSamples / fixedKept);
    System.out.printf(
        Locale.ROOT,
        "actor-level adaptive K on %d problems: fixed %d samples / %d kept, "
            + "adaptive %d samples / %d kept, samples per kept ratio %.3f; precision fixed %.3f"
            + " adaptive %.3f, recall fixed %.3f adaptive %.3f (%d truly in the window)%n",
        PROBLEMS,
        fixedSamples,
        fixedKept,
        adaptiveSamples,
        adaptiveKept,
        ratio,
        (double) fixedRight / fixedKept,
        (double) adaptiveRight / adaptiveKept,
        (double) fixedRight / inWindow,
        (double) adaptiveRight / inWindow,
        inWindow);
    assertEquals(8L * PROBLEMS, fixedSamples);
    assertTrue(ratio < 0.65, "ratio " + ratio);
  }
}
