package org.laimark.actors.pipeline.proposal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.laimark.actors.pipeline.tasks.LiteralCall;
import org.laimark.actors.pipeline.tasks.PythonLiteral;
import org.laimark.data.domain.Composition;
import org.laimark.data.domain.DomainSpec;

/**
 * The {@code generator.expected-values = reference} reading of a proposal: the problem is the SOLUTION's
 * function. Its signature and docstring become the stub; the TESTS lines contribute only the literal
 * arguments of their calls; every expected value, in the tests and in the docstring's {@code >>>} examples,
 * is what the reference returns for that call, computed by running {@link Plan#program()} in the sandbox.
 *
 * <p>Why: a small model can write a program and inputs for it long before it can evaluate a composition
 * in its head (the embedded model's written values are almost never right), and it rarely spells a long
 * function name the same way three times. Taking the values from the reference removes the first failure;
 * taking the name, signature and docstring from the one function that will be run removes the second.
 * Nothing here makes a problem valid: verification still runs the reference against the tests in every
 * world and rejects vacuous tests, and calibration still asks whether the policy solves it from the
 * docstring. Model text reaches the program only as the SOLUTION (which runs in the sandbox anyway) and as
 * canonical literals.
 */
public final class ReferenceValues {

  /** Printed before each value by the program, so values are told apart from what the solution prints. */
  static final String MARKER = "\u001elaimark-value";

  /**
   * The longest expected value a test or docstring example keeps, in characters of its literal. The
   * embedded domain's own values are at most 150 (curated set) and 125 (held-out); a written call such as
   * {@code range_times_7_minus_2(895)} returns a list of 895 numbers, which made a 5651-character stub
   * whose calibration, rollout and training sequences grew a run to 16 GB (session 15). Such a call is
   * left out like one that returned no literal value.
   */
  static final int MAX_VALUE_CHARS = 200;

  /** The name the docstring's own function gets in the program (spec check). */
  static final String SPEC_FUNCTION = "_laimark_spec";

  private static final Pattern TOP_LEVEL_DEF =
      Pattern.compile("^def\\s+([A-Za-z_][A-Za-z0-9_]*)\\s*\\(", Pattern.MULTILINE);

  private ReferenceValues() {}

  /** A plan, or the reason the proposal cannot become one. */
  public record Planned(Plan plan, ProposalRejection rejection, String detail) {
    public boolean ok() {
      return plan != null;
    }
  }

  /**
   * What to run and how to build the problem from its output.
   *
   * @param stubLines the SOLUTION's signature and docstring, line by line
   * @param examples the docstring examples that are literal calls, by the index of their {@code >>>} line
   * @param dropped indices of stub lines left out: examples that are not literal calls, and the claimed
   *     value under every example (it is recomputed)
   * @param specFunction the docstring's own function to check the reference against (spec check), or null
   * @param specBody with spec values, the domain's body, which the problem's solution puts under the
   *     completed stub so that it begins with its prompt; null otherwise
   */
  public record Plan(
      String entryPoint,
      String solution,
      List<String> stubLines,
      List<LiteralCall> tests,
      Map<Integer, LiteralCall> examples,
      Set<Integer> dropped,
      String specFunction,
      String specBody) {

    public Plan {
      stubLines = List.copyOf(stubLines);
      tests = List.copyOf(tests);
      examples = Collections.unmodifiableMap(new TreeMap<>(examples)); // line order: see calls()
      dropped = Set.copyOf(dropped);
    }

    /**
     * One guarded call per test and example of the reference; each prints its value's repr. With a spec
     * check, the docstring's own function ({@link #specFunction}) is called on every test first, before
     * any model code runs, so nothing the reference prints can stand in for its values.
     */
    public String program() {
      StringBuilder p = new StringBuilder();
      p.append("import ast as _laimark_ast\n")
          .append("def _laimark_value(index, call):\n")
          .append("    try:\n")
          .append("        value = call()\n")
          .append("        text = repr(value)\n")
          .append("        if _laimark_ast.literal_eval(text) != value:\n")
          .append("            raise ValueError('repr is not a literal of the same value')\n")
          .append("    except Exception as error:\n")
          .append("        print('").append(MARKER).append("', index, '!' + type(error).__name__, flush=True)\n")
          .append("    else:\n")
          .append("        print('").append(MARKER).append("', index, text, flush=True)\n");
      if (specFunction != null) {
        p.append("\n\n").append(specFunction).append("\n\n");
        appendCalls(p, tests, calls().size(), SPEC_FUNCTION);
      }
      p.append("\n\n").append(solution.stripTrailing()).append("\n\n\n");
      appendCalls(p, calls(), 0, entryPoint);
      return p.toString();
    }

    /** {@code _laimark_value(INDEX, lambda: FUNCTION(ARGS))} per call, indices from {@code first}. */
    private static void appendCalls(StringBuilder p, List<LiteralCall> calls, int first, String function) {
      int index = first;
      for (LiteralCall call : calls) {
        p.append("_laimark_value(").append(index++).append(", lambda: ").append(call.source(function)).append(")\n");
      }
    }

    /**
     * The first test on which the reference and the docstring's meaning disagree, as a rejection detail;
     * empty when they agree on every test (or there is no spec check).
     */
    private Optional<String> specDisagreement(Map<Integer, String> values) {
      if (specFunction == null) {
        return Optional.empty();
      }
      int offset = calls().size();
      for (int i = 0; i < tests.size(); i++) {
        String reference = values.get(i);
        String spec = values.get(offset + i);
        if (!Objects.equals(reference, spec)) {
          return Optional.of(tests.get(i).source(entryPoint) + ": the reference returns "
              + (reference == null ? "no value" : reference) + ", the docstring says "
              + (spec == null ? "no value" : spec));
        }
      }
      return Optional.empty();
    }

    /**
     * The problem, from the program's output: tests {@code assert ENTRY(ARGS) == VALUE} for the calls
     * that returned a literal value (fewer than {@link ProblemProposalParser#MIN_TESTS} is a rejection),
     * the stub with each literal example followed by its value (examples without one are left out).
     */
    public ProposalParse complete(String output) {
      Map<Integer, String> values = readValues(output);
      Optional<String> disagreement = specDisagreement(values);
      if (disagreement.isPresent()) {
        return ProposalParse.rejected(ProposalRejection.SPEC_MISMATCH, disagreement.get());
      }
      List<String> asserts = new ArrayList<>();
      for (int i = 0; i < tests.size(); i++) {
        String value = values.get(i);
        if (usable(value)) {
          asserts.add("assert " + tests.get(i).source(entryPoint) + " == " + value);
        }
      }
      if (asserts.size() < ProblemProposalParser.MIN_TESTS) {
        return ProposalParse.rejected(
            ProposalRejection.TOO_FEW_TESTS,
            asserts.size() + " of " + tests.size() + " written calls returned a literal value of at most "
                + MAX_VALUE_CHARS + " characters");
      }
      List<String> stub = new ArrayList<>();
      int exampleIndex = tests.size();
      for (int line = 0; line < stubLines.size(); line++) {
        LiteralCall example = examples.get(line);
        if (example != null) {
          String value = values.get(exampleIndex++);
          if (usable(value)) {
            String indent = stubLines.get(line).substring(0, indentOf(stubLines.get(line)));
            stub.add(indent + ">>> " + example.source(entryPoint));
            stub.add(indent + value);
          }
        } else if (!dropped.contains(line)) {
          stub.add(stubLines.get(line));
        }
      }
      // Ends with a newline as the domain's, HumanEval's and MBPP's prompts do: a prompt that stops at the
      // closing quotes teaches the policy to open every answer with a blank line (session 13).
      String prompt = String.join("\n", stub) + "\n";
      String problemSolution = specBody == null ? solution : prompt + specBody;
      return ProposalParse.parsed(new ParsedProposal(prompt, asserts, problemSolution, entryPoint));
    }

    private static boolean usable(String value) {
      return value != null && value.length() <= MAX_VALUE_CHARS;
    }

    private List<LiteralCall> calls() {
      List<LiteralCall> all = new ArrayList<>(tests);
      all.addAll(examples.values()); // in line order, as complete() reads them back
      return all;
    }
  }

  /**
   * Reads a proposal for this mode. The entry point is the FUNCTION section's name when the SOLUTION
   * defines it at top level, else the SOLUTION's first top-level function.
   */
  public static Planned plan(String text) {
    return plan(text, false);
  }

  /**
   * As {@link #plan(String)}; with {@code specCheck} the SOLUTION's docstring must also be a sentence of
   * the embedded domain's language ({@link DomainSpec}), and the tests keep the problem only if the
   * reference returns on every one what the docstring's meaning returns.
   */
  public static Planned plan(String text, boolean specCheck) {
    return plan(text, specCheck ? Reference.CHECKED_AGAINST_SPEC : Reference.AS_WRITTEN);
  }

  /**
   * The {@code generator.expected-values = spec} reading: the docstring, a sentence of the embedded
   * domain's language ({@link DomainSpec}), is the whole specification. The reference becomes the
   * SOLUTION's signature and docstring over the body the domain writes for that sentence, so every
   * expected value is what the docstring means; the model's own body is not run. A model that can state
   * an operation before it can program it then poses problems about it, which the policy must still solve
   * from the docstring alone.
   */
  public static Planned planOverSpec(String text) {
    return plan(text, Reference.SPEC);
  }

  /** Which function's values become the expected values. */
  private enum Reference {
    AS_WRITTEN,
    CHECKED_AGAINST_SPEC,
    SPEC
  }

  private static Planned plan(String text, Reference reference) {
    ProposalParse parse = ProblemProposalParser.parse(text);
    if (!parse.ok() && parse.rejection() != ProposalRejection.SOLUTION_MISSING_ENTRY_POINT) {
      return new Planned(null, parse.rejection(), parse.detail());
    }
    ProblemProposalParser.Sections s = ProblemProposalParser.sections(text);
    String solution = s.solution();
    Optional<String> entryPoint = entryPoint(s.function(), solution);
    if (entryPoint.isEmpty()) {
      return new Planned(null, ProposalRejection.SOLUTION_MISSING_ENTRY_POINT, "no top-level 'def' in SOLUTION");
    }
    String[] lines = solution.split("\n", -1);
    int def = defLine(lines, entryPoint.get());
    int end = docstringEnd(lines, def);
    if (end < 0) {
      return new Planned(null, ProposalRejection.SOLUTION_WITHOUT_DOCSTRING,
          "'def " + entryPoint.get() + "' in SOLUTION has no docstring to pose the problem");
    }
    List<String> stubLines = List.of(lines).subList(def, end + 1);
    Map<Integer, LiteralCall> examples = new TreeMap<>();
    Set<Integer> dropped = new LinkedHashSet<>();
    for (int i = 0; i < stubLines.size(); i++) {
      if (stubLines.get(i).strip().startsWith(">>>")) {
        Optional<LiteralCall> call = LiteralCall.ofExample(stubLines.get(i));
        if (call.isPresent()) {
          examples.put(i, call.get());
        } else {
          dropped.add(i);
        }
        if (i + 1 < stubLines.size() && isClaimedValue(stubLines.get(i + 1))) {
          dropped.add(i + 1);
        }
      }
    }
    List<LiteralCall> tests = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (String line : s.tests().split("\n")) {
      LiteralCall.ofAssert(line.strip())
          .filter(c -> seen.add(PythonLiteral.render(c.arguments())))
          .ifPresent(tests::add);
    }
    if (tests.size() < ProblemProposalParser.MIN_TESTS) {
      return new Planned(null, ProposalRejection.TOO_FEW_TESTS,
          tests.size() + " distinct test call(s) with literal arguments");
    }
    String specFunction = null;
    String specBody = null;
    String name = entryPoint.get();
    if (reference != Reference.AS_WRITTEN) {
      Optional<Composition> spec = DomainSpec.read(docstring(stubLines));
      if (spec.isEmpty()) {
        return new Planned(null, ProposalRejection.SPEC_UNREADABLE,
            "the docstring of '" + entryPoint.get() + "' is not a sentence of the domain's language");
      }
      if (reference == Reference.CHECKED_AGAINST_SPEC) {
        specFunction = DomainSpec.pythonFunction(spec.get(), SPEC_FUNCTION);
      } else {
        Optional<String> parameter = singleParameter(stubLines);
        if (parameter.isEmpty()) {
          return new Planned(null, ProposalRejection.SPEC_UNREADABLE, "'def " + entryPoint.get()
              + "' must take exactly one parameter, the docstring's " + spec.get().input().variable());
        }
        name = spec.get().entryPoint();
        stubLines = renamed(stubLines, entryPoint.get(), name);
        specBody = specBody(stubLines, parameter.get(), spec.get());
        solution = String.join("\n", stubLines) + "\n" + specBody;
      }
    }
    return new Planned(
        new Plan(name, solution, stubLines, tests, examples, dropped, specFunction, specBody), null, "");
  }

  /**
   * The domain's body for {@code spec}, indented as the docstring is; the signature's parameter is bound
   * to the docstring's variable when the model named it differently.
   */
  private static String specBody(List<String> stubLines, String parameter, Composition spec) {
    String lastLine = stubLines.get(stubLines.size() - 1);
    String indent = lastLine.substring(0, indentOf(lastLine));
    StringBuilder body = new StringBuilder();
    String variable = spec.input().variable();
    if (!parameter.equals(variable)) {
      body.append(indent).append(variable).append(" = ").append(parameter).append('\n');
    }
    for (String line : spec.pythonBody().split("\n")) {
      body.append(indent).append(line.strip()).append('\n');
    }
    return body.toString();
  }

  /**
   * The stub with its function called {@code to}: with spec values the name is the domain's for the
   * docstring, as the examples' values are, because a name that says something else teaches the policy to
   * distrust names (supervised training on 237 curated problems gained 6.7 held-out points with their own
   * names and lost 6.3 with the names shuffled among them; docs/embedded-model.md, session 14).
   */
  private static List<String> renamed(List<String> stubLines, String from, String to) {
    List<String> lines = new ArrayList<>(stubLines);
    lines.set(0, lines.get(0).replaceFirst("def\\s+" + Pattern.quote(from) + "\\s*\\(", "def " + to + "("));
    return lines;
  }

  /** The name of the signature's only parameter, or empty when it takes none or several. */
  private static Optional<String> singleParameter(List<String> stubLines) {
    String joined = String.join("\n", stubLines);
    int open = joined.indexOf('(');
    int close = joined.indexOf(')', open + 1);
    if (open < 0 || close < 0) {
      return Optional.empty();
    }
    String inside = joined.substring(open + 1, close).strip();
    Matcher name = Pattern.compile("^([A-Za-z_][A-Za-z0-9_]*)\\s*(:[^,=]*)?$").matcher(inside);
    return name.matches() ? Optional.of(name.group(1)) : Optional.empty();
  }

  /** The docstring's text: the stub's lines after the signature, without the quotes. */
  private static String docstring(List<String> stubLines) {
    String joined = String.join("\n", stubLines);
    int open = joined.indexOf("\"\"\"") >= 0 ? joined.indexOf("\"\"\"") : joined.indexOf("'''");
    int close = joined.lastIndexOf(joined.substring(open, open + 3));
    return close > open ? joined.substring(open + 3, close) : joined.substring(open + 3);
  }

  private static Optional<String> entryPoint(String function, String solution) {
    Matcher declared = ProblemProposalParser.DEF.matcher(function);
    if (declared.find() && defLine(solution.split("\n", -1), declared.group(1)) >= 0) {
      return Optional.of(declared.group(1));
    }
    Matcher first = TOP_LEVEL_DEF.matcher(solution);
    return first.find() ? Optional.of(first.group(1)) : Optional.empty();
  }

  private static int defLine(String[] lines, String name) {
    Pattern def = Pattern.compile("^def\\s+" + Pattern.quote(name) + "\\s*\\(");
    for (int i = 0; i < lines.length; i++) {
      if (def.matcher(lines[i]).find()) {
        return i;
      }
    }
    return -1;
  }

  /** The line that closes the docstring right after the signature starting at {@code def}, or -1. */
  private static int docstringEnd(String[] lines, int def) {
    int i = def;
    while (i < lines.length && !lines[i].stripTrailing().endsWith(":")) {
      i++; // a signature may span lines
    }
    i++;
    while (i < lines.length && lines[i].isBlank()) {
      i++;
    }
    if (i >= lines.length) {
      return -1;
    }
    String opening = lines[i].strip();
    String quote = opening.startsWith("\"\"\"") ? "\"\"\"" : opening.startsWith("'''") ? "'''" : null;
    if (quote == null) {
      return -1;
    }
    if (opening.indexOf(quote, 3) >= 0) {
      return i;
    }
    for (int j = i + 1; j < lines.length; j++) {
      if (lines[j].contains(quote)) {
        return j;
      }
    }
    return -1;
  }

  /** A line under an example that states its value: not blank, not another example, not the closing quote. */
  private static boolean isClaimedValue(String line) {
    String s = line.strip();
    return !s.isEmpty() && !s.startsWith(">>>") && !s.startsWith("\"\"\"") && !s.startsWith("'''");
  }

  private static int indentOf(String line) {
    int i = 0;
    while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
      i++;
    }
    return i;
  }

  /** Values by call index; a call that raised, returned a non-literal or printed nothing has none. */
  static Map<Integer, String> readValues(String output) {
    Map<Integer, String> values = new TreeMap<>();
    for (String line : output.split("\n")) {
      if (!line.startsWith(MARKER + " ")) {
        continue;
      }
      String rest = line.substring(MARKER.length() + 1);
      int space = rest.indexOf(' ');
      if (space < 0) {
        continue;
      }
      try {
        int index = Integer.parseInt(rest.substring(0, space));
        String value = rest.substring(space + 1);
        if (!value.startsWith("!") && !values.containsKey(index)) {
          values.put(index, PythonLiteral.parse(value).canonical());
        }
      } catch (NumberFormatException | PythonLiteral.NotALiteralException e) {
        // not a value this program printed in its own format: the call has no value
      }
    }
    return values;
  }
}
