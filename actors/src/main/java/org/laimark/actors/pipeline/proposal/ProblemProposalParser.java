package org.laimark.actors.pipeline.proposal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.laimark.actors.pipeline.tasks.AnswerText;

/**
 * Reads a model's proposal in the study's format: the text after each of the markers {@code
 * FUNCTION:}, {@code TESTS:} and {@code SOLUTION:} up to the next marker. A marker counts at the
 * start of a line, also when decorated as Markdown ({@code ### TESTS:}, {@code **TESTS:**}); code
 * fences inside a section are dropped and indentation is kept. The entry point is the first {@code
 * def NAME(} in FUNCTION; tests are the TESTS lines that start with {@code assert}; fewer than two
 * is a rejection. Every failure is a {@link ProposalRejection}, never an exception.
 */
public final class ProblemProposalParser {

  public static final int MIN_TESTS = 2;

  private static final Pattern MARKER =
      Pattern.compile("^[\\s#*>_`]*(FUNCTION|TESTS|SOLUTION)[*_`]*\\s*:[*_`]*[ \\t]*(.*)$");
  static final Pattern DEF = Pattern.compile("\\bdef\\s+([A-Za-z_][A-Za-z0-9_]*)\\s*\\(");

  private ProblemProposalParser() {}

  public static ProposalParse parse(String text) {
    String body = AnswerText.withoutThinking(text);
    if (body.isBlank()) {
      return ProposalParse.rejected(ProposalRejection.EMPTY_OUTPUT, "");
    }
    Sections sections = sections(body);
    String function = sections.function();
    String tests = sections.tests();
    String solution = sections.solution();
    if (function == null) {
      return ProposalParse.rejected(ProposalRejection.MISSING_FUNCTION_SECTION, "");
    }
    if (tests == null) {
      return ProposalParse.rejected(ProposalRejection.MISSING_TESTS_SECTION, "");
    }
    if (solution == null) {
      return ProposalParse.rejected(ProposalRejection.MISSING_SOLUTION_SECTION, "");
    }
    Matcher def = DEF.matcher(function);
    if (!def.find()) {
      return ProposalParse.rejected(ProposalRejection.NO_FUNCTION_DEFINITION, "");
    }
    String entryPoint = def.group(1);
    List<String> asserts = new ArrayList<>();
    for (String line : tests.split("\n")) {
      if (line.strip().startsWith("assert")) {
        asserts.add(line.strip());
      }
    }
    if (asserts.size() < MIN_TESTS) {
      return ProposalParse.rejected(
          ProposalRejection.TOO_FEW_TESTS, asserts.size() + " assert line(s)");
    }
    if (!Pattern.compile("\\bdef\\s+" + entryPoint + "\\s*\\(").matcher(solution).find()) {
      return ProposalParse.rejected(
          ProposalRejection.SOLUTION_MISSING_ENTRY_POINT,
          "no 'def " + entryPoint + "(' in SOLUTION");
    }
    return ProposalParse.parsed(new ParsedProposal(function, asserts, solution, entryPoint));
  }

  /** The three sections' texts; a missing section is null. */
  record Sections(String function, String tests, String solution) {}

  static Sections sections(String text) {
    String[] lines = AnswerText.withoutThinking(text).split("\\R", -1);
    return new Sections(section(lines, "FUNCTION"), section(lines, "TESTS"), section(lines, "SOLUTION"));
  }

  /** The text of the first section with this marker, fences and surrounding blank lines removed. */
  private static String section(String[] lines, String marker) {
    int start = -1;
    for (int i = 0; i < lines.length && start < 0; i++) {
      Matcher m = MARKER.matcher(lines[i]);
      if (m.matches() && m.group(1).equals(marker)) {
        start = i;
      }
    }
    if (start < 0) {
      return null;
    }
    List<String> kept = new ArrayList<>();
    String sameLine = MARKER.matcher(lines[start]).replaceFirst("$2");
    if (!sameLine.isBlank() && !sameLine.strip().startsWith("```")) {
      kept.add(sameLine);
    }
    for (int i = start + 1; i < lines.length && !MARKER.matcher(lines[i]).matches(); i++) {
      if (!lines[i].strip().startsWith("```")) {
        kept.add(lines[i]);
      }
    }
    while (!kept.isEmpty() && kept.get(0).isBlank()) {
      kept.remove(0);
    }
    while (!kept.isEmpty() && kept.get(kept.size() - 1).isBlank()) {
      kept.remove(kept.size() - 1);
    }
    return String.join("\n", kept);
  }
}
