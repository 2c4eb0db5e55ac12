package org.laimark.data.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class PythonLiteralTest {

  @Test
  void rendersScalarsAsCpythonRepr() {
    assertEquals("-12", PythonLiteral.of(-12L));
    assertEquals("True", PythonLiteral.of(true));
    assertEquals("False", PythonLiteral.of(false));
    assertEquals("''", PythonLiteral.of(""));
  }

  @Test
  void choosesQuotesLikeCpython() {
    assertEquals("'abc'", PythonLiteral.of("abc"));
    assertEquals("\"it's\"", PythonLiteral.of("it's"));
    assertEquals("'say \"hi\"'", PythonLiteral.of("say \"hi\""));
    assertEquals("'it\\'s \"x\"'", PythonLiteral.of("it's \"x\""));
    assertEquals("'a\\\\b\\n\\x01'", PythonLiteral.of("a\\b\n\u0001"));
  }

  @Test
  void rendersNestedListsWithCommaSpace() {
    assertEquals("[1, -2, 3]", PythonLiteral.of(List.of(1L, -2L, 3L)));
    assertEquals("['a', 'b c']", PythonLiteral.of(List.of("a", "b c")));
    assertEquals("[]", PythonLiteral.of(List.of()));
  }

  @Test
  void refusesNonAsciiRatherThanGuessing() {
    assertThrows(IllegalArgumentException.class, () -> PythonLiteral.of("café"));
  }
}
