package org.laimark.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.concurrent.Callable;
import org.laimark.model.tokenizer.Qwen3Tokenizer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code laimark model tokenize --model DIR --text TEXT} prints {"ids":[...]}, as tokenizer(text).
 */
@Command(
    name = "tokenize",
    mixinStandardHelpOptions = true,
    description =
        "Print the token ids of a text as JSON {\"ids\":[...]} (transformers' tokenizer(text)).")
public final class ModelTokenizeCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin ModelFolderOptions folder;

  @Option(names = "--text", required = true, paramLabel = "TEXT", description = "Text to tokenize.")
  String text;

  @Override
  public Integer call() throws Exception {
    try (Qwen3Tokenizer tokenizer = ModelCommand.Inputs.tokenizer(folder.model)) {
      spec.commandLine()
          .getOut()
          .println(new ObjectMapper().writeValueAsString(Map.of("ids", tokenizer.encode(text))));
    }
    return 0;
  }
}
