package org.laimark.actors.eval;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.laimark.data.Problem;

/**
 * How an answer becomes the solution that is judged: this project's way, or the original study's.
 *
 * <p>The judged program is always {@link Problem#programFor} of the solution, with the problem's tests; for
 * HumanEval that is the official harness's {@code prompt + completion + test + check(ENTRY)}.
 */
public enum Harness {

  /**
   * {@link CodeExtractor} with indentation preserved. A body goes right under the stub; a full function goes
   * after the stub (the stub still supplies imports and helper functions the answer may rely on, and its
   * docstring-only {@code def} is simply redefined).
   */
  STANDARD("standard") {
    @Override
    public Prepared prepare(Problem problem, String answer, AnswerMode mode) {
      CodeExtractor.Extracted code = CodeExtractor.extract(answer, problem.entryPoint(), mode);
      if (code.empty()) {
        return new Prepared(null, code.mode());
      }
      String stub = endingInNewline(problem.prompt());
      String separator = code.mode() == AnswerMode.FULL_FUNCTION ? "\n" : "";
      return new Prepared(stub + separator + code.code() + "\n", code.mode());
    }
  },

  /**
   * The original study's evaluator, reproduced so its numbers can be compared both ways (docs/evaluation.md):
   * keep what follows the first {@code </think>}; delete {@code <|...|>} tokens; strip; if there are
   * {@code ```python} blocks take the last one, stripped, else drop one leading {@code ```} or {@code
   * ```python} line and one trailing {@code ```}; strip again and add a newline, or use {@code "    pass\n"}
   * when nothing is left; append that to the stub (after a newline when the stub lacks one, as the study's
   * calibrator joined its own problems' stubs). Stripping removes the first line's indentation, so a body
   * answer always fails and only a column-0 {@code def} can pass. The mode is ignored (the study had none);
   * the recorded mode says whether the final text defined the entry point.
   */
  SEED_COMPAT("seed") {
    @Override
    public Prepared prepare(Problem problem, String answer, AnswerMode mode) {
      String text = answer;
      int close = text.indexOf("</think>");
      if (close >= 0) {
        text = text.substring(close + "</think>".length());
      }
      text = STUDY_SPECIAL_TOKEN.matcher(text).replaceAll("").strip();
      String lastPythonBlock = null;
      Matcher block = STUDY_PYTHON_BLOCK.matcher(text);
      while (block.find()) {
        lastPythonBlock = block.group(1);
      }
      if (lastPythonBlock != null) {
        text = lastPythonBlock.strip();
      } else {
        text = STUDY_LEADING_FENCE.matcher(text).replaceFirst("");
        text = STUDY_TRAILING_FENCE.matcher(text).replaceFirst("");
      }
      text = text.strip();
      String completion = text.isEmpty() ? "    pass\n" : text + "\n";
      AnswerMode seen =
          CodeExtractor.definition(problem.entryPoint()).matcher(completion).find()
              ? AnswerMode.FULL_FUNCTION
              : AnswerMode.BODY;
      return new Prepared(endingInNewline(problem.prompt()) + completion, seen);
    }
  };

  private static final Pattern STUDY_SPECIAL_TOKEN = Pattern.compile("<\\|[^>]+\\|>");
  private static final Pattern STUDY_PYTHON_BLOCK = Pattern.compile("(?s)```python\\s*\\n(.*?)```");
  private static final Pattern STUDY_LEADING_FENCE = Pattern.compile("^```(?:python)?\\s*\\n");
  private static final Pattern STUDY_TRAILING_FENCE = Pattern.compile("\\n?```\\s*$");

  private final String wireName;

  Harness(String wireName) {
    this.wireName = wireName;
  }

  /**
   * The solution to judge, or an empty answer.
   *
   * @param mode how to read the answer ({@link #SEED_COMPAT} ignores it)
   */
  public abstract Prepared prepare(Problem problem, String answer, AnswerMode mode);

  /** {@code standard} or {@code seed}. */
  public String wireName() {
    return wireName;
  }

  private static String endingInNewline(String text) {
    return text.endsWith("\n") ? text : text + "\n";
  }

  /**
   * What an answer became.
   *
   * @param solution source defining the entry point (stub included), or {@code null} for an empty answer
   * @param mode how the answer was read
   */
  public record Prepared(String solution, AnswerMode mode) {
    public boolean empty() {
      return solution == null;
    }
  }
}
