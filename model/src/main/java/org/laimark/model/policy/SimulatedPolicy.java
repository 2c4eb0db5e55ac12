package org.laimark.model.policy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A SIMULATED policy for tests, benchmarks and dry runs: no model, no tokens, just a skill (the
 * probability of answering right) per task, so the pipeline's logic can be exercised in seconds. It
 * says so in {@link #description()} and {@link #simulated()}.
 *
 * <p>Task keys ({@link GenerationRequest#taskKey()}) drive everything: a key starting with {@code
 * propose} asks for a new problem (drawn from the supplied problem texts, some corrupted on purpose
 * when configured); any other key is a task to answer, whose type is the text before the first
 * {@code :} when that is {@code deduction} or {@code abduction}, else {@code induction}. The skill
 * on a key is its per-key value, else its type's value, else the default, plus what training added;
 * answers come from the supplied right and wrong answers.
 *
 * <p>Deterministic for a seed: a sample's outcome is a hash of (seed, key, request seed), never of
 * call order, so batching cannot change it; a greedy request ignores the request seed. Because the
 * same uniform draw is compared with a rising skill, training only ever turns wrong samples into
 * right ones.
 *
 * <p>"Tokens" are code points: the prompt ids spell the task key (so {@link #train} knows which
 * tasks a rollout group trains) and the completion ids spell the answer. Log-probabilities are
 * simulated.
 */
public final class SimulatedPolicy implements Policy {

  private final long seed;
  private final SimulatedSkills skills;
  private final Function<String, SimulatedAnswers> answers;
  private final SimulatedProblemSource problems;
  private final Duration latency;
  private long version;
  private long steps;
  private long unanswered;

  private SimulatedPolicy(Builder b) {
    this.seed = b.seed;
    this.skills =
        new SimulatedSkills(b.defaultSkill, b.typeSkill, b.keySkill, b.trainGain, b.transferGain);
    Map<String, SimulatedAnswers> fixed = Map.copyOf(b.answers);
    Function<String, SimulatedAnswers> fallback = b.answerSource;
    this.answers = key -> fixed.containsKey(key) ? fixed.get(key) : fallback.apply(key);
    this.problems = new SimulatedProblemSource(seed, b.problemTexts, b.malformedFraction);
    this.latency = b.latency;
  }

  public static Builder builder(long seed) {
    return new Builder(seed);
  }

  @Override
  public String description() {
    return "SIMULATED policy (seed " + seed + ", version " + version() + ")";
  }

  @Override
  public boolean simulated() {
    return true;
  }

  @Override
  public synchronized long version() {
    return version;
  }

  /** The current probability of a right answer on {@code taskKey}. */
  public synchronized double skill(String taskKey) {
    return skills.skill(taskKey);
  }

  /**
   * How many requests named a task this policy has no answers for (a workload mistake, not a
   * skill).
   */
  public synchronized long unansweredRequests() {
    return unanswered;
  }

  @Override
  public List<Completion> generate(List<GenerationRequest> requests) {
    pause();
    synchronized (this) {
      List<Completion> out = new ArrayList<>(requests.size());
      for (GenerationRequest request : requests) {
        out.add(complete(request));
      }
      return out;
    }
  }

  private Completion complete(GenerationRequest request) {
    String key = request.taskKey();
    long sampleSeed = request.sampling().isGreedy() ? 0 : request.sampling().seed();
    double draw = SimulatedSkills.uniform(seed, key, sampleSeed, 1);
    double p;
    String text;
    if (key.startsWith("propose")) {
      text = problems.problemText(key, sampleSeed);
      p = 1.0;
    } else {
      SimulatedAnswers options = answers.apply(key);
      boolean right = draw < skills.skill(key);
      List<String> pool = right ? options.correct() : options.wrong();
      if (options.correct().isEmpty() && options.wrong().isEmpty()) {
        unanswered++;
      }
      int pick = (int) (SimulatedSkills.uniform(seed, key, sampleSeed, 2) * pool.size());
      text = pool.isEmpty() ? "" : pool.get(pick);
      p = right ? skills.skill(key) : 1 - skills.skill(key);
    }
    return new Completion(
        SimulatedSkills.codePoints(key),
        SimulatedSkills.codePoints(text),
        text,
        SimulatedSkills.spreadLogProb(p, text.codePointCount(0, text.length())),
        version);
  }

  /**
   * Raises the skill on every task whose group carried a learning signal (rewards not all equal, or a
   * demonstration of a pass) by the configured gain, and its task type's skill by the transfer gain; the
   * version advances when any did.
   */
  @Override
  public TrainingMetrics train(List<RolloutGroup> groups) {
    return learn(groups, g -> SimulatedSkills.varies(g.rewards()) || g.demonstration() != null);
  }

  /**
   * Raises the skill on every task whose group carries a demonstration, as {@link #train} does for a group
   * with a learning signal: a verified answer is one whatever the rollouts' rewards.
   */
  @Override
  public TrainingMetrics imitate(List<RolloutGroup> groups) {
    if (groups.stream().noneMatch(g -> g.demonstration() != null)) {
      throw new IllegalArgumentException("a supervised step needs at least one group with a demonstration");
    }
    return learn(groups, g -> g.demonstration() != null);
  }

  private TrainingMetrics learn(List<RolloutGroup> groups, Predicate<RolloutGroup> teaches) {
    pause();
    synchronized (this) {
      int informative = 0;
      double rewardSum = 0;
      int rollouts = 0;
      for (RolloutGroup group : groups) {
        for (double r : group.rewards()) {
          rewardSum += r;
          rollouts++;
        }
        if (group.completions().isEmpty() || !teaches.test(group)) {
          continue;
        }
        informative++;
        skills.reinforce(SimulatedSkills.text(group.completions().get(0).promptIds()));
      }
      steps++;
      if (informative > 0) {
        version++;
      }
      double meanReward = rollouts == 0 ? 0 : rewardSum / rollouts;
      double informativeShare = groups.isEmpty() ? 0 : (double) informative / groups.size();
      // A simulated surrogate: what is left to learn. Real KL, clipping and gradients do not exist
      // here.
      return new TrainingMetrics(
          steps, 1 - meanReward, meanReward, informativeShare, 0, 0, 0, 0, version);
    }
  }

  @Override
  public synchronized void save(Path directory) {
    new SimulatedCheckpoint(directory).write(seed, version, steps, skills);
  }

  @Override
  public synchronized void restore(Path directory) {
    SimulatedCheckpoint.State state = new SimulatedCheckpoint(directory).read(seed);
    version = state.version();
    steps = state.steps();
    skills.restoreGains(state.keyGain(), state.typeGain());
  }

  @Override
  public void close() {}

  private void pause() {
    if (latency.isZero()) {
      return;
    }
    try {
      Thread.sleep(latency.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("simulated policy call interrupted", e);
    }
  }

  /** Configures a {@link SimulatedPolicy}; every setting has a neutral default. */
  public static final class Builder {
    private final long seed;
    private double defaultSkill = 0.5;
    private final Map<String, Double> typeSkill = new HashMap<>();
    private final Map<String, Double> keySkill = new HashMap<>();
    private final Map<String, SimulatedAnswers> answers = new HashMap<>();
    private Function<String, SimulatedAnswers> answerSource = key -> SimulatedAnswers.NONE;
    private List<String> problemTexts = List.of();
    private double malformedFraction;
    private double trainGain = 0.1;
    private double transferGain;
    private Duration latency = Duration.ZERO;

    private Builder(long seed) {
      this.seed = seed;
    }

    public Builder defaultSkill(double p) {
      defaultSkill = SimulatedSkills.probability("defaultSkill", p);
      return this;
    }

    /** Skill on every task of a type: "induction", "deduction" or "abduction". */
    public Builder typeSkill(String taskType, double p) {
      typeSkill.put(taskType, SimulatedSkills.probability("typeSkill " + taskType, p));
      return this;
    }

    public Builder taskSkill(String taskKey, double p) {
      keySkill.put(taskKey, SimulatedSkills.probability("taskSkill " + taskKey, p));
      return this;
    }

    public Builder answers(String taskKey, SimulatedAnswers options) {
      answers.put(taskKey, options);
      return this;
    }

    /** Answers for keys not given with {@link #answers}; consulted at each request. */
    public Builder answerSource(Function<String, SimulatedAnswers> source) {
      answerSource = source;
      return this;
    }

    /**
     * Texts returned for {@code propose...} keys, in the study's FUNCTION/TESTS/SOLUTION format.
     */
    public Builder problemTexts(List<String> texts) {
      problemTexts = List.copyOf(texts);
      return this;
    }

    /** Share of proposals corrupted on purpose (a section dropped, tests cut to one, garbage). */
    public Builder malformedFraction(double fraction) {
      malformedFraction = SimulatedSkills.probability("malformedFraction", fraction);
      return this;
    }

    /** Skill added to a task each time a training step had a learning signal on it. */
    public Builder trainGain(double gain) {
      trainGain = gain;
      return this;
    }

    /**
     * Skill added to the whole task type per trained group; negative simulates a harmful update.
     */
    public Builder transferGain(double gain) {
      transferGain = gain;
      return this;
    }

    /** Sleep this long in every generate and train call (to exercise backpressure). */
    public Builder latency(Duration perCall) {
      if (perCall.isNegative()) {
        throw new IllegalArgumentException("latency must not be negative, got " + perCall);
      }
      latency = perCall;
      return this;
    }

    public SimulatedPolicy build() {
      return new SimulatedPolicy(this);
    }
  }
}
