package org.laimark.model.pretrain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes {@code generation_config.json}: generation stops at {@code <|im_end|>} (2), pads with 0. */
final class GenerationConfigFile {

  static final String CONTENT = "{\n  \"eos_token_id\": 2,\n  \"pad_token_id\": 0,\n  \"do_sample\": false\n}\n";

  private GenerationConfigFile() {}

  static void write(Path directory) {
    Path file = directory.resolve("generation_config.json");
    try {
      Files.writeString(file, CONTENT);
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": cannot write (" + e.getMessage() + ")", e);
    }
  }
}
