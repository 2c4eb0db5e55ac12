package org.laimark.data.benchmark;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.laimark.data.benchmark.PythonTokens.LogicalLine;
import org.laimark.data.benchmark.PythonTokens.Token;

/**
 * Lifts HumanEval's simple checks out of {@code def check(candidate)}: each body statement of the
 * form {@code assert candidate(ARGS) == EXPECTED[, MESSAGE]} that reads no name bound inside
 * {@code check} becomes the top-level test {@code assert ENTRY(ARGS) == EXPECTED}, which the
 * sandbox splits (the child returns only the value of {@code ENTRY(ARGS)}; the expected value never
 * enters it). Everything else (loops, tolerance checks, {@code assert not candidate(...)}, local
 * imports and variables) stays in {@code check}, called last, and runs as before inside the child.
 * A test text whose shape is not recognised is left whole: the official harness's program.
 *
 * @param setupCode the test code with the lifted statements removed from {@code check}
 * @param tests the lifted asserts, one per line, then {@code check(ENTRY)} if anything is left in
 *     it
 * @param lifted how many statements were lifted
 * @param kept how many statements stay in {@code check}; -1 when the test was left whole
 */
record HumanEvalCheckUnrolling(String setupCode, String tests, int lifted, int kept) {

  private static final Pattern CHECK_DEF =
      Pattern.compile("(?m)^def check\\(candidate\\):[ \\t]*(#[^\\n]*)?\\n");
  private static final Set<String> NOT_IN_EXPECTED =
      Set.of(
          "==", "!=", "<", ">", "<=", ">=", "in", "not", "is", "and", "or", "if", "else",
          "lambda", ":=", ";", "=", ":", "for", "yield", "await");
  private static final Set<String> ASSIGN_OPS =
      Set.of("=", "+=", "-=", "*=", "/=", "//=", "%=", "**=", "&=", "|=", "^=", ">>=", "<<=", "@=");

  /** The whole test kept in {@code check}, as the official harness runs it. */
  static HumanEvalCheckUnrolling whole(String test, String entryPoint) {
    return new HumanEvalCheckUnrolling(test, "check(" + entryPoint + ")", 0, -1);
  }

  static HumanEvalCheckUnrolling of(String test, String entryPoint) {
    Matcher def = CHECK_DEF.matcher(test);
    if (!def.find()) {
      return whole(test, entryPoint);
    }
    String rest = test.substring(def.end());
    List<LogicalLine> lines;
    try {
      lines = PythonTokens.logicalLines(rest);
    } catch (IllegalArgumentException unreadable) {
      return whole(test, entryPoint);
    }
    if (lines.isEmpty() || lines.get(0).indent() == 0) {
      return whole(test, entryPoint);
    }
    int base = lines.get(0).indent();
    int bodyEnd = rest.length();
    List<LogicalLine> body = new ArrayList<>();
    for (LogicalLine line : lines) {
      if (line.indent() == 0) {
        bodyEnd = line.start();
        break;
      }
      if (line.indent() < base) {
        return whole(test, entryPoint); // inconsistent indentation: not ours to judge
      }
      body.add(line);
    }
    Set<String> bound = boundNames(body);
    List<LogicalLine> liftable = new ArrayList<>();
    int statements = 0;
    for (int k = 0; k < body.size(); k++) {
      LogicalLine line = body.get(k);
      if (line.indent() != base) {
        continue; // inside a block of an earlier statement
      }
      statements++;
      boolean opensBlock = k + 1 < body.size() && body.get(k + 1).indent() > base;
      if (!opensBlock && isSimpleCheck(line.tokens(), bound)) {
        liftable.add(line);
      }
    }
    if (liftable.isEmpty()) {
      return whole(test, entryPoint);
    }
    StringBuilder tests = new StringBuilder();
    StringBuilder residue = new StringBuilder();
    int copied = 0;
    for (LogicalLine line : liftable) {
      residue.append(rest, copied, line.start());
      copied = line.end() < rest.length() ? line.end() + 1 : line.end(); // with its newline
      tests.append(lifted(rest, line, entryPoint)).append('\n');
    }
    residue.append(rest, copied, bodyEnd);
    int kept = statements - liftable.size();
    String setup =
        test.substring(0, def.end())
            + (kept == 0 ? " ".repeat(base) + "pass\n" : "")
            + residue
            + rest.substring(bodyEnd);
    if (kept > 0) {
      tests.append("check(").append(entryPoint).append(")\n");
    }
    return new HumanEvalCheckUnrolling(setup, tests.toString(), liftable.size(), kept);
  }

  /**
   * {@code assert candidate(...) == EXPECTED [, MESSAGE]}, the comparison possibly in parentheses,
   * with nothing at the top level of EXPECTED that would bind tighter or looser than {@code ==} as
   * written, no f-string and no name {@code check} binds.
   */
  private static boolean isSimpleCheck(List<Token> t, Set<String> bound) {
    if (t.size() < 6 || !t.get(0).is("assert")) {
      return false;
    }
    int from = 1;
    int to = t.size(); // the comparison is t[from, to), at bracket depth `level`
    int level = 0;
    if (t.get(1).is("(")) {
      int close = 2;
      while (close < t.size() && !(t.get(close).depth() == 0 && t.get(close).is(")"))) {
        close++;
      }
      if (close < t.size() && (close + 1 == t.size() || t.get(close + 1).is(","))) {
        from = 2;
        to = close;
        level = 1;
      }
    } else {
      to = messageStart(t, 1);
    }
    if (!comparesCandidateCall(t, from, to, level)) {
      return false;
    }
    for (int k = 0; k < t.size(); k++) {
      Token tok = t.get(k);
      if (tok.kind() == PythonTokens.Kind.FSTRING || (tok.depth() == 0 && tok.is(";"))) {
        return false;
      }
      boolean attribute = k > 0 && t.get(k - 1).is(".");
      if (tok.kind() == PythonTokens.Kind.NAME && !attribute && bound.contains(tok.text())) {
        return false;
      }
    }
    return true;
  }

  /** The index of the first top-level comma from {@code from} on (the message), or the end. */
  private static int messageStart(List<Token> t, int from) {
    for (int k = from; k < t.size(); k++) {
      if (t.get(k).depth() == 0 && t.get(k).is(",")) {
        return k;
      }
    }
    return t.size();
  }

  /** t[from, to) is {@code candidate(...) == EXPECTED}, its top level at bracket depth level. */
  private static boolean comparesCandidateCall(List<Token> t, int from, int to, int level) {
    if (to - from < 5 || !t.get(from).is("candidate") || !t.get(from + 1).is("(")) {
      return false;
    }
    int close = from + 2;
    while (close < to && !(t.get(close).depth() == level && t.get(close).is(")"))) {
      close++;
    }
    if (close + 2 >= to || !t.get(close + 1).is("==")) {
      return false;
    }
    for (int k = close + 2; k < to; k++) {
      Token tok = t.get(k);
      boolean word = tok.kind() == PythonTokens.Kind.NAME || tok.kind() == PythonTokens.Kind.OP;
      if (tok.depth() == level && word && NOT_IN_EXPECTED.contains(tok.text())) {
        return false;
      }
      if (tok.depth() == level && tok.is(",")) {
        return false; // a tuple without parentheses, or a message inside the parentheses
      }
    }
    return true;
  }

  /**
   * Names the body may bind: assignment targets, for/with/except/import/def/class names, walrus
   * targets, global/nonlocal names. Over-approximates (e.g. keyword-argument names), which only
   * keeps more statements in check.
   */
  private static Set<String> boundNames(List<LogicalLine> body) {
    Set<String> bound = new HashSet<>();
    for (LogicalLine line : body) {
      List<Token> t = line.tokens();
      int assignAt = -1;
      for (int k = 0; k < t.size(); k++) {
        if (t.get(k).depth() == 0 && ASSIGN_OPS.contains(t.get(k).text())) {
          assignAt = k;
        }
      }
      for (int k = 0; k < t.size(); k++) {
        Token tok = t.get(k);
        if (tok.kind() != PythonTokens.Kind.NAME) {
          continue;
        }
        String previous = k > 0 ? t.get(k - 1).text() : "";
        String next = k + 1 < t.size() ? t.get(k + 1).text() : "";
        boolean binds =
            k < assignAt
                || Set.of("as", "def", "class", "import", "global", "nonlocal", ",").contains(previous)
                    && lineStartsWith(t, "import", "from", "global", "nonlocal", "def", "class")
                || "as".equals(previous)
                || ":=".equals(next)
                || tok.depth() == 0 && "=".equals(next)
                || inForTarget(t, k);
        if (binds) {
          bound.add(tok.text());
        }
      }
    }
    return bound;
  }

  private static boolean lineStartsWith(List<Token> t, String... keywords) {
    for (String keyword : keywords) {
      if (t.get(0).is(keyword)) {
        return true;
      }
    }
    return false;
  }

  /** Whether token k sits between a {@code for} and its {@code in} (loop or comprehension). */
  private static boolean inForTarget(List<Token> t, int k) {
    for (int j = k - 1; j >= 0; j--) {
      if (t.get(j).is("in")) {
        return false;
      }
      if (t.get(j).is("for")) {
        return true;
      }
    }
    return false;
  }

  /** The statement at the top level, {@code candidate} renamed to the entry point. */
  private static String lifted(String text, LogicalLine line, String entryPoint) {
    StringBuilder out = new StringBuilder();
    int from = line.start() + line.indent();
    List<Token> t = line.tokens();
    for (int k = 0; k < t.size(); k++) {
      Token tok = t.get(k);
      boolean attribute = k > 0 && t.get(k - 1).is(".");
      if (tok.kind() == PythonTokens.Kind.NAME && tok.text().equals("candidate") && !attribute) {
        out.append(text, from, tok.start()).append(entryPoint);
        from = tok.end();
      }
    }
    out.append(text, from, line.end());
    return out.toString().stripTrailing();
  }
}
