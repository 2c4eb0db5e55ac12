package org.laimark.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --model DIR} option every {@code laimark model} subcommand takes (a picocli mixin). */
final class ModelFolderOptions {

  @Option(
      names = "--model",
      required = true,
      paramLabel = "DIR",
      description = "Hugging Face model folder.")
  Path model;

  /** {@code --model DIR} plus an optional {@code --adapter DIR}, for subcommands that run the model. */
  static final class WithAdapter {

    @Option(
        names = "--model",
        required = true,
        paramLabel = "DIR",
        description = "Hugging Face model folder.")
    Path model;

    @Option(
        names = "--adapter",
        paramLabel = "DIR",
        description = "PEFT LoRA adapter folder to apply.")
    Path adapter;
  }
}
