package org.laimark.config;

/** A configuration value is missing or wrong; the message names the key (or file and line) and what was expected. */
public final class InvalidSettingException extends IllegalArgumentException {
  public InvalidSettingException(String message) {
    super(message);
  }

  /** "laimark.sandbox.workers: must be positive, got 0" */
  public static InvalidSettingException forKey(String key, String expected, Object got) {
    return new InvalidSettingException(key + ": " + expected + ", got " + got);
  }
}
