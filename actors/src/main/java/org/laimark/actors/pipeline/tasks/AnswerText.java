package org.laimark.actors.pipeline.tasks;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The part of a model's answer that is the answer: thinking blocks removed ({@code
 * <think>...</think>}, and everything after an unclosed {@code <think>}), then the first fenced
 * code block if there is one. Indentation inside the answer is kept exactly: it is part of the
 * answer.
 */
public final class AnswerText {

  private static final Pattern THINK = Pattern.compile("(?s)<think>.*?</think>");
  private static final Pattern FENCE = Pattern.compile("(?s)```[^\\n]*\\n(.*?)(?:```|$)");

  private AnswerText() {}

  public static String of(String completion) {
    String text = withoutThinking(completion);
    Matcher fence = FENCE.matcher(text);
    return fence.find() ? fence.group(1) : text;
  }

  /** The completion with thinking blocks removed (null reads as empty). */
  public static String withoutThinking(String completion) {
    if (completion == null) {
      return "";
    }
    String text = THINK.matcher(completion).replaceAll("");
    int open = text.indexOf("<think>");
    return open >= 0 ? text.substring(0, open) : text;
  }

  /** The answer as one short value: also strips surrounding whitespace and inline backticks. */
  public static String value(String completion) {
    String text = of(completion).strip();
    while (text.length() >= 2 && text.startsWith("`") && text.endsWith("`")) {
      text = text.substring(1, text.length() - 1).strip();
    }
    return text;
  }
}
