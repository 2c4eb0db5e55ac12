package org.laimark.actors.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A test text split into a plan (see test_splitter.py), cached per text by the pool. Literal
 * expected values live here, in canonical form, and are never sent to a process that runs the
 * program.
 *
 * @param syntaxError why the test text does not parse, or null
 * @param entries the statements, in order: checks to judge here, or statements run in the child
 * @param imports the tests' import statements (the expected-value child runs them)
 */
record TestSplit(SyntaxProblem syntaxError, List<Entry> entries, List<String> imports) {

  static final TestSplit EMPTY = new TestSplit(null, List.of(), List.of());

  TestSplit {
    entries = List.copyOf(entries);
    imports = List.copyOf(imports);
  }

  /** The test text does not parse. */
  record SyntaxProblem(int line, String message, String text) {}

  /** One statement of the tests: a check judged outside the child, or a statement run inside it. */
  record Entry(
      int line, String src, boolean check, List<Side> sides, List<String> ops, boolean negate) {
    Entry {
      sides = List.copyOf(sides);
      ops = List.copyOf(ops);
    }
  }

  /** One operand of a check and where its value comes from. */
  record Side(Kind kind, JsonNode literal, String src, List<String> modules) {
    enum Kind {
      LITERAL,
      SETUP,
      PROBE
    }

    Side {
      modules = List.copyOf(modules);
    }
  }

  static TestSplit fromRecord(JsonNode r) {
    JsonNode syntax = r.path("syntax_error");
    if (syntax.isObject()) {
      return new TestSplit(
          new SyntaxProblem(
              syntax.path("line").asInt(),
              syntax.path("message").asText(),
              syntax.path("text").asText()),
          List.of(),
          List.of());
    }
    List<Entry> entries = new ArrayList<>();
    for (JsonNode e : r.path("entries")) {
      List<Side> sides = new ArrayList<>();
      for (JsonNode s : e.path("sides")) {
        sides.add(side(s));
      }
      List<String> ops = new ArrayList<>();
      e.path("ops").forEach(op -> ops.add(op.asText()));
      entries.add(
          new Entry(
              e.path("line").asInt(),
              e.path("src").asText(),
              "check".equals(e.path("kind").asText()),
              sides,
              ops,
              e.path("negate").asBoolean()));
    }
    List<String> imports = new ArrayList<>();
    r.path("imports").forEach(i -> imports.add(i.asText()));
    return new TestSplit(null, entries, imports);
  }

  private static Side side(JsonNode s) {
    if (s.has("literal")) {
      return new Side(Side.Kind.LITERAL, s.get("literal"), s.path("src").asText(), List.of());
    }
    if (s.has("setup")) {
      List<String> modules = new ArrayList<>();
      s.path("modules").forEach(m -> modules.add(m.asText()));
      return new Side(Side.Kind.SETUP, null, s.get("setup").asText(), modules);
    }
    return new Side(Side.Kind.PROBE, null, s.path("probe").asText(), List.of());
  }

  /**
   * This split with the setup sides numbered {@code setupIndices} (in the order the split lists
   * setup sides) turned into probes.
   */
  TestSplit withSetupsAsProbes(Set<Integer> setupIndices) {
    List<Entry> changed = new ArrayList<>();
    int setupIndex = 0;
    for (Entry e : entries) {
      List<Side> sides = new ArrayList<>();
      for (Side s : e.sides()) {
        if (s.kind() == Side.Kind.SETUP && setupIndices.contains(setupIndex++)) {
          sides.add(new Side(Side.Kind.PROBE, null, s.src(), List.of()));
        } else {
          sides.add(s);
        }
      }
      changed.add(new Entry(e.line(), e.src(), e.check(), sides, e.ops(), e.negate()));
    }
    return new TestSplit(syntaxError, changed, imports);
  }

  /**
   * Which setup sides (numbered as in {@link #withSetupsAsProbes}) become probes because they read
   * a name the program binds: those of checks with no probe of their own. A check that already
   * calls the program elsewhere keeps the builtin meaning for its other sides, so a program cannot
   * make `assert f(x) == sorted(y)` hold by defining its own `sorted`.
   */
  Set<Integer> shadowedSetups(ExpectedValues expected) {
    Set<Integer> demoted = new HashSet<>();
    int setupIndex = 0;
    for (Entry e : entries) {
      boolean callsProgram = e.sides().stream().anyMatch(s -> s.kind() == Side.Kind.PROBE);
      for (Side s : e.sides()) {
        if (s.kind() == Side.Kind.SETUP) {
          if (!callsProgram && expected.shadowed(setupIndex)) {
            demoted.add(setupIndex);
          }
          setupIndex++;
        }
      }
    }
    return demoted;
  }

  boolean needsExpectedValues() {
    return entries.stream()
        .flatMap(e -> e.sides().stream())
        .anyMatch(s -> s.kind() == Side.Kind.SETUP);
  }

  /** The plan the child runs: statements, and for checks only the probe expressions. */
  ArrayNode plan() {
    ArrayNode plan = WorkerProcess.JSON.createArrayNode();
    for (Entry e : entries) {
      ObjectNode step = plan.addObject().put("line", e.line());
      if (!e.check()) {
        step.put("exec", e.src());
      } else {
        ArrayNode probes = step.putArray("probes");
        e.sides().stream()
            .filter(s -> s.kind() == Side.Kind.PROBE)
            .forEach(s -> probes.add(s.src()));
      }
    }
    return plan;
  }
}
