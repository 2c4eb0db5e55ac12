package org.laimark.model.pretrain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.laimark.data.domain.DomainGenerator;
import org.laimark.data.domain.DomainProblem;
import org.laimark.data.domain.HeldOutGuard;
import org.laimark.data.domain.TestCase;
import org.laimark.model.policy.ChatMessage;

/**
 * Turns domain problems into pre-training examples. Every problem teaches solving (stub to body); as the
 * {@link CorpusMix} draws, it also teaches writing (topic and difficulty to a whole problem in the study's
 * FUNCTION:/TESTS:/SOLUTION: format), writing a harder variant (the problem to one with an extra
 * operation, itself kept apart from the held-out benchmark), deduction (call to value) and abduction (value
 * to argument) on one of its test cases. The draws and the order are fixed by the corpus seed.
 */
public final class PretrainCorpus {

  private final PretrainPrompts prompts;
  private final CorpusMix mix;
  private final WriteTopic topic;

  public PretrainCorpus(PretrainPrompts prompts, CorpusMix mix) {
    this(prompts, mix, WriteTopic.CATEGORY);
  }

  public PretrainCorpus(PretrainPrompts prompts, CorpusMix mix, WriteTopic topic) {
    this.prompts = prompts;
    this.mix = mix;
    this.topic = topic;
  }

  /** Examples of {@code problems}; harder variants that {@code guard} finds overlapping are not used. */
  public List<PretrainExample> examples(List<DomainProblem> problems, long seed, HeldOutGuard guard) {
    Random rng = new Random(seed);
    DomainGenerator variants = new DomainGenerator(new Random(seed + 1));
    List<PretrainExample> out = new ArrayList<>();
    for (DomainProblem p : problems) {
      out.add(solve(p));
      TestCase c = p.cases().get(rng.nextInt(p.cases().size()));
      // One draw per kind whatever the mix, so changing one share leaves the others' draws alone.
      double write = rng.nextDouble();
      double harder = rng.nextDouble();
      double deduce = rng.nextDouble();
      double abduce = rng.nextDouble();
      if (write < mix.write()) {
        out.add(write(p));
      }
      if (harder < mix.harder() && p.difficulty() < 4) {
        variants.harder(p, composition -> !guard.reservedComposition(composition))
            .filter(v -> guard.overlap(v).isEmpty())
            .ifPresent(v -> out.add(harder(p, v)));
      }
      if (deduce < mix.deduce()) {
        out.add(deduce(p, c));
      }
      if (abduce < mix.abduce()) {
        out.add(abduce(p, c));
      }
    }
    Collections.shuffle(out, rng);
    return out;
  }

  public PretrainExample solve(DomainProblem p) {
    return example(PretrainExample.Kind.SOLVE, PretrainPrompts.fill(prompts.solve(), Map.of("stub", p.stub())),
        p.body());
  }

  public PretrainExample write(DomainProblem p) {
    String ask = PretrainPrompts.fill(prompts.write(),
        Map.of("topic", topic.of(p), "difficulty", Integer.toString(p.difficulty())));
    return example(PretrainExample.Kind.WRITE, ask, problemText(p));
  }

  /** Asked with the parent as the pipeline shows it (FUNCTION: and TESTS:); answered with the variant. */
  public PretrainExample harder(DomainProblem parent, DomainProblem variant) {
    String shown = "FUNCTION:\n" + parent.stub().stripTrailing() + "\n\nTESTS:\n" + parent.tests().strip();
    String ask = PretrainPrompts.fill(prompts.harder(), Map.of("problem", shown));
    return example(PretrainExample.Kind.HARDER, ask, problemText(variant));
  }

  /** A problem in the study's generation format: three marked sections. */
  public static String problemText(DomainProblem p) {
    return "FUNCTION:\n" + p.stub() + "\nTESTS:\n" + p.tests() + "\n\nSOLUTION:\n" + p.solution();
  }

  public PretrainExample deduce(DomainProblem p, TestCase c) {
    String call = p.entryPoint() + "(" + c.argument() + ")";
    String ask = PretrainPrompts.fill(prompts.deduce(), Map.of("code", p.bareCode(), "call", call));
    return example(PretrainExample.Kind.DEDUCE, ask, c.expectedLiteral());
  }

  public PretrainExample abduce(DomainProblem p, TestCase c) {
    String ask = PretrainPrompts.fill(prompts.abduce(),
        Map.of("code", p.bareCode(), "function", p.entryPoint(), "output", c.expectedLiteral()));
    return example(PretrainExample.Kind.ABDUCE, ask, c.argument());
  }

  private PretrainExample example(PretrainExample.Kind kind, String user, String answer) {
    return new PretrainExample(kind, List.of(ChatMessage.system(prompts.system()), ChatMessage.user(user)),
        answer);
  }
}
