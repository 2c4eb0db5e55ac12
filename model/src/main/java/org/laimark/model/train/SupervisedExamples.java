package org.laimark.model.train;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.laimark.data.Problem;
import org.laimark.data.TaskType;
import org.laimark.data.io.ProblemFiles;
import org.laimark.data.io.ReadResult;
import org.laimark.model.policy.ChatMessage;
import org.laimark.model.policy.RolloutGroup;
import org.laimark.model.tokenizer.Qwen3Tokenizer;

/**
 * SFT examples from a problem file (the study's JSONL, or HumanEval/MBPP records): the prompt is the chat
 * the evaluator sends (system message, then the user template with {@code {stub}} replaced by the
 * problem's stub, rendered by the checkpoint's chat template with the generation prompt), the completion
 * is what the evaluator appends to the stub ({@link SolutionBody}) followed by the end-of-sequence token. A line
 * that cannot be used (malformed, no solution, not an induction problem, too long) becomes a one-line
 * error naming the file and line; the other lines are still read.
 */
public final class SupervisedExamples {

  private SupervisedExamples() {}

  /**
   * @param system the system message; empty for none
   * @param userTemplate the user message, containing {@code {stub}}
   * @param maxTokens longest prompt + completion kept
   */
  public static ReadResult<SupervisedExample> read(
      Path file, Qwen3Tokenizer tokenizer, String system, String userTemplate, int maxTokens) {
    if (!userTemplate.contains("{stub}")) {
      throw new IllegalArgumentException("the user prompt must contain {stub}, got: " + userTemplate);
    }
    return ProblemFiles.read(file, null)
        .map(problem -> example(problem, tokenizer, system, userTemplate, maxTokens));
  }

  static SupervisedExample example(
      Problem problem, Qwen3Tokenizer tokenizer, String system, String userTemplate, int maxTokens) {
    if (problem.taskType() != TaskType.INDUCTION || problem.solution().isBlank()) {
      throw new IllegalArgumentException(
          "SFT needs a programming problem with a stub (prompt) and a reference solution; "
              + problem.id()
              + " is "
              + problem.taskType()
              + (problem.solution().isBlank() ? " without a solution" : ""));
    }
    if (problem.prompt().isBlank()) {
      throw new IllegalArgumentException("problem " + problem.id() + " has an empty prompt (stub)");
    }
    List<ChatMessage> chat = new ArrayList<>();
    if (!system.isEmpty()) {
      chat.add(ChatMessage.system(system));
    }
    chat.add(ChatMessage.user(userTemplate.replace("{stub}", problem.prompt())));
    int[] prompt = tokenizer.encodeChat(chat, true, null);
    String answer = SolutionBody.answerFor(problem.prompt(), problem.solution(), problem.entryPoint());
    int[] completion = withStop(tokenizer, answer);
    SupervisedExample example = new SupervisedExample(prompt, completion);
    requireLength(example.length(), maxTokens);
    return example;
  }

  /**
   * One example per group that carries a demonstration (a verified answer to the group's prompt): the
   * prompt as the group's rollouts were sampled from it, the demonstration as the completion. The
   * rollouts themselves are not examples; groups without a demonstration give none.
   */
  public static List<SupervisedExample> fromDemonstrations(
      List<RolloutGroup> groups, Qwen3Tokenizer tokenizer) {
    List<SupervisedExample> out = new ArrayList<>();
    for (RolloutGroup group : groups) {
      if (group.demonstration() != null) {
        int[] prompt = group.completions().get(0).promptIds();
        out.add(new SupervisedExample(prompt, withStop(tokenizer, group.demonstration())));
      }
    }
    return out;
  }

  /** The answer's tokens and the end-of-sequence token that stops generation. */
  static int[] withStop(Qwen3Tokenizer tokenizer, String answer) {
    int[] ids = tokenizer.encode(answer, false);
    int[] out = java.util.Arrays.copyOf(ids, ids.length + 1);
    out[ids.length] = tokenizer.eosTokenId();
    return out;
  }

  static void requireLength(int tokens, int maxTokens) {
    if (tokens > maxTokens) {
      throw new IllegalArgumentException(
          "prompt and answer are " + tokens + " tokens, more than the limit of " + maxTokens);
    }
  }
}
