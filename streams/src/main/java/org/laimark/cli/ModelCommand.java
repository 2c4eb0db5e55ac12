package org.laimark.cli;

import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.laimark.config.LaimarkConfig;
import org.laimark.config.ModelSettings;
import org.laimark.model.CheckpointException;
import org.laimark.model.ComputeThreads;
import org.laimark.model.qwen3.Qwen3Model;
import org.laimark.model.tokenizer.Qwen3Tokenizer;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code laimark model ...}: the model's building blocks from the command line, on a Hugging Face
 * model folder (config.json, safetensors weights, tokenizer.json, tokenizer_config.json): tokenize,
 * render a chat, dump logits, generate. Everything runs offline on the local files.
 */
@Command(
    name = "model",
    mixinStandardHelpOptions = true,
    description = "Run the policy model's pieces on a Hugging Face model folder.",
    subcommands = {
      ModelTokenizeCommand.class,
      ModelRenderCommand.class,
      ModelLogitsCommand.class,
      ModelGenerateCommand.class
    })
public final class ModelCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "Missing subcommand: tokenize, render, logits or generate");
  }

  /**
   * What the subcommands share: checking the folders they are given, loading the tokenizer and
   * model (with an optional adapter) with checkpoint errors turned into one-line user errors,
   * parsing {@code --ids} and {@code --messages}.
   */
  static final class Inputs {

    private Inputs() {}

    static Path directory(Path path, String option) {
      if (!Files.isDirectory(path)) {
        throw new UserInputException(option + " " + path + ": no such directory");
      }
      return path;
    }

    static Qwen3Tokenizer tokenizer(Path model) {
      return userErrors(() -> Qwen3Tokenizer.load(directory(model, "--model")));
    }

    /**
     * Fixes libtorch's thread count from laimark.model.threads; call before the first NDManager.
     */
    static void startEngine() {
      ComputeThreads.configure(ModelSettings.fromConfig(LaimarkConfig.defaults()).threads());
    }

    /** Loads the model and the adapter, if any. */
    static Qwen3Model model(Path model, Path adapter, NDManager manager) {
      Path folder = directory(model, "--model");
      Path adapterFolder = adapter == null ? null : directory(adapter, "--adapter");
      return userErrors(
          () -> {
            Qwen3Model loaded = Qwen3Model.load(folder, manager);
            if (adapterFolder != null) {
              try {
                loaded.loadAdapter(adapterFolder);
              } catch (RuntimeException e) {
                loaded.close();
                throw e;
              }
            }
            return loaded;
          });
    }

    /** "1,2,3" → ids, each checked against the vocabulary size. */
    static int[] ids(String text, int vocab) {
      String[] parts = text.split(",", -1);
      int[] ids = new int[parts.length];
      for (int i = 0; i < parts.length; i++) {
        try {
          ids[i] = Integer.parseInt(parts[i].trim());
        } catch (NumberFormatException e) {
          throw new UserInputException(
              "--ids: '" + parts[i] + "' is not a token id (expected e.g. 1,2,3)");
        }
        if (ids[i] < 0 || ids[i] >= vocab) {
          throw new UserInputException(
              "--ids: token id " + ids[i] + " is outside the vocabulary [0, " + vocab + ")");
        }
      }
      return ids;
    }

    /**
     * A JSON array of {"role": ..., "content": ...} objects (other fields kept for the template).
     */
    static List<Map<String, Object>> messages(Path file) {
      if (!Files.isRegularFile(file)) {
        throw new UserInputException("--messages " + file + ": no such file");
      }
      JsonNode root;
      try {
        root = new ObjectMapper().readTree(file.toFile());
      } catch (IOException e) {
        throw new UserInputException(
            "--messages " + file + ": not valid JSON (" + e.getMessage().split("\n")[0] + ")");
      }
      if (root == null || !root.isArray()) {
        throw new UserInputException(
            "--messages " + file + ": expected a JSON array of {\"role\", \"content\"} objects");
      }
      List<Map<String, Object>> messages = new ArrayList<>();
      for (int i = 0; i < root.size(); i++) {
        JsonNode m = root.get(i);
        if (!m.path("role").isTextual() || !m.path("content").isTextual()) {
          throw new UserInputException(
              "--messages " + file + ": message " + i + " needs string fields role and content");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> plain = new ObjectMapper().convertValue(m, LinkedHashMap.class);
        messages.add(plain);
      }
      return messages;
    }

    static <T> T userErrors(Supplier<T> action) {
      try {
        return action.get();
      } catch (CheckpointException e) {
        throw new UserInputException(e.getMessage(), e);
      }
    }
  }
}
