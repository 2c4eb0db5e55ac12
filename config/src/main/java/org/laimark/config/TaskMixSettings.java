package org.laimark.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import java.util.EnumMap;
import java.util.Map;
import org.laimark.data.TaskType;

/**
 * The {@code laimark.pipeline.tasks} block: how each task type is asked and sampled (the same way
 * in calibration and in training, so a calibrated pass rate is the one GRPO sees), how many
 * deduction and abduction tasks each induction problem yields, and the training mix the quota
 * keeps.
 *
 * @param shares target share of each task type in the training mix (sums to 1): the quota serves
 *     the type furthest below its target first
 * @param maxShares the most of the training mix each type may take (at least its target; 0 turns
 *     the type off, 1 leaves it uncapped): a type at its cap is held back
 * @param derivedPerProblem at most this many deduction and this many abduction tasks per problem
 *     (0..3)
 * @param temperature sampling temperature of calibration samples and GRPO rollouts
 * @param topP nucleus mass of calibration samples and GRPO rollouts
 * @param inductionMaxNewTokens new-token cap of an induction answer (a function body)
 * @param derivedMaxNewTokens new-token cap of a deduction or abduction answer (one literal)
 * @param systemPrompt the system message of every task chat
 * @param inductionPrompt user message with {@code {stub}}
 * @param deductionPrompt user message with {@code {code}} and {@code {call}}
 * @param abductionPrompt user message with {@code {code}}, {@code {function}} and {@code {output}}
 * @param seed base seed; sample i of a task under a policy version uses a seed derived from all
 *     three
 */
public record TaskMixSettings(
    Map<TaskType, Double> shares,
    Map<TaskType, Double> maxShares,
    int derivedPerProblem,
    double temperature,
    double topP,
    int inductionMaxNewTokens,
    int derivedMaxNewTokens,
    String systemPrompt,
    String inductionPrompt,
    String deductionPrompt,
    String abductionPrompt,
    long seed) {

  static final String PREFIX = "laimark.pipeline.tasks.";

  public TaskMixSettings {
    EnumMap<TaskType, Double> complete = new EnumMap<>(TaskType.class);
    double sum = 0;
    for (TaskType type : TaskType.values()) {
      Double share = shares == null ? null : shares.get(type);
      if (share == null || !(share >= 0 && share <= 1)) {
        throw InvalidSettingException.forKey(
            PREFIX + "shares." + type.wireName(), "must be a number between 0 and 1", share);
      }
      complete.put(type, share);
      sum += share;
    }
    if (Math.abs(sum - 1) > 1e-9) {
      throw InvalidSettingException.forKey(PREFIX + "shares", "must sum to 1", complete);
    }
    shares = Map.copyOf(complete);
    EnumMap<TaskType, Double> caps = new EnumMap<>(TaskType.class);
    for (TaskType type : TaskType.values()) {
      Double cap = maxShares == null ? null : maxShares.get(type);
      if (cap == null || !(cap >= shares.get(type) && cap <= 1)) {
        throw InvalidSettingException.forKey(
            PREFIX + "max-shares." + type.wireName(),
            "must be a number between the type's target share (" + shares.get(type) + ") and 1",
            cap);
      }
      caps.put(type, cap);
    }
    maxShares = Map.copyOf(caps);
    if (derivedPerProblem < 0 || derivedPerProblem > 3) {
      throw InvalidSettingException.forKey(
          PREFIX + "derived-per-problem",
          "must be between 0 and 3 (the study's at most 3 of each)",
          derivedPerProblem);
    }
    CalibratorSettings.sampling(PREFIX, temperature, topP, inductionMaxNewTokens);
    if (derivedMaxNewTokens <= 0) {
      throw InvalidSettingException.forKey(
          PREFIX + "derived-max-new-tokens", "must be positive", derivedMaxNewTokens);
    }
    systemPrompt = systemPrompt == null ? "" : systemPrompt;
    CalibratorSettings.placeholders(PREFIX + "prompts.induction", inductionPrompt, "{stub}");
    CalibratorSettings.placeholders(
        PREFIX + "prompts.deduction", deductionPrompt, "{code}", "{call}");
    CalibratorSettings.placeholders(
        PREFIX + "prompts.abduction", abductionPrompt, "{code}", "{function}", "{output}");
  }

  public double share(TaskType type) {
    return shares.get(type);
  }

  public static TaskMixSettings fromConfig(Config root) {
    try {
      Config c = root.getConfig("laimark.pipeline.tasks");
      Config p = c.getConfig("prompts");
      return new TaskMixSettings(
          byType(c, "shares"),
          byType(c, "max-shares"),
          c.getInt("derived-per-problem"),
          c.getDouble("temperature"),
          c.getDouble("top-p"),
          c.getInt("max-new-tokens"),
          c.getInt("derived-max-new-tokens"),
          p.getString("system"),
          p.getString("induction"),
          p.getString("deduction"),
          p.getString("abduction"),
          c.getLong("seed"));
    } catch (ConfigException e) {
      throw new InvalidSettingException(e.getMessage());
    }
  }

  private static Map<TaskType, Double> byType(Config c, String block) {
    Map<TaskType, Double> out = new EnumMap<>(TaskType.class);
    for (String key : c.getConfig(block).root().keySet()) {
      TaskType type = TaskType.fromWireName(key);
      if (type == null) {
        throw InvalidSettingException.forKey(
            PREFIX + block + "." + key, "must be one of induction, deduction, abduction", key);
      }
      out.put(type, c.getDouble(block + "." + key));
    }
    return out;
  }
}
