package org.laimark.actors.pipeline.proposal;

import java.util.List;

/**
 * The three sections of a proposal, read: the stub (FUNCTION), the assert lines (TESTS), the
 * reference (SOLUTION), and the entry point (the first {@code def NAME(} of the stub).
 */
public record ParsedProposal(String stub, List<String> tests, String solution, String entryPoint) {
  public ParsedProposal {
    tests = List.copyOf(tests);
  }

  /** The tests as the problem format stores them: one assert per line. */
  public String testsText() {
    return String.join("\n", tests);
  }
}
