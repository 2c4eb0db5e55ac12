package org.laimark.config;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a configured model folder is. {@value #EMBEDDED} names the model the project ships
 * ({@code data/models/laimark-tiny} under the installation the {@code ./laimark} launcher reports as {@code
 * laimark.home}); anything else is a path, a relative one taken against the current directory.
 */
public final class ModelDirectory {

  /** The configured value that means "the embedded model". */
  public static final String EMBEDDED = "embedded";

  /** The embedded model's folder below the installation. */
  public static final String EMBEDDED_PATH = "data/models/laimark-tiny";

  private ModelDirectory() {}

  /**
   * @param configured the setting's value
   * @param key the setting, named in errors
   * @throws InvalidSettingException naming the key when the value is empty or no folder is there
   */
  public static Path resolve(String configured, String key) {
    if (configured.isBlank()) {
      throw new InvalidSettingException(key + ": empty; expected \"" + EMBEDDED + "\" or a Hugging Face Qwen3"
          + " folder (config.json, model safetensors, tokenizer.json)");
    }
    boolean embedded = configured.equals(EMBEDDED);
    Path dir = (embedded ? installation().resolve(EMBEDDED_PATH) : Path.of(configured)).toAbsolutePath().normalize();
    if (!Files.isDirectory(dir)) {
      throw new InvalidSettingException(key + ": '" + configured + "' is not a directory (resolved to " + dir
          + "); expected " + (embedded ? "the embedded model (make it with `laimark pretrain`)"
              : "a Hugging Face Qwen3 folder"));
    }
    return dir;
  }

  /** The installation: {@code laimark.home} as the launcher sets it, else the current directory. */
  static Path installation() {
    return Path.of(System.getProperty("laimark.home", "."));
  }
}
