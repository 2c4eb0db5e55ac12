package org.laimark.actors.pipeline;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import java.time.Duration;
import org.laimark.config.InvalidSettingException;

/**
 * The {@code laimark.pipeline.model-access} block (defaults and reasons in {@code
 * laimark/pipeline.conf}).
 *
 * @param maxBatchSize most sequences in one policy call
 * @param maxWait how long a partial batch waits for company
 * @param dispatcher config path of the dispatcher the blocking policy calls run on
 */
public record ModelAccessSettings(int maxBatchSize, Duration maxWait, String dispatcher) {

  public static final String PATH = "laimark.pipeline.model-access";

  public ModelAccessSettings {
    if (maxBatchSize <= 0) {
      throw InvalidSettingException.forKey(
          PATH + ".max-batch-size", "must be positive", maxBatchSize);
    }
    if (maxWait == null || maxWait.isNegative()) {
      throw InvalidSettingException.forKey(PATH + ".max-wait", "must be a duration >= 0", maxWait);
    }
  }

  public static ModelAccessSettings fromConfig(Config root) {
    try {
      Config c = root.getConfig(PATH);
      c.getConfig("dispatcher");
      return new ModelAccessSettings(
          c.getInt("max-batch-size"), c.getDuration("max-wait"), PATH + ".dispatcher");
    } catch (ConfigException e) {
      throw new InvalidSettingException(e.getMessage());
    }
  }
}
