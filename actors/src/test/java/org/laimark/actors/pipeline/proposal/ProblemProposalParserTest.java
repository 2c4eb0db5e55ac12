package org.laimark.actors.pipeline.proposal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProblemProposalParserTest {

  private static final String GOOD =
      String.join(
          "\n",
          "Here is a problem.",
          "FUNCTION:",
          "```python",
          "def count_vowels(s: str) -> int:",
          "    \"\"\"Count vowels.",
          "    >>> count_vowels('abc')",
          "    1",
          "    \"\"\"",
          "```",
          "TESTS:",
          "assert count_vowels('abc') == 1",
          "  assert count_vowels('') == 0",
          "print('not a test')",
          "SOLUTION:",
          "def helper(c):",
          "    return c in 'aeiou'",
          "",
          "def count_vowels(s: str) -> int:",
          "    return sum(1 for c in s if helper(c))",
          "");

  @Test
  void readsTheThreeSectionsKeepingIndentation() {
    ProposalParse parse = ProblemProposalParser.parse(GOOD);

    assertTrue(parse.ok());
    ParsedProposal p = parse.proposal();
    assertEquals("count_vowels", p.entryPoint());
    assertTrue(p.stub().startsWith("def count_vowels(s: str) -> int:\n    \"\"\"Count vowels."));
    assertEquals(
        List.of("assert count_vowels('abc') == 1", "assert count_vowels('') == 0"), p.tests());
    assertTrue(p.solution().contains("\n    return sum(1 for c in s if helper(c))"));
  }

  @Test
  void acceptsMarkdownDecoratedMarkersAndThinking() {
    String text =
        "<think>plan it</think>\n### FUNCTION:\ndef f(x):\n    \"\"\"Doc.\"\"\"\n**TESTS:**\n"
            + "assert f(1) == 1\nassert f(2) == 2\n**SOLUTION:** def f(x):\n    return x\n";

    ProposalParse parse = ProblemProposalParser.parse(text);

    assertTrue(parse.ok(), parse.toString());
    assertEquals("def f(x):\n    return x", parse.proposal().solution());
  }

  @Test
  void theEntryPointIsTheFirstDefInTheFunctionSection() {
    String text =
        "FUNCTION:\n"
            + "def first(a):\n"
            + "    \"\"\"A.\"\"\"\n"
            + "def second(b):\n"
            + "    pass\n"
            + "TESTS:\n"
            + "assert first(1) == 1\n"
            + "assert first(2) == 2\n"
            + "SOLUTION:\n"
            + "def first(a):\n"
            + "    return a\n";

    assertEquals("first", ProblemProposalParser.parse(text).proposal().entryPoint());
  }

  @Test
  void namesTheReasonForEveryMalformedProposal() {
    assertEquals(ProposalRejection.EMPTY_OUTPUT, reason("  \n<think>only thinking</think>"));
    assertEquals(
        ProposalRejection.MISSING_FUNCTION_SECTION, reason(GOOD.replace("FUNCTION:", "CODE:")));
    assertEquals(
        ProposalRejection.MISSING_TESTS_SECTION, reason(GOOD.replace("TESTS:", "CHECKS:")));
    assertEquals(
        ProposalRejection.MISSING_SOLUTION_SECTION, reason(GOOD.replace("SOLUTION:", "ANSWER:")));
    assertEquals(
        ProposalRejection.NO_FUNCTION_DEFINITION,
        reason(GOOD.replace("def count_vowels(s: str) -> int:\n    \"\"\"", "\"\"\"")));
    assertEquals(
        ProposalRejection.TOO_FEW_TESTS,
        reason(GOOD.replace("  assert count_vowels('') == 0", "")));
    assertEquals(
        ProposalRejection.SOLUTION_MISSING_ENTRY_POINT,
        reason(
            GOOD.replace(
                "def count_vowels(s: str) -> int:\n    return", "def other(s):\n    return")));
    assertEquals(ProposalRejection.EMPTY_OUTPUT, reason(null));
  }

  @Test
  void rejectionLabelsAreStableLowercase() {
    assertEquals("too_few_tests", ProposalRejection.TOO_FEW_TESTS.label());
  }

  private static ProposalRejection reason(String text) {
    ProposalParse parse = ProblemProposalParser.parse(text);
    assertTrue(!parse.ok(), "expected a rejection for: " + text);
    return parse.rejection();
  }
}
