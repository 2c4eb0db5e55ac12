package org.laimark.model.pretrain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.laimark.data.domain.DomainGenerator;
import org.laimark.data.domain.DomainProblem;
import org.laimark.data.domain.DomainSplits;
import org.laimark.data.domain.HeldOutGuard;
import org.laimark.data.domain.SplitSizes;
import org.laimark.data.domain.TestCase;

class PretrainCorpusTest {

  private static final DomainSplits SPLITS = DomainSplits.generate(new SplitSizes(9, 30, 5, 400));
  private static final List<DomainProblem> PROBLEMS = SPLITS.pretrain();
  private static final HeldOutGuard GUARD = new HeldOutGuard(SPLITS.heldOut());

  @Test
  void everyProblemTeachesSolvingAndTheMixDecidesTheRest() {
    List<PretrainExample> examples = new PretrainCorpus(PretrainPrompts.DEFAULT, new CorpusMix(0.5, 0, 0.25, 0))
        .examples(PROBLEMS, 1, GUARD);

    Map<PretrainExample.Kind, Long> counts =
        examples.stream().collect(Collectors.groupingBy(PretrainExample::kind, Collectors.counting()));

    assertEquals(400, counts.get(PretrainExample.Kind.SOLVE));
    assertEquals(200, counts.get(PretrainExample.Kind.WRITE), 40);
    assertEquals(100, counts.get(PretrainExample.Kind.DEDUCE), 30);
    assertEquals(null, counts.get(PretrainExample.Kind.ABDUCE));
    assertEquals(null, counts.get(PretrainExample.Kind.HARDER));
  }

  @Test
  void aHarderVariantAddsOneOperationToTheParentAndStaysClearOfTheHeldOutSet() {
    DomainProblem parent = PROBLEMS.stream().filter(p -> p.difficulty() == 2).findFirst().orElseThrow();

    DomainProblem variant = new DomainGenerator(new Random(4)).harder(parent, c -> true).orElseThrow();
    PretrainExample example = new PretrainCorpus(PretrainPrompts.DEFAULT, CorpusMix.ALL).harder(parent, variant);

    assertEquals(3, variant.difficulty());
    List<String> parentSteps = parent.composition().steps().stream().map(s -> s.primitive().id()).toList();
    List<String> variantSteps = variant.composition().steps().stream().map(s -> s.primitive().id()).toList();
    assertTrue(isSubsequence(parentSteps, variantSteps), parentSteps + " in " + variantSteps);
    assertTrue(example.prompt().get(1).content().contains("FUNCTION:\n" + parent.stub().stripTrailing()
        + "\n\nTESTS:\n" + parent.tests()));
    assertEquals(PretrainCorpus.problemText(variant), example.answer());
    List<PretrainExample> all = new PretrainCorpus(PretrainPrompts.DEFAULT, new CorpusMix(0, 1, 0, 0))
        .examples(PROBLEMS, 2, GUARD);
    assertTrue(all.stream().filter(e -> e.kind() == PretrainExample.Kind.HARDER).count() > 200);
    all.stream().filter(e -> e.kind() == PretrainExample.Kind.HARDER).forEach(e -> assertTrue(
        SPLITS.heldOut().stream().noneMatch(h -> e.answer().contains("def " + h.entryPoint() + "(")),
        "a harder variant is a held-out problem"));
  }

  private static boolean isSubsequence(List<String> small, List<String> large) {
    int i = 0;
    for (String s : large) {
      if (i < small.size() && small.get(i).equals(s)) {
        i++;
      }
    }
    return i == small.size() && large.size() == small.size() + 1;
  }

  @Test
  void solvingAnswersWithTheIndentedBodyThatCompletesTheStub() {
    DomainProblem p = PROBLEMS.get(0);

    PretrainExample solve = new PretrainCorpus(PretrainPrompts.DEFAULT, CorpusMix.ALL).solve(p);

    assertTrue(solve.prompt().get(1).content().endsWith(p.stub()));
    assertTrue(solve.answer().startsWith("    "), solve.answer());
    assertEquals(p.solution(), p.stub() + solve.answer());
    assertTrue(solve.completion().endsWith("<|im_end|>"));
    assertTrue(solve.renderedPrompt().endsWith("<|im_start|>assistant\n"));
  }

  @Test
  void writingAnswersInTheStudysThreeSectionFormat() {
    DomainProblem p = PROBLEMS.get(1);

    String text = new PretrainCorpus(PretrainPrompts.DEFAULT, CorpusMix.ALL).write(p).answer();

    String function = between(text, "FUNCTION:", "TESTS:");
    String tests = between(text, "TESTS:", "SOLUTION:");
    String solution = text.substring(text.indexOf("SOLUTION:") + "SOLUTION:".length()).trim();
    assertTrue(function.startsWith("def " + p.entryPoint() + "("), function);
    assertEquals(5, tests.lines().filter(l -> l.startsWith("assert ")).count());
    assertEquals(p.solution().trim(), solution);
  }

  @Test
  void aFirstStepTopicAsksForTheProblemsFirstOperationByName() {
    DomainProblem p = PROBLEMS.get(1);
    String firstPhrase = p.composition().steps().get(0).primitive().phrases().get(0);

    String asked = new PretrainCorpus(PretrainPrompts.DEFAULT, CorpusMix.ALL, WriteTopic.FIRST_STEP)
        .write(p).prompt().get(1).content();
    List<String> sweep = WriteTopic.FIRST_STEP.all(PROBLEMS);

    String topic = p.topic() + ", first step: " + firstPhrase.replace("{a}", "n").replace("{b}", "m");
    assertEquals("Write a new " + topic + " problem of difficulty " + p.difficulty() + ".", asked);
    assertTrue(sweep.contains(topic), sweep.toString());
    assertEquals(sweep.size(), new java.util.HashSet<>(sweep).size(), "each topic once");
  }

  @Test
  void deductionAndAbductionAnswerWithLiterals() {
    DomainProblem p = PROBLEMS.get(2);
    TestCase c = p.cases().get(3);
    PretrainCorpus corpus = new PretrainCorpus(PretrainPrompts.DEFAULT, CorpusMix.ALL);

    PretrainExample deduce = corpus.deduce(p, c);
    PretrainExample abduce = corpus.abduce(p, c);

    assertEquals(c.expectedLiteral(), deduce.answer());
    assertTrue(deduce.prompt().get(1).content().contains(p.entryPoint() + "(" + c.argument() + ")"));
    assertEquals(c.argument(), abduce.answer());
    assertTrue(abduce.prompt().get(1).content().contains("returns " + c.expectedLiteral() + "."));
  }

  private static String between(String text, String from, String to) {
    return text.substring(text.indexOf(from) + from.length(), text.indexOf(to)).trim();
  }
}
