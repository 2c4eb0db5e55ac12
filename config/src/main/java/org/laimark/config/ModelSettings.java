package org.laimark.config;

import com.typesafe.config.Config;

/**
 * How the DJL model computes: {@code threads} is libtorch's intra-op thread count (0 = one per
 * processor), set once at start. Read from {@code laimark.model}.
 */
public record ModelSettings(int threads) {

  public ModelSettings {
    if (threads < 0) {
      throw InvalidSettingException.forKey(
          "laimark.model.threads", "must be 0 (all processors) or positive", threads);
    }
  }

  public static ModelSettings fromConfig(Config root) {
    SettingsBlock block = new SettingsBlock(root, "laimark.model");
    return new ModelSettings(block.nonNegativeInt("threads"));
  }
}
