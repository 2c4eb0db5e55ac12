package org.laimark.data.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Java semantics of every primitive agree with CPython: problems generated here (never model
 * output) are run by the interpreter the sandbox uses, which compares {@code repr(f(arg))} with the
 * Java-computed expected literal, runs the assert lines, and replays the docstring's {@code >>>}
 * examples.
 */
@Tag(
    "sandbox") // needs /usr/bin/python3.11, like the sandbox; the code run is our own, not a
               // model's
class GeneratedProblemsRunInCpythonTest {

  private static final String PYTHON = "/usr/bin/python3.11";
  private static final String CHECKER =
      String.join(
          "\n",
          "import json, sys, doctest",
          "report = []",
          "for p in json.load(sys.stdin):",
          "    errors = []",
          "    ns = {}",
          "    try:",
          "        exec(p['solution'], ns)",
          "        f = ns[p['entry_point']]",
          "        for arg, want in p['cases']:",
          "            got = repr(f(eval(arg)))",
          "            if got != want:",
          "                errors.append('%s(%s): python %s, java %s' % (p['entry_point'], arg,"
              + " got, want))",
          "        exec(p['tests'], ns)",
          "        for ex in doctest.DocTestParser().get_examples(f.__doc__):",
          "            got = repr(eval(ex.source, ns))",
          "            if got != ex.want.strip():",
          "                errors.append('docstring %s gives %s' % (ex.source.strip(), got))",
          "    except Exception as e:",
          "        errors.append('%s: %s: %s' % (p['entry_point'], type(e).__name__, e))",
          "    report.append({'id': p['id'], 'errors': errors})",
          "json.dump(report, sys.stdout)");

  private final ObjectMapper json = new ObjectMapper();

  @Test
  void everyPrimitiveAloneAgreesWithCpython(@TempDir Path dir) throws Exception {
    List<DomainProblem> problems = new ArrayList<>();
    DomainGenerator generator = new DomainGenerator(new Random(1));
    for (Primitive p : PrimitiveCatalogue.all()) {
      if (p.from().isSource()) {
        for (int i = 0; i < 4; i++) {
          problems.add(generator.generate(1, c -> c.steps().get(0).primitive() == p));
        }
      }
    }
    // Primitives on lists of strings are never first; a two-step chain starting with a split
    // reaches them.
    for (Primitive p : PrimitiveCatalogue.accepting(ValueType.STR_LIST)) {
      for (int i = 0; i < 4; i++) {
        problems.add(generator.generate(2, c -> c.steps().get(1).primitive() == p));
      }
    }

    assertAllAgree(dir, problems);
  }

  @Test
  void randomCompositionsAndTheHeldOutBenchmarkAgreeWithCpython(@TempDir Path dir)
      throws Exception {
    List<DomainProblem> problems = new ArrayList<>(DomainSplits.heldOut(SplitSizes.DEFAULT));
    DomainGenerator generator = new DomainGenerator(new Random(2));
    for (int i = 0; i < 600; i++) {
      problems.add(generator.generate(1 + i % 4, c -> true));
    }

    assertAllAgree(dir, problems);
  }

  @Test
  void aWrongExpectedValueIsReported(@TempDir Path dir) throws Exception {
    DomainProblem right = new DomainGenerator(new Random(3)).generate(2, c -> true);
    List<TestCase> cases = new ArrayList<>(right.cases());
    TestCase last = cases.remove(cases.size() - 1);
    cases.add(
        new TestCase(
            last.input(), last.expected() instanceof Long ? (Long) last.expected() + 1 : 12345L));
    DomainProblem wrong = new DomainProblem(right.composition(), right.phrasing(), cases);

    JsonNode report = runChecker(dir, List.of(wrong));

    assertTrue(report.get(0).get("errors").size() >= 1, report.toString());
  }

  private void assertAllAgree(Path dir, List<DomainProblem> problems) throws Exception {
    JsonNode report = runChecker(dir, problems);
    List<String> errors = new ArrayList<>();
    report.forEach(r -> r.get("errors").forEach(e -> errors.add(e.asText())));

    assertEquals(problems.size(), report.size());
    assertTrue(
        errors.isEmpty(),
        errors.size() + " disagreements, e.g. " + errors.subList(0, Math.min(10, errors.size())));
  }

  private JsonNode runChecker(Path dir, List<DomainProblem> problems)
      throws IOException, InterruptedException {
    ArrayNode input = json.createArrayNode();
    for (int i = 0; i < problems.size(); i++) {
      DomainProblem p = problems.get(i);
      ObjectNode node =
          input
              .addObject()
              .put("id", i)
              .put("entry_point", p.entryPoint())
              .put("solution", p.solution())
              .put("tests", p.tests());
      ArrayNode cases = node.putArray("cases");
      p.cases().forEach(c -> cases.addArray().add(c.argument()).add(c.expectedLiteral()));
    }
    Path script = Files.writeString(dir.resolve("check.py"), CHECKER);
    Path in = dir.resolve("problems.json");
    json.writeValue(in.toFile(), input);
    Process python =
        new ProcessBuilder(PYTHON, "-I", "-S", script.toString())
            .redirectInput(in.toFile())
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    byte[] out = python.getInputStream().readAllBytes();
    assertTrue(python.waitFor(120, TimeUnit.SECONDS), "python did not finish");
    assertEquals(
        0, python.exitValue(), "checker failed: " + new String(out, StandardCharsets.UTF_8));
    return json.readTree(out);
  }
}
