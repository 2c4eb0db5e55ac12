package org.laimark.cli;

import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.laimark.model.generate.Generation;
import org.laimark.model.generate.Generator;
import org.laimark.model.generate.PromptRequest;
import org.laimark.model.policy.SamplingParams;
import org.laimark.model.qwen3.Qwen3Model;
import org.laimark.model.tokenizer.Qwen3Tokenizer;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code laimark model generate}: continues token ids, a raw prompt, or a chat (rendered with the
 * template and its generation prompt), greedily or by seeded sampling; prints {"ids", "text",
 * "finish_reason"}.
 */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    description =
        "Generate a continuation; prints JSON with the new token ids, their text and why it"
            + " stopped.")
public final class ModelGenerateCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin ModelFolderOptions.WithAdapter folder;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Input input;

  static final class Input {
    @Option(
        names = "--ids",
        paramLabel = "1,2,3",
        description = "Prompt as comma-separated token ids.")
    String ids;

    @Option(
        names = "--prompt",
        paramLabel = "TEXT",
        description = "Prompt as raw text (no chat template).")
    String prompt;

    @Option(
        names = "--messages",
        paramLabel = "FILE.json",
        description =
            "Chat as a JSON array of {role, content}; rendered with the generation prompt.")
    Path messages;
  }

  @Option(
      names = "--enable-thinking",
      arity = "1",
      paramLabel = "true|false",
      description = "With --messages: pass enable_thinking to the template (Qwen3's switch).")
  Boolean enableThinking;

  @Option(
      names = "--max-new-tokens",
      required = true,
      paramLabel = "N",
      description = "Most tokens to generate.")
  int maxNewTokens;

  @Option(names = "--greedy", description = "Take the most likely token each step.")
  boolean greedy;

  @Option(
      names = "--temperature",
      paramLabel = "T",
      description = "Sample at this temperature (needs --seed).")
  Double temperature;

  @Option(
      names = "--top-p",
      paramLabel = "P",
      defaultValue = "1.0",
      description = "Nucleus sampling mass (default 1: off).")
  double topP;

  @Option(
      names = "--top-k",
      paramLabel = "K",
      defaultValue = "0",
      description = "Keep the K most likely tokens (default 0: off).")
  int topK;

  @Option(names = "--seed", paramLabel = "S", description = "Seed of the request's random stream.")
  Long seed;

  @Option(names = "--ignore-eos", description = "Do not stop at the end-of-sequence tokens.")
  boolean ignoreEos;

  @Override
  public Integer call() throws Exception {
    SamplingParams sampling = sampling();
    ModelCommand.Inputs.startEngine();
    try (NDManager manager = NDManager.newBaseManager();
        Qwen3Tokenizer tokenizer = ModelCommand.Inputs.tokenizer(folder.model);
        Qwen3Model qwen = ModelCommand.Inputs.model(folder.model, folder.adapter, manager)) {
      int[] prompt = prompt(tokenizer, qwen.config().vocabSize());
      Set<Integer> stops = ignoreEos ? Set.of() : tokenizer.stopTokenIds();
      Generation generation =
          new Generator(qwen, tokenizer)
              .generate(List.of(new PromptRequest(prompt, sampling, stops)))
              .get(0);
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("ids", generation.tokenIds());
      out.put("text", generation.text());
      out.put("finish_reason", generation.finishReason().name().toLowerCase(java.util.Locale.ROOT));
      spec.commandLine().getOut().println(new ObjectMapper().writeValueAsString(out));
    }
    return 0;
  }

  private SamplingParams sampling() {
    if (maxNewTokens <= 0) {
      throw new UserInputException("--max-new-tokens must be positive, got " + maxNewTokens);
    }
    if (greedy == (temperature != null)) {
      throw new UserInputException("give exactly one of --greedy and --temperature T");
    }
    if (greedy) {
      return SamplingParams.greedy(maxNewTokens);
    }
    if (seed == null) {
      throw new UserInputException(
          "--seed is required with --temperature (same seed, same output)");
    }
    if (!(temperature > 0)) {
      throw new UserInputException(
          "--temperature must be positive, got " + temperature + " (use --greedy for 0)");
    }
    if (!(topP > 0 && topP <= 1)) {
      throw new UserInputException("--top-p must be in (0, 1], got " + topP);
    }
    return new SamplingParams(temperature, topP, topK, maxNewTokens, seed);
  }

  private int[] prompt(Qwen3Tokenizer tokenizer, int vocab) {
    if (input.ids != null) {
      return ModelCommand.Inputs.ids(input.ids, vocab);
    }
    int[] ids =
        input.prompt != null
            ? tokenizer.encode(input.prompt)
            : ModelCommand.Inputs.userErrors(
                () ->
                    tokenizer.encode(
                        tokenizer
                            .chatTemplate()
                            .renderMessages(
                                ModelCommand.Inputs.messages(input.messages), true, enableThinking),
                        false));
    if (ids.length == 0) {
      throw new UserInputException("the prompt has no tokens");
    }
    return ids;
  }
}
