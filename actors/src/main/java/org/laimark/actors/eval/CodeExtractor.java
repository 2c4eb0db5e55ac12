package org.laimark.actors.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns a model's answer into the code to run, keeping its indentation exactly as written.
 *
 * <ol>
 *   <li>Think blocks go: every {@code <think>...</think>}, an unclosed {@code <think>} to the end (the answer
 *       never left its reasoning), and anything before a stray {@code </think>} (chat templates may open
 *       the block in the prompt). Special tokens like {@code <|im_end|>} go too.
 *   <li>Fenced blocks: when the answer has any, one is chosen. Python-tagged or untagged blocks are the
 *       candidates (all blocks if there are none of those); unless the mode is body-only, the last
 *       candidate defining the entry point at column 0 wins (reasoning models restate their final code
 *       last); otherwise the first candidate (later blocks are usually usage examples). An unclosed fence
 *       runs to the end of the answer (a generation cut off by its token limit); empty blocks are ignored,
 *       and when no block has content, lone fence lines are dropped and the rest is the code.
 *   <li>Blank lines before and after the code are dropped; nothing else is: no line is stripped, no
 *       indentation is added or removed. A body whose first line lost its indentation fails as an
 *       indentation error, which is the point: that is a format error of the model, not of the harness.
 *   <li>In {@link AnswerMode#AUTO} the code is a full function when it defines the entry point at column 0,
 *       else a body.
 * </ol>
 */
public final class CodeExtractor {

  private static final Pattern THINK_BLOCK = Pattern.compile("(?s)<think>.*?</think>");
  private static final Pattern SPECIAL_TOKEN = Pattern.compile("<\\|[^|>\\s]{1,40}\\|>");
  private static final Pattern FENCE = Pattern.compile("^[ \\t]{0,3}(```+|~~~+)[ \\t]*([^`\\s]*)[^`]*$");
  private static final Set<String> PYTHON_TAGS = Set.of("", "python", "py", "python3", "pycon");

  /** The code to run and how it relates to the stub. */
  public record Extracted(String code, AnswerMode mode) {
    public boolean empty() {
      return code.isBlank();
    }
  }

  private CodeExtractor() {}

  /**
   * @param answer the model's raw answer (or a samples file's completion)
   * @param entryPoint the function the tests call
   * @param mode {@link AnswerMode#AUTO} to decide per answer
   */
  public static Extracted extract(String answer, String entryPoint, AnswerMode mode) {
    String text = withoutThinking(answer.replace("\r\n", "\n"));
    text = SPECIAL_TOKEN.matcher(text).replaceAll("");
    Pattern definesEntry = definition(entryPoint);
    List<Block> blocks = fencedBlocks(text);
    String code = blocks.isEmpty() ? withoutFenceLines(text) : choose(blocks, definesEntry, mode).code();
    code = withoutBlankEdges(code);
    AnswerMode resolved = mode;
    if (mode == AnswerMode.AUTO) {
      resolved = definesEntry.matcher(code).find() ? AnswerMode.FULL_FUNCTION : AnswerMode.BODY;
    }
    return new Extracted(code, resolved);
  }

  /** Matches a column-0 definition of {@code entryPoint}. */
  static Pattern definition(String entryPoint) {
    return Pattern.compile("(?m)^(?:async[ \\t]+)?def[ \\t]+" + Pattern.quote(entryPoint) + "[ \\t]*\\(");
  }

  static String withoutThinking(String text) {
    String out = THINK_BLOCK.matcher(text).replaceAll("");
    int open = out.indexOf("<think>");
    if (open >= 0) {
      out = out.substring(0, open);
    }
    int strayClose = out.lastIndexOf("</think>");
    if (strayClose >= 0) {
      out = out.substring(strayClose + "</think>".length());
    }
    return out;
  }

  private record Block(String tag, String code) {}

  private static List<Block> fencedBlocks(String text) {
    List<Block> blocks = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    int i = 0;
    while (i < lines.length) {
      var open = FENCE.matcher(lines[i]);
      if (!open.matches()) {
        i++;
        continue;
      }
      String fence = open.group(1);
      String tag = open.group(2).toLowerCase(Locale.ROOT);
      StringBuilder body = new StringBuilder();
      int j = i + 1;
      while (j < lines.length && !isClosing(lines[j], fence)) {
        body.append(lines[j]).append('\n');
        j++;
      }
      if (!body.toString().isBlank()) {
        blocks.add(new Block(tag, body.toString()));
      }
      i = j + 1;
    }
    return blocks;
  }

  /** Without any non-empty fenced block, a lone fence line (e.g. the closing half of a pair) is dropped. */
  private static String withoutFenceLines(String text) {
    StringBuilder out = new StringBuilder();
    for (String line : text.split("\n", -1)) {
      if (!FENCE.matcher(line).matches()) {
        out.append(line).append('\n');
      }
    }
    return out.toString();
  }

  private static boolean isClosing(String line, String fence) {
    String t = line.strip();
    return t.length() >= fence.length() && t.chars().allMatch(ch -> ch == fence.charAt(0));
  }

  private static Block choose(List<Block> blocks, Pattern definesEntry, AnswerMode mode) {
    List<Block> candidates = blocks.stream().filter(b -> PYTHON_TAGS.contains(b.tag())).toList();
    if (candidates.isEmpty()) {
      candidates = blocks;
    }
    if (mode != AnswerMode.BODY) {
      for (int i = candidates.size() - 1; i >= 0; i--) {
        if (definesEntry.matcher(candidates.get(i).code()).find()) {
          return candidates.get(i);
        }
      }
    }
    return candidates.get(0);
  }

  /** Drops whitespace-only lines at both ends, and trailing whitespace at the very end; keeps the rest. */
  static String withoutBlankEdges(String code) {
    String[] lines = code.split("\n", -1);
    int first = 0;
    while (first < lines.length && lines[first].isBlank()) {
      first++;
    }
    int last = lines.length - 1;
    while (last >= first && lines[last].isBlank()) {
      last--;
    }
    if (first > last) {
      return "";
    }
    StringBuilder out = new StringBuilder();
    for (int i = first; i <= last; i++) {
      out.append(lines[i]);
      if (i < last) {
        out.append('\n');
      }
    }
    return out.toString().stripTrailing();
  }
}
