package org.laimark.data.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.laimark.data.Problem;
import org.laimark.data.TaskType;

/**
 * A generated problem: a composition, the phrasing chosen for each step, and its test cases (the first
 * {@link #EXAMPLES} also appear as {@code >>>} examples in the docstring). Renders the study's fields:
 * the stub (signature + docstring), the body, the full reference solution and the assert lines.
 */
public record DomainProblem(Composition composition, List<Integer> phrasing, List<TestCase> cases) {

  public static final int EXAMPLES = 2;
  public static final String SOURCE = "laimark-domain";
  private static final String INDENT = "    ";

  public DomainProblem {
    phrasing = List.copyOf(phrasing);
    cases = List.copyOf(cases);
    if (phrasing.size() != composition.depth()) {
      throw new IllegalArgumentException("one phrasing per step: " + phrasing.size() + " for "
          + composition.depth() + " steps");
    }
    if (cases.size() <= EXAMPLES) {
      throw new IllegalArgumentException("need more than " + EXAMPLES + " test cases, got " + cases.size());
    }
  }

  public String entryPoint() {
    return composition.entryPoint();
  }

  public int difficulty() {
    return composition.depth();
  }

  /** The study's topic names, chosen by what the function takes. */
  public String topic() {
    switch (composition.input()) {
      case INT_LIST:
        return "list operations";
      case STR:
        return "string manipulation";
      default:
        return "math";
    }
  }

  /** The docstring's prose: "Take a list of integers nums: keep ..., then .... Return the ...". */
  public String description() {
    List<String> phrases = new ArrayList<>();
    for (int i = 0; i < composition.depth(); i++) {
      phrases.add(composition.steps().get(i).phrase(phrasing.get(i)));
    }
    return Composition.opening(composition.input()) + String.join(Composition.THEN, phrases) + ". "
        + composition.output().returnSentence();
  }

  /** The whole docstring text: the prose and the {@code >>>} examples, as written in the stub. */
  public String docstring() {
    String stub = stub();
    int open = stub.indexOf("\"\"\"");
    return stub.substring(open + 3, stub.lastIndexOf("\"\"\""));
  }

  public String signatureLine() {
    ValueType in = composition.input();
    return "def " + entryPoint() + "(" + in.variable() + ": " + in.typeHint() + ") -> "
        + composition.output().typeHint() + ":\n";
  }

  /** The prompt: signature and docstring with examples, no body. */
  public String stub() {
    StringBuilder doc = new StringBuilder(signatureLine());
    doc.append(INDENT).append("\"\"\"").append(description()).append("\n\n");
    for (TestCase example : cases.subList(0, EXAMPLES)) {
      doc.append(INDENT).append(">>> ").append(entryPoint()).append('(').append(example.argument())
          .append(")\n").append(INDENT).append(example.expectedLiteral()).append('\n');
    }
    return doc.append(INDENT).append("\"\"\"\n").toString();
  }

  /** The function body: one statement per step, then the return; what a solver must produce. */
  public String body() {
    return composition.pythonBody();
  }

  public String solution() {
    return stub() + body();
  }

  /** The function without its docstring: the code shown in deduction and abduction tasks. */
  public String bareCode() {
    return signatureLine() + body();
  }

  public String tests() {
    return cases.stream().map(c -> c.assertLine(entryPoint())).collect(Collectors.joining("\n"));
  }

  /** The study's induction record. */
  public Problem toProblem(String id) {
    return new Problem.Builder(id, TaskType.INDUCTION)
        .prompt(stub())
        .tests(tests())
        .solution(solution())
        .entryPoint(entryPoint())
        .topic(topic())
        .difficulty(Integer.toString(difficulty()))
        .source(SOURCE)
        .build();
  }
}
