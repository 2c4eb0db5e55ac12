package org.laimark.model.tokenizer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Python 3 str semantics, checked against what CPython prints for the same calls. */
class PythonStringsTest {

  @Test
  void splitWithoutSeparatorDropsWhitespaceRuns() {
    assertEquals(List.of("a", "b"), PythonStrings.split("  a \n b  ", null, -1));
  }

  @Test
  void splitWithSeparatorKeepsEmptyParts() {
    assertEquals(List.of("", "x", ""), PythonStrings.split("</think>x</think>", "</think>", -1));
  }

  @Test
  void splitHonoursMaxsplit() {
    assertEquals(List.of("a", "b,c"), PythonStrings.split("a,b,c", ",", 1));
  }

  @Test
  void stripRemovesOnlyTheGivenCharacters() {
    assertEquals("x \n", PythonStrings.call("\n\nx \n", "lstrip", new Object[] {"\n"}));
    assertEquals("\n\nx", PythonStrings.call("\n\nx \n", "rstrip", new Object[] {}));
    assertEquals("x", PythonStrings.call("ab x ba", "strip", new Object[] {"ab "}));
  }

  @Test
  void startswithAcceptsATupleOfPrefixes() {
    assertEquals(
        true,
        PythonStrings.call("<tool_response>", "startswith", new Object[] {List.of("x", "<tool")}));
    assertEquals(false, PythonStrings.call("abc", "endswith", new Object[] {"b"}));
  }

  @Test
  void splitlinesDropsTheTrailingBreak() {
    assertEquals(List.of("a", "b"), PythonStrings.call("a\nb\n", "splitlines", new Object[] {}));
  }
}
