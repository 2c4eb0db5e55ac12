package org.laimark.actors.pipeline.tasks;

import java.util.List;
import java.util.Optional;

/**
 * A call whose arguments are all literals, {@code NAME(LITERALS)}, read from model text and held in
 * canonical form: what a written test or docstring example asks a function for, without whatever
 * value the model claimed it returns.
 */
public record LiteralCall(String function, List<PythonLiteral> arguments) {

  public LiteralCall {
    arguments = List.copyOf(arguments);
  }

  /**
   * The call on the left of a test line {@code assert NAME(LITERALS) == ...}; the right side is not
   * read (it may be wrong, or cut off by the token cap). Empty for any other line.
   */
  public static Optional<LiteralCall> ofAssert(String line) {
    try {
      LiteralReader reader = new LiteralReader(line);
      if (!"assert".equals(reader.readName())) {
        return Optional.empty();
      }
      LiteralCall call = readCall(reader);
      reader.expectText("==");
      return Optional.of(call);
    } catch (PythonLiteral.NotALiteralException e) {
      return Optional.empty();
    }
  }

  /** The call of a docstring example line {@code >>> NAME(LITERALS)}; empty for any other line. */
  public static Optional<LiteralCall> ofExample(String line) {
    String text = line.strip();
    if (!text.startsWith(">>>")) {
      return Optional.empty();
    }
    try {
      LiteralReader reader = new LiteralReader(text.substring(3));
      LiteralCall call = readCall(reader);
      reader.expectEnd();
      return Optional.of(call);
    } catch (PythonLiteral.NotALiteralException e) {
      return Optional.empty();
    }
  }

  /** This call's arguments aimed at {@code entryPoint}, as canonical source: {@code f(1, 'a')}. */
  public String source(String entryPoint) {
    return entryPoint + "(" + PythonLiteral.render(arguments) + ")";
  }

  private static LiteralCall readCall(LiteralReader reader) {
    String name = reader.readName();
    if (name == null) {
      throw new PythonLiteral.NotALiteralException("no function name");
    }
    reader.expect('(');
    List<PythonLiteral> args =
        reader.readSequence(')').items().stream().map(PythonLiteral::new).toList();
    return new LiteralCall(name, args);
  }
}
