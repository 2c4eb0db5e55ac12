package org.laimark.model.tokenizer;

/**
 * Qwen3's reasoning blocks. A Qwen3 answer may start with {@code <think>...</think>}; the answer
 * proper is what follows the closing tag. {@code /no_think} at the end of a user turn is the soft
 * switch asking the model to skip reasoning (it then emits an empty think block); the chat
 * template's {@code enable_thinking=false} is the hard switch.
 */
public final class ThinkBlocks {

  public static final String OPEN = "<think>";
  public static final String CLOSE = "</think>";
  public static final String NO_THINK = "/no_think";

  private ThinkBlocks() {}

  /**
   * The answer without its reasoning: the text after the last {@code </think>}, leading blank lines
   * removed. A {@code <think>} that is never closed (the budget ran out mid-thought) leaves no
   * answer.
   */
  public static String stripThinking(String completion) {
    int close = completion.lastIndexOf(CLOSE);
    if (close >= 0) {
      return PythonStrings.lstrip(completion.substring(close + CLOSE.length()), "\n");
    }
    int open = completion.indexOf(OPEN);
    return open >= 0 ? completion.substring(0, open) : completion;
  }

  /** The reasoning inside the first think block, or "" when there is none. */
  public static String reasoning(String completion) {
    int open = completion.indexOf(OPEN);
    if (open < 0) {
      return "";
    }
    int close = completion.indexOf(CLOSE, open);
    String inside =
        close < 0
            ? completion.substring(open + OPEN.length())
            : completion.substring(open + OPEN.length(), close);
    return PythonStrings.rstrip(PythonStrings.lstrip(inside, "\n"), "\n");
  }

  /** A user turn with Qwen3's soft switch appended, unless it already ends with it. */
  public static String withNoThink(String userContent) {
    return userContent.stripTrailing().endsWith(NO_THINK)
        ? userContent
        : userContent + " " + NO_THINK;
  }
}
