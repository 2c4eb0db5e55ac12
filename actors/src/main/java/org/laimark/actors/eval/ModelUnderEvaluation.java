package org.laimark.actors.eval;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.laimark.config.EvalSettings;
import org.laimark.model.policy.Policy;
import org.laimark.model.policy.SamplingParams;

/**
 * A model (and optional adapter) being evaluated: the loaded policy, the sampling it is evaluated with, and
 * the identity {@code summary.json} records (paths, SHA-256 of every file, sampling parameters). Greedy for
 * one sample per task, as the study's pass@1; with n > 1 samples are drawn at the given or configured
 * temperature (greedy n > 1 would give n identical samples, so it is refused).
 */
public final class ModelUnderEvaluation implements AutoCloseable {

  /** Loads a policy from a model directory and an optional adapter directory. */
  @FunctionalInterface
  public interface PolicyLoader {
    Policy load(Path model, Path adapter);
  }

  private final Policy policy;
  private final ModelAnswers answers;

  private ModelUnderEvaluation(Policy policy, ModelAnswers answers) {
    this.policy = policy;
    this.answers = answers;
  }

  /**
   * @param temperature {@code null} for the default (greedy when n = 1)
   * @param maxNewTokens {@code null} for the configured cap
   * @param seed {@code null} for the configured seed
   * @throws EvalInputException for a missing directory or a greedy n > 1
   */
  public static ModelUnderEvaluation open(EvalSettings settings, Path model, Path adapter, int n,
      Double temperature, Integer maxNewTokens, Long seed, PolicyLoader loader) {
    requireDirectory("--model", model);
    if (adapter != null) {
      requireDirectory("--adapter", adapter);
    }
    EvalSettings.Generation g = settings.generation();
    double t = temperature != null ? temperature : (n == 1 ? 0.0 : g.temperature());
    if (t < 0) {
      throw new EvalInputException("--temperature must be >= 0, got " + t);
    }
    if (t == 0 && n > 1) {
      throw new EvalInputException("--n " + n + " with greedy decoding (temperature 0) gives " + n
          + " identical samples; give --temperature > 0 for pass@k");
    }
    int tokens = maxNewTokens != null ? maxNewTokens : g.maxNewTokens();
    if (tokens <= 0) {
      throw new EvalInputException("--max-new-tokens must be positive, got " + tokens);
    }
    SamplingParams sampling = t == 0
        ? SamplingParams.greedy(tokens).withSeed(seed != null ? seed : g.seed())
        : new SamplingParams(t, g.topP(), g.topK(), tokens, seed != null ? seed : g.seed());
    ObjectNode identity = JsonNodeFactory.instance.objectNode();
    identity.put("kind", "model");
    identity.put("model", model.toAbsolutePath().normalize().toString());
    identity.put("model_sha256", FileDigest.sha256(model));
    identity.put("adapter", adapter == null ? null : adapter.toAbsolutePath().normalize().toString());
    identity.put("adapter_sha256", adapter == null ? null : FileDigest.sha256(adapter));
    ObjectNode s = identity.putObject("sampling");
    s.put("temperature", sampling.temperature());
    s.put("top_p", sampling.isGreedy() ? 1.0 : sampling.topP());
    s.put("top_k", sampling.isGreedy() ? 0 : sampling.topK());
    s.put("max_new_tokens", sampling.maxNewTokens());
    s.put("seed", sampling.seed());
    ObjectNode p = identity.putObject("prompt");
    p.put("system", settings.prompt().system());
    p.put("user", settings.prompt().user());
    p.put("mbpp_tests", settings.prompt().mbppTests());
    Policy policy = loader.load(model, adapter);
    ModelAnswers answers = new ModelAnswers(policy, new EvalPrompts(settings.prompt()), sampling,
        g.batchSize(), identity);
    return new ModelUnderEvaluation(policy, answers);
  }

  public AnswerSource answers() {
    return answers;
  }

  @Override
  public void close() {
    policy.close();
  }

  private static void requireDirectory(String option, Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new EvalInputException(option + " " + dir + ": not a directory (expected a Hugging Face"
          + (option.equals("--adapter") ? " PEFT adapter" : " model") + " directory)");
    }
  }
}
