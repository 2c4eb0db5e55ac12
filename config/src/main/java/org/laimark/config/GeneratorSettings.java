package org.laimark.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;

/**
 * The {@code laimark.pipeline.generator} block: how the policy is asked to write problems (defaults
 * and the reason for each in {@code laimark/pipeline.conf}).
 *
 * @param topics the topics fresh problems are asked about, crossed with {@code difficulties}
 * @param difficulties the difficulty words put in the prompt
 * @param temperature sampling temperature for problem writing
 * @param topP nucleus mass for problem writing
 * @param maxNewTokens new-token cap for one proposal
 * @param timeout the longest a proposal may wait for the model (queueing included)
 * @param systemPrompt system message of the generation chat (may be empty)
 * @param freshTemplate user message for a fresh problem, with {@code {topic}} and {@code
 *     {difficulty}}
 * @param harderTemplate user message for a harder variant, with {@code {problem}}
 * @param seed base seed; proposal i is sampled with a seed derived from (seed, i)
 * @param expectedValues where the tests' expected values come from
 * @param sandboxTimeout the longest the reference may take to compute them (reference values only)
 * @param specCheck {@code spec-check = domain}: keep a problem only if its reference returns, on every
 *     test, what its docstring means in the embedded domain's language (reference values only)
 */
public record GeneratorSettings(
    List<String> topics,
    List<String> difficulties,
    double temperature,
    double topP,
    int maxNewTokens,
    Duration timeout,
    String systemPrompt,
    String freshTemplate,
    String harderTemplate,
    long seed,
    ExpectedValues expectedValues,
    Duration sandboxTimeout,
    boolean specCheck) {

  static final String PREFIX = "laimark.pipeline.generator.";

  /** Where a written problem's expected values come from (see {@code generator.expected-values}). */
  public enum ExpectedValues {
    /** The model's own, as in the study. */
    WRITTEN,
    /** What the model's reference solution returns for each written call, computed in the sandbox. */
    REFERENCE,
    /**
     * What the docstring means in the embedded domain's language, computed in the sandbox by the body the
     * domain writes for it, which replaces the model's as the reference (that domain only).
     */
    SPEC
  }

  public GeneratorSettings {
    topics = distinctNonEmpty(PREFIX + "topics", topics);
    difficulties = distinctNonEmpty(PREFIX + "difficulties", difficulties);
    CalibratorSettings.sampling(PREFIX, temperature, topP, maxNewTokens);
    CalibratorSettings.positive(PREFIX + "timeout", timeout);
    systemPrompt = systemPrompt == null ? "" : systemPrompt;
    CalibratorSettings.placeholders(
        PREFIX + "fresh-template", freshTemplate, "{topic}", "{difficulty}");
    CalibratorSettings.placeholders(PREFIX + "harder-template", harderTemplate, "{problem}");
    if (expectedValues == null) {
      throw InvalidSettingException.forKey(PREFIX + "expected-values", "must be written, reference or spec", null);
    }
    CalibratorSettings.positive(PREFIX + "sandbox-timeout", sandboxTimeout);
    if (specCheck && expectedValues != ExpectedValues.REFERENCE) {
      throw InvalidSettingException.forKey(PREFIX + "spec-check",
          "domain needs expected-values = reference (the check runs with the reference's values;"
              + " with spec values the docstring already decides them)", "domain");
    }
  }

  public static GeneratorSettings fromConfig(Config root) {
    try {
      Config c = root.getConfig("laimark.pipeline.generator");
      return new GeneratorSettings(
          c.getStringList("topics"),
          c.getStringList("difficulties"),
          c.getDouble("temperature"),
          c.getDouble("top-p"),
          c.getInt("max-new-tokens"),
          c.getDuration("timeout"),
          c.getString("system-prompt"),
          c.getString("fresh-template"),
          c.getString("harder-template"),
          c.getLong("seed"),
          expectedValues(c.getString("expected-values")),
          c.getDuration("sandbox-timeout"),
          specCheck(c.getString("spec-check")));
    } catch (ConfigException e) {
      throw new InvalidSettingException(e.getMessage());
    }
  }

  private static boolean specCheck(String value) {
    return switch (value) {
      case "none" -> false;
      case "domain" -> true;
      default -> throw InvalidSettingException.forKey(PREFIX + "spec-check", "must be none or domain", value);
    };
  }

  private static ExpectedValues expectedValues(String value) {
    try {
      return ExpectedValues.valueOf(value.toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw InvalidSettingException.forKey(PREFIX + "expected-values", "must be written, reference or spec", value);
    }
  }

  private static List<String> distinctNonEmpty(String key, List<String> values) {
    if (values == null
        || values.isEmpty()
        || values.stream().anyMatch(v -> v == null || v.isBlank())) {
      throw InvalidSettingException.forKey(
          key, "must be a non-empty list of non-empty strings", values);
    }
    if (new HashSet<>(values).size() != values.size()) {
      throw InvalidSettingException.forKey(key, "must not repeat an entry", values);
    }
    return List.copyOf(values);
  }
}
