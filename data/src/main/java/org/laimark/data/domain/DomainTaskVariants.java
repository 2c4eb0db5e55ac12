package org.laimark.data.domain;

import java.util.ArrayList;
import java.util.List;
import org.laimark.data.Abduction;
import org.laimark.data.Deduction;
import org.laimark.data.Problem;
import org.laimark.data.TaskType;

/**
 * The study's other two task types made from a generated problem, as it made them from assert lines (at
 * most {@link #PER_PROBLEM} of each): deduction shows the bare function and a call and asks for the
 * value; abduction shows the function and a value and asks for an argument producing it.
 */
public final class DomainTaskVariants {

  public static final int PER_PROBLEM = 3;

  private DomainTaskVariants() {}

  public static List<Problem> deductions(DomainProblem p, String id) {
    List<Problem> out = new ArrayList<>();
    for (int i = 0; i < Math.min(PER_PROBLEM, p.cases().size()); i++) {
      TestCase c = p.cases().get(i);
      out.add(variant(p, id + "-dd" + (i + 1), TaskType.DEDUCTION)
          .deduction(new Deduction(p.bareCode(), p.entryPoint(), c.argument(), c.expectedLiteral()))
          .build());
    }
    return out;
  }

  public static List<Problem> abductions(DomainProblem p, String id) {
    List<Problem> out = new ArrayList<>();
    for (int i = 0; i < Math.min(PER_PROBLEM, p.cases().size()); i++) {
      TestCase c = p.cases().get(i);
      out.add(variant(p, id + "-ab" + (i + 1), TaskType.ABDUCTION)
          .abduction(new Abduction(p.bareCode(), p.entryPoint(), c.expectedLiteral()))
          .build());
    }
    return out;
  }

  private static Problem.Builder variant(DomainProblem p, String id, TaskType type) {
    return new Problem.Builder(id, type)
        .entryPoint(p.entryPoint())
        .topic(p.topic())
        .difficulty(Integer.toString(p.difficulty()))
        .source(DomainProblem.SOURCE);
  }
}
