package org.laimark.actors.pipeline;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import org.laimark.config.InvalidSettingException;

/**
 * The {@code laimark.pipeline.dedup} block: docstring word n-gram length and the Jaccard similarity
 * a duplicate must strictly exceed.
 */
public record DedupSettings(int ngram, double jaccardThreshold) {

  public static final String PATH = "laimark.pipeline.dedup";

  public DedupSettings {
    if (ngram <= 0) {
      throw InvalidSettingException.forKey(PATH + ".ngram", "must be positive", ngram);
    }
    if (!(jaccardThreshold >= 0 && jaccardThreshold < 1)) {
      throw InvalidSettingException.forKey(
          PATH + ".jaccard-threshold", "must be in [0, 1)", jaccardThreshold);
    }
  }

  public static DedupSettings fromConfig(Config root) {
    try {
      Config c = root.getConfig(PATH);
      return new DedupSettings(c.getInt("ngram"), c.getDouble("jaccard-threshold"));
    } catch (ConfigException e) {
      throw new InvalidSettingException(e.getMessage());
    }
  }
}
