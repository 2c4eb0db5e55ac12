package org.laimark.model.tokenizer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class JinjaDialectTest {

  @Test
  void turnsAReversingSliceIntoTheReverseFilter() {
    assertEquals(
        "{%- for m in (messages|reverse|list) %}",
        JinjaDialect.adapt("{%- for m in messages[::-1] %}"));
  }

  @Test
  void reversesAttributeAndIndexChains() {
    assertEquals("{{ (a.b[0]|reverse|list) }}", JinjaDialect.adapt("{{ a.b[0][::-1] }}"));
  }

  @Test
  void parenthesisesKeywordArgumentValues() {
    assertEquals(
        "{% set ns = namespace(a=(xs|length - 1), b=(true)) %}",
        JinjaDialect.adapt("{% set ns = namespace(a=xs|length - 1, b=true) %}"));
  }

  @Test
  void leavesComparisonsAndStringsAlone() {
    String template = "{{ f(a == b, 'x=[::-1](') }} text [::-1] a=b";

    assertEquals(template, JinjaDialect.adapt(template));
  }
}
