package org.laimark.data.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DomainSpecTest {

  @Test
  void everyGeneratedDocstringReadsBackToACompositionThatComputesItsTests() {
    DomainGenerator generator = new DomainGenerator(new Random(3));
    for (int i = 0; i < 400; i++) {
      DomainProblem p = generator.generate(1 + i % 4, c -> true);

      Optional<Composition> read = DomainSpec.read(p.docstring());

      assertTrue(read.isPresent(), "could not read: " + p.description());
      for (TestCase c : p.cases()) {
        assertEquals(PythonLiteral.of(c.expected()), PythonLiteral.of(read.get().apply(c.input())), p.description());
      }
    }
  }

  @Test
  void thePythonFunctionIsTheDomainsBodyUnderAnotherName() {
    DomainProblem p = new DomainGenerator(new Random(5)).generate(3, c -> true);

    String function = DomainSpec.pythonFunction(DomainSpec.read(p.docstring()).orElseThrow(), "spec");

    assertEquals("def spec(" + p.composition().input().variable() + "):\n" + p.body(), function);
  }

  @Test
  void stepsInAnotherOrderAreAnotherComposition() {
    Composition squareThenReverse = DomainSpec.read(
        "Take an integer n: square the number, then reverse its digits, dropping any minus sign. "
            + "Return the resulting integer.").orElseThrow();

    Composition reverseThenSquare = DomainSpec.read(
        "Take an integer n: reverse its digits, dropping any minus sign, then square the number. "
            + "Return the resulting integer.").orElseThrow();

    assertEquals(94L, squareThenReverse.apply(7L));
    assertEquals(49L, reverseThenSquare.apply(7L));
  }

  @Test
  void proseOutsideTheLanguageIsNotRead() {
    assertTrue(DomainSpec.read("Take a list of integers nums: sort them cleverly. Return the resulting list.").isEmpty());
    assertTrue(DomainSpec.read("Return the sum of the squares.").isEmpty());
    // The return sentence must fit the last step: a count is an integer, not a list.
    assertTrue(DomainSpec.read(
        "Take a string text: count the characters. Return the resulting list.").isEmpty());
  }
}
