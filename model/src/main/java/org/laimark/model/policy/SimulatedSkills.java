package org.laimark.model.policy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The skill table of a {@link SimulatedPolicy}: configured skill per task key, per task type and by
 * default, plus the gains training added. Also the policy's deterministic hashing and its
 * code-point "tokenizer". Owned by one policy; not thread-safe on its own.
 */
final class SimulatedSkills {

  private final double defaultSkill;
  private final Map<String, Double> typeSkill;
  private final Map<String, Double> keySkill;
  private final double trainGain;
  private final double transferGain;
  private final Map<String, Double> keyGain = new HashMap<>();
  private final Map<String, Double> typeGain = new HashMap<>();

  SimulatedSkills(
      double defaultSkill,
      Map<String, Double> typeSkill,
      Map<String, Double> keySkill,
      double trainGain,
      double transferGain) {
    this.defaultSkill = defaultSkill;
    this.typeSkill = Map.copyOf(typeSkill);
    this.keySkill = Map.copyOf(keySkill);
    this.trainGain = trainGain;
    this.transferGain = transferGain;
  }

  /** "deduction" or "abduction" when the key starts with that and a colon, else "induction". */
  static String taskType(String key) {
    int colon = key.indexOf(':');
    String prefix = colon < 0 ? "" : key.substring(0, colon);
    return prefix.equals("deduction") || prefix.equals("abduction") ? prefix : "induction";
  }

  double skill(String key) {
    String type = taskType(key);
    double base = keySkill.getOrDefault(key, typeSkill.getOrDefault(type, defaultSkill));
    double p = base + keyGain.getOrDefault(key, 0.0) + typeGain.getOrDefault(type, 0.0);
    return Math.max(0, Math.min(1, p));
  }

  void reinforce(String key) {
    keyGain.merge(key, trainGain, Double::sum);
    typeGain.merge(taskType(key), transferGain, Double::sum);
  }

  Map<String, Double> keyGains() {
    return Map.copyOf(keyGain);
  }

  Map<String, Double> typeGains() {
    return Map.copyOf(typeGain);
  }

  void restoreGains(Map<String, Double> keys, Map<String, Double> types) {
    keyGain.clear();
    keyGain.putAll(keys);
    typeGain.clear();
    typeGain.putAll(types);
  }

  static double probability(String name, double p) {
    if (!(p >= 0 && p <= 1)) {
      throw new IllegalArgumentException(name + " must be between 0 and 1, got " + p);
    }
    return p;
  }

  /**
   * A uniform draw in [0, 1) fixed by (seed, key, sample seed, stream); SplitMix64 finalisation.
   */
  static double uniform(long seed, String key, long sampleSeed, int stream) {
    long h = mix(seed ^ 0x9E3779B97F4A7C15L);
    for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
      h = mix(h ^ b);
    }
    h = mix(h ^ sampleSeed);
    h = mix(h ^ stream);
    return (h >>> 11) * 0x1.0p-53;
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  static boolean varies(double[] rewards) {
    for (double r : rewards) {
      if (r != rewards[0]) {
        return true;
      }
    }
    return false;
  }

  static int[] codePoints(String text) {
    return text.codePoints().toArray();
  }

  static String text(int[] codePoints) {
    return new String(codePoints, 0, codePoints.length);
  }

  /** The log-probability of the whole answer, spread evenly over its tokens. */
  static float[] spreadLogProb(double p, int tokens) {
    float[] out = new float[tokens];
    float each = tokens == 0 ? 0 : (float) (Math.log(Math.max(p, 1e-6)) / tokens);
    Arrays.fill(out, each);
    return out;
  }
}
