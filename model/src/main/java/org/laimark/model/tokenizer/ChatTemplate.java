package org.laimark.model.tokenizer;

import com.fasterxml.jackson.databind.JsonNode;
import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.JinjavaConfig;
import com.hubspot.jinjava.LegacyOverrides;
import com.hubspot.jinjava.el.JinjavaInterpreterResolver;
import com.hubspot.jinjava.interpret.RenderResult;
import com.hubspot.jinjava.interpret.TemplateError;
import com.hubspot.jinjava.lib.fn.ELFunctionDefinition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jinjava.javax.el.CompositeELResolver;
import org.laimark.model.CheckpointException;
import org.laimark.model.policy.ChatMessage;

/**
 * A checkpoint's chat template ({@code chat_template.jinja}, else {@code chat_template} in {@code
 * tokenizer_config.json}) rendered as transformers' {@code apply_chat_template} renders it: Jinja2
 * with trim_blocks and lstrip_blocks, the tokenizer's special tokens and {@code raise_exception} in
 * scope, {@code enable_thinking} passed only when given. Jinjava stands in for Jinja2, helped by
 * {@link JinjaDialect} (two syntax rewrites) and {@link PythonMethods} (Python string methods).
 * Tools and documents are not supported.
 */
public final class ChatTemplate {

  private final String origin;
  private final String template;
  private final Map<String, String> specialTokens;
  private final Jinjava jinjava;

  private ChatTemplate(String origin, String source, Map<String, String> specialTokens) {
    this.origin = origin;
    this.template = JinjaDialect.adapt(source);
    this.specialTokens = Map.copyOf(specialTokens);
    CompositeELResolver resolver = new CompositeELResolver();
    resolver.add(new PythonMethods());
    resolver.add(JinjavaInterpreterResolver.DEFAULT_RESOLVER_READ_ONLY);
    this.jinjava =
        new Jinjava(
            JinjavaConfig.newBuilder()
                .withTrimBlocks(true)
                .withLstripBlocks(true)
                .withElResolver(resolver)
                .withLegacyOverrides(
                    LegacyOverrides.newBuilder()
                        .withUseTrimmingForNotesAndExpressions(true)
                        .withUseNaturalOperatorPrecedence(true)
                        .withParseWhitespaceControlStrictly(true)
                        .build())
                .build());
    jinjava
        .getGlobalContext()
        .registerFunction(
            new ELFunctionDefinition(
                "", "raise_exception", ChatTemplate.class, "raiseException", String.class));
  }

  /** A template from source text; {@code specialTokens} maps e.g. "eos_token" to its text. */
  public static ChatTemplate of(String origin, String source, Map<String, String> specialTokens) {
    return new ChatTemplate(origin, source, specialTokens);
  }

  /** The template of a checkpoint folder; a one-line error when it has none. */
  public static ChatTemplate fromCheckpoint(
      Path directory, JsonNode tokenizerConfig, Map<String, String> specialTokens) {
    Path file = directory.resolve("chat_template.jinja");
    if (Files.isRegularFile(file)) {
      try {
        return of(file.toString(), Files.readString(file), specialTokens);
      } catch (IOException e) {
        throw new CheckpointException(file + ": cannot read (" + e.getMessage() + ")", e);
      }
    }
    Path config = directory.resolve(Qwen3Tokenizer.CONFIG_FILE);
    JsonNode node = tokenizerConfig == null ? null : tokenizerConfig.get("chat_template");
    if (node != null && node.isArray()) {
      for (JsonNode named : node) {
        if (named.path("name").asText().equals("default")) {
          node = named.get("template");
          break;
        }
      }
    }
    if (node == null || !node.isTextual()) {
      throw new CheckpointException(config + ": no chat_template (and no chat_template.jinja)");
    }
    return of(config + " chat_template", node.asText(), specialTokens);
  }

  /** Renders with {@code enable_thinking} left undefined (the template's default). */
  public String render(List<ChatMessage> messages, boolean addGenerationPrompt) {
    return render(messages, addGenerationPrompt, null);
  }

  /** Renders chat messages; {@code enableThinking} null leaves the variable undefined. */
  public String render(
      List<ChatMessage> messages, boolean addGenerationPrompt, Boolean enableThinking) {
    List<Map<String, Object>> plain = new ArrayList<>();
    for (ChatMessage m : messages) {
      Map<String, Object> message = new LinkedHashMap<>();
      message.put("role", m.role());
      message.put("content", m.content());
      plain.add(message);
    }
    return renderMessages(plain, addGenerationPrompt, enableThinking);
  }

  /** Renders messages given as JSON-like maps (role, content, and e.g. reasoning_content). */
  public String renderMessages(
      List<Map<String, Object>> messages, boolean addGenerationPrompt, Boolean enableThinking) {
    Map<String, Object> context = new HashMap<>(specialTokens);
    context.put("messages", messages);
    context.put("add_generation_prompt", addGenerationPrompt);
    if (enableThinking != null) {
      context.put("enable_thinking", enableThinking);
    }
    RenderResult result = jinjava.renderForResult(template, context);
    for (TemplateError error : result.getErrors()) {
      if (error.getSeverity() == TemplateError.ErrorType.FATAL) {
        throw new CheckpointException(
            origin
                + ": cannot render (line "
                + error.getLineno()
                + ": "
                + rootMessage(error)
                + ")");
      }
    }
    return result.getOutput();
  }

  /** The innermost cause's message: for raise_exception, the template's own words. */
  private static String rootMessage(TemplateError error) {
    Throwable cause = error.getException();
    String message = error.getMessage();
    while (cause != null) {
      if (cause.getMessage() != null) {
        message = cause.getMessage();
      }
      cause = cause.getCause() == cause ? null : cause.getCause();
    }
    return message;
  }

  /** Whether the template reacts to {@code enable_thinking} (Qwen3's hard switch). */
  public boolean hasThinkingSwitch() {
    return template.contains("enable_thinking");
  }

  /** Bound to {@code raise_exception} in templates, as transformers does. */
  public static String raiseException(String message) {
    throw new IllegalArgumentException("template raised: " + message);
  }
}
