package org.laimark.actors.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.laimark.data.Verdict;
import org.laimark.data.VerdictStatus;

class ErrorClassTest {
  private static Verdict verdict(VerdictStatus status, String errorType, String failedTest) {
    return new Verdict(status, failedTest, errorType, "", List.of(), 1, 1, "");
  }

  @Test
  void tellsIndentationErrorsFromOtherSyntaxErrors() {
    assertEquals(ErrorClass.INDENTATION_ERROR,
        ErrorClass.of(verdict(VerdictStatus.SYNTAX_ERROR, "IndentationError", "")));
    assertEquals(ErrorClass.INDENTATION_ERROR, ErrorClass.of(verdict(VerdictStatus.SYNTAX_ERROR, "TabError", "")));
    assertEquals(ErrorClass.INDENTATION_ERROR, ErrorClass.of(verdict(VerdictStatus.FAILED, "IndentationError", "")));
    assertEquals(ErrorClass.SYNTAX_ERROR, ErrorClass.of(verdict(VerdictStatus.SYNTAX_ERROR, "SyntaxError", "")));
    assertEquals(ErrorClass.SYNTAX_ERROR, ErrorClass.of(verdict(VerdictStatus.FAILED, "SyntaxError", "")));
  }

  @Test
  void countsAReturnOutsideTheFunctionOfABodyAsAnIndentationError() {
    Verdict v = new Verdict(VerdictStatus.SYNTAX_ERROR, "", "SyntaxError",
        "program line 10: 'return' outside function", List.of(), 1, 1, "");

    assertEquals(ErrorClass.INDENTATION_ERROR, ErrorClass.of(v, AnswerMode.BODY));
    assertEquals(ErrorClass.SYNTAX_ERROR, ErrorClass.of(v, AnswerMode.FULL_FUNCTION));
  }

  @Test
  void tellsAssertionFailuresFromOtherExceptions() {
    assertEquals(ErrorClass.ASSERTION_FAILURE,
        ErrorClass.of(verdict(VerdictStatus.FAILED, "AssertionError", "assert f(1) == 2")));
    assertEquals(ErrorClass.ASSERTION_FAILURE, ErrorClass.of(verdict(VerdictStatus.FAILED, "", "assert f(1) == 2")));
    assertEquals(ErrorClass.EXCEPTION, ErrorClass.of(verdict(VerdictStatus.FAILED, "NameError", "")));
  }

  @Test
  void groupsLimits() {
    assertEquals(ErrorClass.TIMEOUT, ErrorClass.of(verdict(VerdictStatus.TIMEOUT, "", "")));
    assertEquals(ErrorClass.TIMEOUT, ErrorClass.of(verdict(VerdictStatus.CPU_LIMIT, "", "")));
    for (VerdictStatus s : List.of(VerdictStatus.MEMORY_LIMIT, VerdictStatus.OUTPUT_LIMIT,
        VerdictStatus.CRASHED, VerdictStatus.SANDBOX_VIOLATION)) {
      assertEquals(ErrorClass.SANDBOX_LIMIT, ErrorClass.of(verdict(s, "", "")), s.name());
    }
    assertEquals(ErrorClass.PASSED, ErrorClass.of(verdict(VerdictStatus.PASSED, "", "")));
  }

  @Test
  void refusesToBlameTheAnswerForAnInfrastructureError() {
    assertThrows(IllegalArgumentException.class, () -> ErrorClass.of(Verdict.infraError("worker died")));
  }
}
