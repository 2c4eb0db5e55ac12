package org.laimark.model.pretrain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes {@code laimark.conf} into a pre-trained model's folder: the settings that belong to the model
 * rather than to an experiment, layered under any experiment file whenever the model is used (see
 * {@code LaimarkConfig.load}). The small model knows only the prompts it was trained with, writes short
 * answers (so the token caps are its own), and has its own held-out benchmark beside it.
 */
public final class ModelSettingsFile {

  public static final String FILE = "laimark.conf";

  /**
   * The difficulties (operations per problem) the pipeline asks for: it learned 1-4, but a one-operation
   * problem is almost always solved, so asking for it wastes calibrations on problems outside the window.
   */
  static final List<String> DIFFICULTIES = List.of("2", "3", "4");

  private ModelSettingsFile() {}

  /** @param topics every topic the "write" examples were asked under ({@link WriteTopic#all}) */
  public static void write(Path directory, PretrainPrompts prompts, List<String> topics, String heldOutFile) {
    String text = """
        # Settings of this model, layered under any experiment file whenever it is the model in use
        # (written by `laimark pretrain`; docs/embedded-model.md). ${model-dir} is this folder.

        # The prompts the model was pre-trained with: it knows no others.
        laimark.eval.prompt {
          system = %1$s
          user = %2$s
        }
        laimark.pipeline.generator {
          system-prompt = %1$s
          fresh-template = %3$s
          harder-template = %4$s
          topics = %7$s
          difficulties = %8$s
          # A written problem is ~380 tokens (a harder variant up to ~450).
          max-new-tokens = 640
          # Measured on this model: at 0.9 (the study's) it rarely keeps the function's name the same across
          # FUNCTION, TESTS and SOLUTION; at 0.3 it does in about one problem of three.
          temperature = 0.3
          # It writes programs it cannot evaluate in its head: its written expected values are almost never
          # right. So the problem is its SOLUTION's function, and the values are what that returns for the
          # calls it wrote, computed in the sandbox (verification and calibration then judge as usual).
          expected-values = reference
        }
        laimark.pipeline.tasks {
          prompts {
            system = %1$s
            induction = %2$s
            deduction = %5$s
            abduction = %6$s
          }
          # A body is ~35 tokens, a literal a few.
          max-new-tokens = 160
          derived-max-new-tokens = 48
        }
        laimark.eval.generation.max-new-tokens = 160

        # GRPO on the adapter of a ~1M-parameter model: the study's 5e-6 (for 8B) would not move it. Measured
        # (curated source, 6 minutes): peak 5e-4 over the default 1000-step schedule never left its 100-step
        # warm-up (LoRA B reached 2e-4 after 9 rounds) and changed no held-out answer; over a 100-step schedule
        # it changed one of 300 in 10 rounds. So: a 200-step schedule (20 warm-up steps, what a 10-minute run
        # reaches; a daemon's learning rate reaches 0 at round 200, raise run.schedule-steps for longer runs).
        laimark.pipeline.run.learning-rate = 1e-3
        laimark.pipeline.run.schedule-steps = 200
        # This model trains a round in seconds, and accepted problems arrive a few a minute: start a round as soon
        # as one is fresh (padded from the bank's least-trained problems, so they are revisited as in epochs)
        # instead of waiting up to a minute for four.
        laimark.pipeline.stream.round-max-wait = 15s

        # Its held-out benchmark ("mini-HumanEval"): nothing trains on it. The pipeline rejects a written
        # problem that nearly copies one of it (same entry point or docstring Jaccard > 0.6, the rule that
        # separated the splits); the n-gram containment guard stays on HumanEval and MBPP, because every
        # problem of this templated domain "contains" the held-out phrasing.
        # Its curated training set (never the held-out one), for runs with source = problem-file.
        laimark.pipeline.problem-file = ${model-dir}"/curated.jsonl"

        laimark.pipeline.evaluation {
          benchmark = ${model-dir}"/%9$s"
          max-new-tokens = 160
        }
                """.formatted(quote(prompts.system()), quote(prompts.solve()), quote(prompts.write()),
        quote(prompts.harder()), quote(prompts.deduce()), quote(prompts.abduce()), list(topics),
        list(DIFFICULTIES), heldOutFile);
    try {
      Files.writeString(directory.resolve(FILE), text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(directory.resolve(FILE) + ": cannot write (" + e.getMessage() + ")", e);
    }
  }

  /** A HOCON quoted string (JSON string syntax). */
  static String quote(String s) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\t' -> out.append("\\t");
        default -> out.append(c);
      }
    }
    return out.append('"').toString();
  }

  private static String list(List<String> values) {
    return values.stream().map(ModelSettingsFile::quote).collect(Collectors.joining(", ", "[", "]"));
  }
}
