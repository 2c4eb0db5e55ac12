package org.laimark.actors.pipeline.tasks;

import org.laimark.data.SandboxJob;

/**
 * How one answer is judged: a sandbox job whose verdict is the reward, or a failure decided without
 * running anything (an empty answer, an answer that is not a literal). Exactly one of the two is
 * set.
 */
public record Grading(SandboxJob job, String failure) {

  public Grading {
    if ((job == null) == (failure == null)) {
      throw new IllegalArgumentException("a grading is either a sandbox job or a failure");
    }
  }

  public static Grading run(SandboxJob job) {
    return new Grading(job, null);
  }

  public static Grading fail(String why) {
    return new Grading(null, why);
  }

  public boolean needsSandbox() {
    return job != null;
  }
}
