package org.laimark.cli;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.Callable;
import org.laimark.model.qwen3.Qwen3Model;
import org.laimark.model.safetensors.SafetensorsWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code laimark model logits}: one forward pass, written as the safetensors tensor "logits" [T, V]
 * float32.
 */
@Command(
    name = "logits",
    mixinStandardHelpOptions = true,
    description =
        "Compute next-token logits of a token sequence and write them as safetensors tensor"
            + " 'logits' [T, V].")
public final class ModelLogitsCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin ModelFolderOptions.WithAdapter folder;

  @Option(
      names = "--ids",
      required = true,
      paramLabel = "1,2,3",
      description = "Comma-separated token ids.")
  String ids;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "FILE.safetensors",
      description = "Output file.")
  Path out;

  @Override
  public Integer call() {
    ModelCommand.Inputs.startEngine();
    try (NDManager manager = NDManager.newBaseManager();
        Qwen3Model qwen = ModelCommand.Inputs.model(folder.model, folder.adapter, manager);
        NDManager step = qwen.newStepManager()) {
      int[] tokens = ModelCommand.Inputs.ids(ids, qwen.config().vocabSize());
      NDArray input =
          step.create(Arrays.stream(tokens).asLongStream().toArray(), new Shape(1, tokens.length));
      NDArray logits =
          qwen.forward(input, null, null)
              .reshape(tokens.length, qwen.config().vocabSize()); // (T, V)
      SafetensorsWriter.write(out, Map.of("logits", logits), Map.of("format", "pt"));
    }
    return 0;
  }
}
