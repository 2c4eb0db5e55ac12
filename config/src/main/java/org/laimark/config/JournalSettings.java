package org.laimark.config;

import com.typesafe.config.Config;

/**
 * The {@code laimark.pipeline.journal} block.
 *
 * @param fsync make every journal record durable before it is acknowledged
 * @param snapshotEvery journal records between snapshots of the bank
 */
public record JournalSettings(boolean fsync, int snapshotEvery) {

  public static JournalSettings fromConfig(Config config) {
    SettingsBlock b = new SettingsBlock(config, "laimark.pipeline.journal");
    return new JournalSettings(b.flag("fsync"), b.positiveInt("snapshot-every"));
  }
}
