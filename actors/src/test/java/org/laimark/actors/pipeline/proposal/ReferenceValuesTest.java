package org.laimark.actors.pipeline.proposal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReferenceValuesTest {

  /**
   * Written by the embedded model (seed 2, temperature 0.3): three spellings of the name, wrong values
   * everywhere, and a docstring in SOLUTION that matches its body.
   */
  static final String WRITTEN =
      """
      FUNCTION:
      def running_max_min_square(nums: list[int]) -> int:
          \"""Take a list of integers nums: replace each number by the largest number seen so far, then take the smallest number, or 0 if there is none, then square the number. Return the resulting integer.

          >>> running_max_square_min([9, -3, -5, -1, -5])
          6
          \"""

      TESTS:
      assert running_max_square_square([12, -2, -3, -5, -4]) == -1
      assert running_max_square_square([-4, -2, -1, -2, -5, -2]) == -4
      assert running_max_square_square([12, -2, -3, -5, -4]) == 7
      assert running_max_square_square([0, -3, x]) == -2
      assert running_max_square_square([10, -1, -1, -4, -1, -2]) == [1, 1, 1, 1, 1

      SOLUTION:
      def running_max_square_square(nums: list[int]) -> int:
          \"""Take a list of integers nums: replace each number by the largest number seen so far, then square the number, then square the number. Return the resulting integer.

          >>> running_max_square_square([4, -2, -5, -5, -5, -1])
          -2
          >>> running_max_square_square(nums)
          3
          \"""
          nums = [max(nums[:i + 1]) for i in range(len(nums))]
          n = max(nums, default=0)
          n = n * n
          return n
      """;

  @Test
  void theProblemIsTheSolutionsFunctionWhenTheNamesDisagree() {
    ReferenceValues.Planned planned = ReferenceValues.plan(WRITTEN);

    assertTrue(planned.ok(), planned.detail());
    ReferenceValues.Plan plan = planned.plan();
    assertEquals("running_max_square_square", plan.entryPoint());
    // the repeated call and the one with a name among its arguments are not tests; a cut-off value is
    assertEquals(3, plan.tests().size());
    assertEquals(1, plan.examples().size());
  }

  @Test
  void theProgramCallsTheReferenceWithCanonicalArgumentsOnly() {
    String program = ReferenceValues.plan(WRITTEN).plan().program();

    assertTrue(program.contains("\ndef running_max_square_square(nums: list[int]) -> int:"));
    assertFalse(program.contains(ReferenceValues.SPEC_FUNCTION), "no spec check was asked for");
    assertTrue(program.contains("_laimark_value(0, lambda: running_max_square_square([12, -2, -3, -5, -4]))"));
    assertTrue(program.contains("_laimark_value(2, lambda: running_max_square_square([10, -1, -1, -4, -1, -2]))"));
    assertTrue(program.contains("_laimark_value(3, lambda: running_max_square_square([4, -2, -5, -5, -5, -1]))"));
    assertFalse(program.contains("== -1"), "no written value reaches the program");
  }

  @Test
  void valuesReplaceTheWrittenOnesInTestsAndExamples() {
    ReferenceValues.Plan plan = ReferenceValues.plan(WRITTEN).plan();
    String m = ReferenceValues.MARKER;
    String output = "solution chatter\n" + m + " 0 144\n" + m + " 1 1\n" + m + " 2 !ZeroDivisionError\n"
        + m + " 3 16\n";

    ProposalParse parse = plan.complete(output);

    assertTrue(parse.ok(), parse.detail());
    ParsedProposal p = parse.proposal();
    assertEquals(List.of(
        "assert running_max_square_square([12, -2, -3, -5, -4]) == 144",
        "assert running_max_square_square([-4, -2, -1, -2, -5, -2]) == 1"), p.tests());
    assertEquals("running_max_square_square", p.entryPoint());
    assertTrue(p.stub().contains("    >>> running_max_square_square([4, -2, -5, -5, -5, -1])\n    16\n"), p.stub());
    assertFalse(p.stub().contains("-2\n"), "the written example value is gone");
    assertFalse(p.stub().contains("(nums)"), "an example that is not a literal call is left out");
    assertTrue(p.stub().endsWith("\"\"\"\n"), p.stub()); // as the domain's and HumanEval's prompts end
    assertFalse(p.stub().contains("nums = ["), "the body is not part of the stub");
  }

  @Test
  void fewerThanTwoValuedCallsIsTooFewTests() {
    ReferenceValues.Plan plan = ReferenceValues.plan(WRITTEN).plan();

    ProposalParse parse = plan.complete(ReferenceValues.MARKER + " 0 144\n" + ReferenceValues.MARKER + " 1 <object>\n");

    assertEquals(ProposalRejection.TOO_FEW_TESTS, parse.rejection());
    assertEquals("1 of 3 written calls returned a literal value of at most 200 characters", parse.detail());
  }

  @Test
  void aValueTooLongToReadIsLeftOutOfTheTestsAndTheDocstring() {
    ReferenceValues.Plan plan = ReferenceValues.plan(WRITTEN).plan();
    String m = ReferenceValues.MARKER;
    String huge = java.util.stream.IntStream.range(0, 895).mapToObj(Integer::toString)
        .collect(java.util.stream.Collectors.joining(", ", "[", "]"));
    String output = m + " 0 144\n" + m + " 1 1\n" + m + " 2 " + huge + "\n" + m + " 3 " + huge + "\n";

    ProposalParse parse = plan.complete(output);

    assertTrue(parse.ok(), parse.detail());
    assertEquals(2, parse.proposal().tests().size());
    assertFalse(parse.proposal().tests().stream().anyMatch(t -> t.contains(huge)));
    assertFalse(parse.proposal().stub().contains(">>> running_max_square_square([4, -2, -5, -5, -5, -1])"),
        "the example whose value is too long is left out");
  }

  @Test
  void aSolutionWithoutDocstringPosesNoProblem() {
    String text = "FUNCTION:\ndef f(x):\n    \"\"\"Double x.\"\"\"\n\nTESTS:\nassert f(1) == 2\nassert f(2) == 4\n\n"
        + "SOLUTION:\ndef f(x):\n    return 2 * x\n";

    ReferenceValues.Planned planned = ReferenceValues.plan(text);

    assertEquals(ProposalRejection.SOLUTION_WITHOUT_DOCSTRING, planned.rejection());
  }

  @Test
  void theDeclaredNameWinsWhenTheSolutionDefinesIt() {
    String text = "FUNCTION:\ndef f(x):\n    \"\"\"Double x.\"\"\"\n\nTESTS:\nassert g(1) == 2\nassert g(2) == 4\n\n"
        + "SOLUTION:\ndef helper(x):\n    return x\n\ndef f(x):\n    '''Double x.'''\n    return 2 * helper(x)\n";

    ReferenceValues.Plan plan = ReferenceValues.plan(text).plan();

    assertEquals("f", plan.entryPoint());
    assertEquals(List.of("def f(x):", "    '''Double x.'''"), plan.stubLines());
  }

  /** The embedded model's kind of slip: the docstring squares first, the body reverses first. */
  static final String ORDER_SWAPPED =
      """
      FUNCTION:
      def square_reversed_digits(n: int) -> int:
          \"""Take an integer n: square the number, then reverse its digits, dropping any minus sign. Return the resulting integer.\"""

      TESTS:
      assert square_reversed_digits(7) == 0
      assert square_reversed_digits(12) == 0

      SOLUTION:
      def square_reversed_digits(n: int) -> int:
          \"""Take an integer n: square the number, then reverse its digits, dropping any minus sign. Return the resulting integer.\"""
          n = int(str(abs(n))[::-1])
          n = n * n
          return n
      """;

  @Test
  void withTheSpecCheckTheDocstringsOwnFunctionRunsOnEveryTestBeforeTheReference() {
    String program = ReferenceValues.plan(ORDER_SWAPPED, true).plan().program();

    int spec = program.indexOf("def " + ReferenceValues.SPEC_FUNCTION + "(n):\n    n = n * n\n");
    int specCall = program.indexOf("_laimark_value(2, lambda: " + ReferenceValues.SPEC_FUNCTION + "(7))");
    int reference = program.indexOf("def square_reversed_digits(");
    assertTrue(spec >= 0 && specCall > spec && reference > specCall, program);
    assertTrue(program.contains("_laimark_value(3, lambda: " + ReferenceValues.SPEC_FUNCTION + "(12))"));
  }

  @Test
  void aReferenceThatDisagreesWithItsDocstringIsASpecMismatch() {
    ReferenceValues.Plan plan = ReferenceValues.plan(ORDER_SWAPPED, true).plan();
    String m = ReferenceValues.MARKER;
    // spec values (indices 2, 3) print first: 49 -> 94 and 144 -> 441; the reference: 49 and 441.
    String output = m + " 2 94\n" + m + " 3 441\n" + m + " 0 49\n" + m + " 1 441\n";

    ProposalParse parse = plan.complete(output);

    assertEquals(ProposalRejection.SPEC_MISMATCH, parse.rejection());
    assertEquals("square_reversed_digits(7): the reference returns 49, the docstring says 94", parse.detail());
  }

  @Test
  void aReferenceThatAgreesWithItsDocstringOnEveryTestIsKept() {
    ReferenceValues.Plan plan = ReferenceValues.plan(ORDER_SWAPPED, true).plan();
    String m = ReferenceValues.MARKER;

    ProposalParse parse = plan.complete(m + " 2 94\n" + m + " 3 441\n" + m + " 0 94\n" + m + " 1 441\n");

    assertTrue(parse.ok(), parse.detail());
    assertEquals(List.of("assert square_reversed_digits(7) == 94", "assert square_reversed_digits(12) == 441"),
        parse.proposal().tests());
  }

  @Test
  void aDocstringOutsideTheDomainsLanguageIsUnreadableUnderTheSpecCheck() {
    // WRITTEN's docstring goes from a list straight to "square the number": its steps do not chain.
    ReferenceValues.Planned planned = ReferenceValues.plan(WRITTEN, true);

    assertEquals(ProposalRejection.SPEC_UNREADABLE, planned.rejection());
    assertTrue(ReferenceValues.plan(WRITTEN, false).ok());
  }

  @Test
  void withSpecValuesTheReferenceIsTheDocstringsMeaningUnderTheModelsSignature() {
    // ORDER_SWAPPED's body reverses before squaring; its docstring squares first: the body is not run.
    ReferenceValues.Planned planned = ReferenceValues.planOverSpec(ORDER_SWAPPED);

    assertTrue(planned.ok(), planned.detail());
    String solution = planned.plan().solution();
    assertTrue(solution.startsWith("def square_reversed_digits(n: int) -> int:\n    \"\"\"Take an integer n: square"),
        solution);
    assertTrue(solution.endsWith("\"\"\"\n    n = n * n\n    n = int(str(abs(n))[::-1])\n    return n\n"), solution);
    assertFalse(solution.contains("int(str(abs(n))[::-1])\n    n = n * n"), "the model's body is gone");
    assertFalse(planned.plan().program().contains(ReferenceValues.SPEC_FUNCTION), "nothing to check against");
  }

  @Test
  void withSpecValuesAParameterNamedOtherwiseIsBoundToTheDocstringsVariable() {
    String renamed = ORDER_SWAPPED.replace("square_reversed_digits(n: int)", "square_reversed_digits(x: int)");

    String solution = ReferenceValues.planOverSpec(renamed).plan().solution();

    assertTrue(solution.contains("\"\"\"\n    n = x\n    n = n * n\n"), solution);
  }

  @Test
  void withSpecValuesASignatureOfTwoParametersOrAForeignDocstringIsUnreadable() {
    String twoParameters = ORDER_SWAPPED.replace("square_reversed_digits(n: int)", "square_reversed_digits(n: int, k: int)");

    ReferenceValues.Planned two = ReferenceValues.planOverSpec(twoParameters);
    ReferenceValues.Planned foreign = ReferenceValues.planOverSpec(WRITTEN);

    assertEquals(ProposalRejection.SPEC_UNREADABLE, two.rejection());
    assertEquals("'def square_reversed_digits' must take exactly one parameter, the docstring's n", two.detail());
    assertEquals(ProposalRejection.SPEC_UNREADABLE, foreign.rejection());
  }

  @Test
  void withSpecValuesTheProblemsSolutionBeginsWithItsPromptAndItsRecomputedExamples() {
    String withExample = ORDER_SWAPPED.replace(
        "Return the resulting integer.\"\"\"\n    n = int(",
        "Return the resulting integer.\n\n    >>> square_reversed_digits(3)\n    5\n    \"\"\"\n    n = int(");
    assertTrue(withExample.contains(">>> square_reversed_digits(3)"), "the example was added");
    ReferenceValues.Plan plan = ReferenceValues.planOverSpec(withExample).plan();
    String m = ReferenceValues.MARKER;

    ProposalParse parse = plan.complete(m + " 0 94\n" + m + " 1 441\n" + m + " 2 9\n");

    assertTrue(parse.ok(), parse.detail());
    String prompt = parse.proposal().stub();
    assertTrue(prompt.contains(">>> square_reversed_digits(3)\n    9\n"), prompt);
    assertTrue(prompt.endsWith("    \"\"\"\n"), prompt);
    assertEquals(prompt + "    n = n * n\n    n = int(str(abs(n))[::-1])\n    return n\n", parse.proposal().solution());
  }

  @Test
  void withSpecValuesTheFunctionIsNamedForItsDocstringNotAsTheModelNamedIt() {
    // The model calls "square, then reverse the digits" halve_it: a name that says something else.
    String misnamed = ORDER_SWAPPED.replace("square_reversed_digits", "halve_it").replace(
        "Return the resulting integer.\"\"\"\n    n = int(",
        "Return the resulting integer.\n\n    >>> halve_it(3)\n    5\n    \"\"\"\n    n = int(");
    assertTrue(misnamed.contains(">>> halve_it(3)") && !misnamed.contains("square_reversed_digits"), misnamed);
    ReferenceValues.Plan plan = ReferenceValues.planOverSpec(misnamed).plan();
    String m = ReferenceValues.MARKER;

    ProposalParse parse = plan.complete(m + " 0 94\n" + m + " 1 441\n" + m + " 2 9\n");

    assertTrue(parse.ok(), parse.detail());
    assertEquals("square_reversed_digits", parse.proposal().entryPoint());
    String prompt = parse.proposal().stub();
    assertTrue(prompt.startsWith("def square_reversed_digits(n: int) -> int:\n"), prompt);
    assertTrue(prompt.contains(">>> square_reversed_digits(3)\n    9\n"), prompt);
    assertFalse(prompt.contains("halve_it") || parse.proposal().solution().contains("halve_it"), parse.proposal().solution());
    assertTrue(parse.proposal().tests().stream().allMatch(t -> t.startsWith("assert square_reversed_digits(")),
        parse.proposal().tests().toString());
  }
}
