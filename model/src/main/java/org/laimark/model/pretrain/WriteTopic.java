package org.laimark.model.pretrain;

import java.util.List;
import java.util.TreeSet;
import org.laimark.data.domain.DomainProblem;
import org.laimark.data.domain.Primitive;

/**
 * What a "write" example's prompt names as the problem's {@code {topic}}, and so what the pipeline can ask
 * the model for. The study's topics are broad, and a model that writes what it likes under a broad topic
 * writes few operations (session 8: the embedded model's self-written problems used 33 of the domain's 156
 * held-out step phrases, a fifth of them "remove the vowels"). Naming the first operation lets the
 * pipeline's topic sweep ({@code generator.topics}, visited in turn) ask for every one.
 */
public enum WriteTopic {

  /** The study's kind: "list operations", "string manipulation" or "math", by what the function takes. */
  CATEGORY,

  /**
   * The category and the first operation, its parameters as letters: "list operations, first step: keep
   * only the numbers greater than n".
   */
  FIRST_STEP;

  public String of(DomainProblem problem) {
    if (this == CATEGORY) {
      return problem.topic();
    }
    Primitive first = problem.composition().steps().get(0).primitive();
    String phrase = first.phrases().get(0).replace("{a}", "n").replace("{b}", "m");
    return problem.topic() + ", first step: " + phrase;
  }

  /** Every topic {@code problems} are written under, sorted: what the model learned to be asked for. */
  public List<String> all(List<DomainProblem> problems) {
    if (this == CATEGORY) {
      return List.of("list operations", "string manipulation", "math");
    }
    TreeSet<String> topics = new TreeSet<>();
    for (DomainProblem p : problems) {
      topics.add(of(p));
    }
    return List.copyOf(topics);
  }
}
