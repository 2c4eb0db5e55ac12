package org.laimark.actors.pipeline;

import java.util.List;
import org.laimark.data.Problem;
import org.laimark.model.policy.SimulatedAnswers;

/** Small problems for actor tests; each reference carries {@link ScriptedSandbox#RIGHT}. */
final class TestProblems {

  private static final String[] WORDS = {
    "alpha",
    "bravo",
    "charlie",
    "delta",
    "echo",
    "foxtrot",
    "golf",
    "hotel",
    "india",
    "juliet",
    "kilo",
    "lima",
    "mike",
    "november",
    "oscar",
    "papa",
    "quebec",
    "romeo"
  };

  private TestProblems() {}

  /** {@code name(x)} returns x + 1; the docstring's words differ from problem to problem. */
  static Problem problem(String name) {
    String words = String.join(" ", uniqueWords(name));
    String stub =
        "def "
            + name
            + "(x):\n    \"\"\"Return x plus one, "
            + words
            + ".\n    >>> "
            + name
            + "(1)\n    2\n    \"\"\"";
    return Problem.induction(
        name,
        stub,
        "assert " + name + "(1) == 2\nassert " + name + "(5) == 6",
        "def " + name + "(x):\n    return x + 1  " + ScriptedSandbox.RIGHT + "\n",
        name);
  }

  /** The body the simulated policy answers right with, and a wrong one. */
  static SimulatedAnswers answers() {
    return new SimulatedAnswers(
        List.of("    return x + 1  " + ScriptedSandbox.RIGHT + "\n"), List.of("    return x\n"));
  }

  private static List<String> uniqueWords(String name) {
    int h = Math.abs(name.hashCode());
    return List.of(
        WORDS[h % WORDS.length],
        WORDS[(h / 7) % WORDS.length],
        WORDS[(h / 49) % WORDS.length],
        name,
        name + "x",
        name + "y");
  }
}
