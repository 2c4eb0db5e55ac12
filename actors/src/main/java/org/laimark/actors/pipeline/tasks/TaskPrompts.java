package org.laimark.actors.pipeline.tasks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.laimark.config.TaskMixSettings;
import org.laimark.data.Problem;
import org.laimark.data.TaskType;
import org.laimark.model.policy.ChatMessage;
import org.laimark.model.policy.GenerationRequest;
import org.laimark.model.policy.SamplingParams;

/**
 * How a problem of each type is put to the policy: the system prompt, the type's user template, and
 * the type's sampling (shared by calibration and training, so both measure the same thing). Sample
 * seeds are derived from the purpose ("calibrate", "rollout"...), the task key, a round and the
 * sample index.
 */
public final class TaskPrompts {

  private final TaskMixSettings settings;

  public TaskPrompts(TaskMixSettings settings) {
    this.settings = settings;
  }

  public List<ChatMessage> messages(Problem problem) {
    List<ChatMessage> chat = new ArrayList<>(2);
    if (!settings.systemPrompt().isEmpty()) {
      chat.add(ChatMessage.system(settings.systemPrompt()));
    }
    chat.add(ChatMessage.user(userMessage(problem)));
    return chat;
  }

  private String userMessage(Problem problem) {
    if (problem.taskType() == TaskType.DEDUCTION) {
      return PromptTemplate.fill(
          settings.deductionPrompt(),
          Map.of("code", problem.deduction().code(), "call", problem.deduction().call()));
    }
    if (problem.taskType() == TaskType.ABDUCTION) {
      return PromptTemplate.fill(
          settings.abductionPrompt(),
          Map.of(
              "code",
              problem.abduction().code(),
              "function",
              problem.abduction().funcName(),
              "output",
              problem.abduction().expected()));
    }
    return PromptTemplate.fill(settings.inductionPrompt(), Map.of("stub", problem.prompt()));
  }

  /** {@code count} requests for sample indices {@code from .. from + count - 1}. */
  public List<GenerationRequest> requests(
      Problem problem, String purpose, long round, int from, int count) {
    List<ChatMessage> chat = messages(problem);
    String key = TaskKeys.of(problem);
    int maxTokens =
        problem.taskType() == TaskType.INDUCTION
            ? settings.inductionMaxNewTokens()
            : settings.derivedMaxNewTokens();
    List<GenerationRequest> out = new ArrayList<>(count);
    for (int i = from; i < from + count; i++) {
      long seed = SampleSeeds.derive(settings.seed(), purpose, key, round, i);
      out.add(
          new GenerationRequest(
              chat,
              new SamplingParams(settings.temperature(), settings.topP(), 0, maxTokens, seed),
              key));
    }
    return out;
  }
}
