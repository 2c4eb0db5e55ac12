package org.laimark.actors.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CodeExtractorTest {
  private static final String BODY = "    total = 0\n    for x in xs:\n        total += x\n    return total";
  private static final String FUNCTION = "def add_all(xs):\n" + BODY;

  private static CodeExtractor.Extracted auto(String answer) {
    return CodeExtractor.extract(answer, "add_all", AnswerMode.AUTO);
  }

  @Test
  void keepsAnUnfencedBodyExactlyWithItsIndentation() {
    CodeExtractor.Extracted e = auto(BODY + "\n");

    assertEquals(BODY, e.code());
    assertEquals(AnswerMode.BODY, e.mode());
  }

  @Test
  void keepsAFencedBodysIndentation() {
    CodeExtractor.Extracted e = auto("Here it is:\n\n```python\n" + BODY + "\n```\nThis sums the list.");

    assertEquals(BODY, e.code());
    assertEquals(AnswerMode.BODY, e.mode());
  }

  @Test
  void doesNotRepairABodyWhoseFirstLineLostItsIndentation() {
    String broken = BODY.substring(4);

    assertEquals(broken, auto("```python\n" + broken + "\n```").code());
  }

  @Test
  void recognisesAFullFunctionAndPrefersTheBlockThatDefinesIt() {
    String answer = "```python\n" + FUNCTION + "\n```\n\nUsage:\n```python\nprint(add_all([1, 2]))\n```";

    CodeExtractor.Extracted e = auto(answer);

    assertEquals(FUNCTION, e.code());
    assertEquals(AnswerMode.FULL_FUNCTION, e.mode());
  }

  @Test
  void takesTheLastDefiningBlockWhenTheAnswerRevisesItself() {
    String first = "def add_all(xs):\n    return 0";
    String answer = "```python\n" + first + "\n```\nWait, that is wrong.\n```python\n" + FUNCTION + "\n```";

    assertEquals(FUNCTION, auto(answer).code());
  }

  @Test
  void takesTheFirstBlockForABodyAndIgnoresOtherLanguages() {
    String answer = "```text\nnot code\n```\n```\n" + BODY + "\n```\n```python\nassert add_all([]) == 0\n```";

    assertEquals(BODY, auto(answer).code());
  }

  @Test
  void dropsThinkBlocksAndSpecialTokens() {
    String answer = "<think>\nLet me add them. ```python\nreturn 0\n```\n</think>\n\n" + BODY + "<|im_end|>";

    assertEquals(BODY, auto(answer).code());
  }

  @Test
  void dropsReasoningBeforeAStrayClosingThinkTag() {
    assertEquals(BODY, auto("reasoning opened by the template\n</think>\n" + BODY).code());
  }

  @Test
  void treatsAnUnfinishedThinkBlockAsNoAnswer() {
    assertTrue(auto("<think>\nStill thinking about " + BODY).empty());
  }

  @Test
  void readsAnUnclosedFenceToTheEnd() {
    assertEquals(FUNCTION, auto("```python\n" + FUNCTION + "\n").code());
  }

  @Test
  void dropsALoneClosingFence() {
    assertEquals(BODY, auto(BODY + "\n```\n").code());
  }

  @Test
  void honoursAForcedMode() {
    assertEquals(AnswerMode.BODY, CodeExtractor.extract(FUNCTION, "add_all", AnswerMode.BODY).mode());
    assertEquals(AnswerMode.FULL_FUNCTION,
        CodeExtractor.extract(BODY, "add_all", AnswerMode.FULL_FUNCTION).mode());
  }

  @Test
  void doesNotTakeAnIndentedOrDifferentlyNamedDefAsTheFunction() {
    assertEquals(AnswerMode.BODY, auto("    def add_all(xs):\n        return 0").mode());
    assertEquals(AnswerMode.BODY, auto("def add_all_fast(xs):\n    return 0").mode());
  }

  @Test
  void normalisesWindowsLineEnds() {
    assertEquals(BODY, auto(BODY.replace("\n", "\r\n")).code());
  }

  @Test
  void findsNothingInAnEmptyAnswer() {
    assertTrue(auto("").empty());
    assertTrue(auto("  \n\n").empty());
    assertTrue(auto("```python\n```").empty());
  }
}
