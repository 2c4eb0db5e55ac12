package org.laimark.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.laimark.model.tokenizer.Qwen3Tokenizer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code laimark model render}: writes a chat rendered by the checkpoint's chat template, byte for
 * byte.
 */
@Command(
    name = "render",
    mixinStandardHelpOptions = true,
    description =
        "Render chat messages with the model's chat template and write the exact text to a file.")
public final class ModelRenderCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin ModelFolderOptions folder;

  @Option(
      names = "--messages",
      required = true,
      paramLabel = "FILE.json",
      description = "JSON array of {\"role\": ..., \"content\": ...} objects.")
  Path messages;

  @Option(names = "--add-generation-prompt", description = "End with the assistant turn's opening.")
  boolean addGenerationPrompt;

  @Option(
      names = "--enable-thinking",
      arity = "1",
      paramLabel = "true|false",
      description =
          "Pass enable_thinking to the template (Qwen3's switch); left undefined when absent.")
  Boolean enableThinking;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "FILE",
      description = "Where to write the rendered text.")
  Path out;

  @Override
  public Integer call() throws Exception {
    try (Qwen3Tokenizer tokenizer = ModelCommand.Inputs.tokenizer(folder.model)) {
      String rendered =
          ModelCommand.Inputs.userErrors(
              () ->
                  tokenizer
                      .chatTemplate()
                      .renderMessages(
                          ModelCommand.Inputs.messages(messages),
                          addGenerationPrompt,
                          enableThinking));
      Path absolute = out.toAbsolutePath();
      Files.createDirectories(absolute.getParent());
      Files.writeString(absolute, rendered, StandardCharsets.UTF_8);
    }
    return 0;
  }
}
