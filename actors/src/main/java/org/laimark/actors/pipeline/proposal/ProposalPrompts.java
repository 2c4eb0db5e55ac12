package org.laimark.actors.pipeline.proposal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.laimark.actors.pipeline.tasks.PromptTemplate;
import org.laimark.actors.pipeline.tasks.SampleSeeds;
import org.laimark.config.GeneratorSettings;
import org.laimark.data.Problem;
import org.laimark.model.policy.ChatMessage;
import org.laimark.model.policy.GenerationRequest;
import org.laimark.model.policy.SamplingParams;

/**
 * The generation request for a {@link ProposalSpec}: the configured templates filled in, the
 * generator's sampling, and a seed derived from the proposal index. Task keys start with {@code
 * propose} (what a simulated policy answers with a problem text): {@code propose:TOPIC/DIFFICULTY}
 * or {@code propose-harder:ENTRY_POINT}.
 */
public final class ProposalPrompts {

  private final GeneratorSettings settings;

  public ProposalPrompts(GeneratorSettings settings) {
    this.settings = settings;
  }

  public GenerationRequest request(ProposalSpec spec) {
    String user;
    String key;
    if (spec instanceof ProposalSpec.HarderVariant) {
      Problem parent = ((ProposalSpec.HarderVariant) spec).parent();
      user = PromptTemplate.fill(settings.harderTemplate(), Map.of("problem", render(parent)));
      key = "propose-harder:" + parent.entryPoint();
    } else {
      ProposalSpec.FreshProblem fresh = (ProposalSpec.FreshProblem) spec;
      user =
          PromptTemplate.fill(
              settings.freshTemplate(),
              Map.of("topic", fresh.topic(), "difficulty", fresh.difficulty()));
      key = "propose:" + fresh.topic() + "/" + fresh.difficulty();
    }
    List<ChatMessage> chat = new ArrayList<>(2);
    if (!settings.systemPrompt().isEmpty()) {
      chat.add(ChatMessage.system(settings.systemPrompt()));
    }
    chat.add(ChatMessage.user(user));
    long seed = SampleSeeds.derive(settings.seed(), "propose", spec.index());
    return new GenerationRequest(
        chat,
        new SamplingParams(
            settings.temperature(), settings.topP(), 0, settings.maxNewTokens(), seed),
        key);
  }

  /** A problem shown to the model: its stub and its tests, in the sections it is asked to write. */
  static String render(Problem p) {
    return "FUNCTION:\n" + p.prompt().stripTrailing() + "\n\nTESTS:\n" + p.tests().strip();
  }
}
