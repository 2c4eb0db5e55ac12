package org.laimark.actors.pipeline.tasks;

import java.util.List;
import java.util.Optional;

/**
 * A test line of the one form deduction and abduction tasks are made from: {@code assert NAME(ARGS)
 * == EXPECTED}, where ARGS are literals (no keywords) and EXPECTED is one literal. Held in
 * canonical form, so the tasks built from it never contain model text.
 */
public record AssertLine(String function, List<PythonLiteral> arguments, PythonLiteral expected) {

  public AssertLine {
    arguments = List.copyOf(arguments);
  }

  /**
   * The line read, when it has that form and calls {@code function}; empty for any other test line.
   */
  public static Optional<AssertLine> parse(String line, String function) {
    try {
      LiteralReader reader = new LiteralReader(line);
      if (!"assert".equals(reader.readName()) || !function.equals(reader.readName())) {
        return Optional.empty();
      }
      reader.expect('(');
      List<String> args = reader.readSequence(')').items();
      reader.expectText("==");
      String expected = reader.readValue();
      reader.expectEnd();
      return Optional.of(
          new AssertLine(
              function,
              args.stream().map(PythonLiteral::new).toList(),
              new PythonLiteral(expected)));
    } catch (PythonLiteral.NotALiteralException e) {
      return Optional.empty();
    }
  }

  /** The call as canonical source: {@code f(1, 'a')}. */
  public String call() {
    return function + "(" + PythonLiteral.render(arguments) + ")";
  }

  /** The argument list as canonical source: {@code 1, 'a'}. */
  public String argumentSource() {
    return PythonLiteral.render(arguments);
  }
}
