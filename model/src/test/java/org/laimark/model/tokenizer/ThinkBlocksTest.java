package org.laimark.model.tokenizer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ThinkBlocksTest {

  @Test
  void stripsAClosedThinkBlock() {
    assertEquals(
        "def f(): pass", ThinkBlocks.stripThinking("<think>\nplan it\n</think>\n\ndef f(): pass"));
  }

  @Test
  void anUnclosedThinkBlockLeavesNoAnswer() {
    assertEquals("", ThinkBlocks.stripThinking("<think>\nstill thinking"));
  }

  @Test
  void textWithoutThinkBlockIsUnchanged() {
    assertEquals("answer", ThinkBlocks.stripThinking("answer"));
  }

  @Test
  void extractsTheReasoning() {
    assertEquals("plan it", ThinkBlocks.reasoning("<think>\nplan it\n</think>\n\nx"));
  }

  @Test
  void appendsTheSoftSwitchOnce() {
    assertEquals("Write f. /no_think", ThinkBlocks.withNoThink("Write f."));
    assertEquals("Write f. /no_think", ThinkBlocks.withNoThink("Write f. /no_think"));
  }
}
