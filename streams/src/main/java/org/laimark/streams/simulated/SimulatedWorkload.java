package org.laimark.streams.simulated;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Executors;
import org.laimark.actors.sandbox.Sandbox;
import org.laimark.config.SimulatedSettings;
import org.laimark.data.Problem;
import org.laimark.data.domain.DomainGenerator;
import org.laimark.data.domain.DomainProblem;
import org.laimark.data.domain.TestCase;
import org.laimark.model.policy.Policy;
import org.laimark.model.policy.SimulatedAnswers;
import org.laimark.model.policy.SimulatedPolicy;

/**
 * A SIMULATED workload: real problems from the procedural domain, a {@link SimulatedPolicy} that "writes"
 * them in the study's FUNCTION/TESTS/SOLUTION format (some with a wrong reference, some malformed) and
 * answers them right with a per-problem skill, and a {@link SimulatedSandbox} that judges answers against
 * the known references. Deterministic for its seed. Nothing here is a model; reports say SIMULATED.
 */
public final class SimulatedWorkload {

  /** A wrong answer; the simulated sandbox fails it, and so would Python (it returns the wrong thing). */
  static final String WRONG_BODY = "    return None  # SIMULATED wrong answer\n";

  private final SimulatedSettings settings;
  private final SimulatedCosts costs;
  private final Map<String, DomainProblem> byEntryPoint = new HashMap<>();
  private final List<String> problemTexts = new ArrayList<>();
  private final List<Problem> heldOut = new ArrayList<>();
  private static final int HELD_OUT = 40;

  public SimulatedWorkload(SimulatedSettings settings, SimulatedCosts costs) {
    this.settings = settings;
    this.costs = costs;
    Random rng = new Random(settings.seed());
    DomainGenerator generator = new DomainGenerator(rng);
    for (int i = 0; i < settings.problems(); i++) {
      DomainProblem p = generator.generate(1 + rng.nextInt(3), c -> true);
      byEntryPoint.putIfAbsent(p.entryPoint(), p);
      boolean broken = rng.nextDouble() < settings.brokenReferenceFraction();
      problemTexts.add(text(p, broken));
    }
    // Held-out problems the policy never writes: distinct entry points, answered under "heldout:ID" keys.
    DomainGenerator heldOutGenerator = new DomainGenerator(new Random(~settings.seed()));
    for (int i = 0; heldOut.size() < HELD_OUT && i < 50 * HELD_OUT; i++) {
      DomainProblem p = heldOutGenerator.generate(1 + i % 3, c -> true);
      if (byEntryPoint.putIfAbsent(p.entryPoint(), p) == null) {
        heldOut.add(p.toProblem(p.entryPoint()));
      }
    }
  }

  /** Held-out problems for the SIMULATED evaluation; their ids are their entry points. */
  public List<Problem> heldOutProblems() {
    return List.copyOf(heldOut);
  }

  static String text(DomainProblem p, boolean brokenReference) {
    String solution = brokenReference ? p.stub() + WRONG_BODY : p.solution();
    return "FUNCTION:\n" + p.stub() + "\nTESTS:\n" + p.tests() + "\n\nSOLUTION:\n" + solution;
  }

  /**
   * The SIMULATED policy, behind the SIMULATED cost model ({@link CostedPolicy}): a problem's skill is 1
   * for a {@code solved-always-fraction} share, 0 for a {@code solved-never-fraction} share, otherwise
   * uniform in [skill-min, skill-max]; fixed by the seed.
   */
  public Policy policy() {
    SimulatedPolicy.Builder b = SimulatedPolicy.builder(settings.seed())
        .problemTexts(problemTexts)
        .malformedFraction(settings.malformedFraction())
        .trainGain(settings.trainGain())
        .latency(Duration.ZERO) // paid by CostedPolicy, per call and per sequence
        .defaultSkill(DEFAULT_SKILL)
        // A little transfer: training on domain problems lifts the held-out score slowly.
        .transferGain(TRANSFER_GAIN)
        .answerSource(this::answers);
    initialSkills().forEach(b::taskSkill);
    return new CostedPolicy(b.build(), settings.policyLatency(), costs.perSequence());
  }

  /** Skill of a task without a skill of its own (the derived deduction and abduction tasks). */
  static final double DEFAULT_SKILL = 0.5;
  /** Skill training adds to every task of a type per trained group of that type with a signal. */
  static final double TRANSFER_GAIN = 0.002;

  /**
   * The skill of every induction task (by entry point) before any training, as {@link #policy()} sets
   * it: the true pass rate the benchmark scores calibration decisions against.
   */
  public Map<String, Double> initialSkills() {
    Random rng = new Random(settings.seed() ^ 0x5DEECE66DL);
    Map<String, Double> skills = new java.util.TreeMap<>();
    byEntryPoint.keySet().stream().sorted().forEach(key -> skills.put(key, skill(rng)));
    return skills;
  }

  /** What the true pass rates of this workload's tasks are at each policy version (see {@link TrueSkills}). */
  public TrueSkills trueSkills() {
    return new TrueSkills(initialSkills(), DEFAULT_SKILL, settings.trainGain(), TRANSFER_GAIN);
  }

  private double skill(Random rng) {
    // Without a mix, one draw per problem, as before the mix existed (same seed, same skills).
    double u = costs.solvedAlways() + costs.solvedNever() > 0 ? rng.nextDouble() : 1.0;
    double uniform = settings.skillMin() + rng.nextDouble() * (settings.skillMax() - settings.skillMin());
    return u < costs.solvedAlways() ? 1.0 : u < costs.solvedAlways() + costs.solvedNever() ? 0.0 : uniform;
  }

  /** The SIMULATED sandbox, {@code sandbox-workers} jobs at a time, each taking {@code sandbox-latency}. */
  public Sandbox sandbox() {
    return new SimulatedSandbox(byEntryPoint, settings.sandboxLatency(),
        Executors.newFixedThreadPool(settings.sandboxWorkers(), r -> {
          Thread t = new Thread(r, "simulated-sandbox");
          t.setDaemon(true);
          return t;
        }));
  }

  /** Right and wrong answers for a task key (induction: the entry point; deduction/abduction keys). */
  SimulatedAnswers answers(String key) {
    if (key.startsWith("heldout:")) {
      DomainProblem p = byEntryPoint.get(key.substring("heldout:".length()));
      return p == null ? SimulatedAnswers.NONE : SimulatedAnswers.of(p.body(), WRONG_BODY);
    }
    String[] parts = key.split(":", 3);
    if (parts.length == 3 && (parts[0].equals("deduction") || parts[0].equals("abduction"))) {
      DomainProblem p = byEntryPoint.get(parts[1]);
      if (p == null) {
        return SimulatedAnswers.NONE;
      }
      for (TestCase c : p.cases()) {
        if (parts[0].equals("deduction") && Literals.same(c.argument(), parts[2])) {
          return SimulatedAnswers.of(c.expectedLiteral(), "'SIMULATED wrong answer'");
        }
        if (parts[0].equals("abduction") && Literals.same(c.expectedLiteral(), parts[2])) {
          return SimulatedAnswers.of(c.argument(), "'SIMULATED wrong answer'");
        }
      }
      return SimulatedAnswers.NONE;
    }
    DomainProblem p = byEntryPoint.get(key);
    return p == null ? SimulatedAnswers.NONE : SimulatedAnswers.of(p.body(), WRONG_BODY);
  }

  public int distinctProblems() {
    return byEntryPoint.size();
  }
}
