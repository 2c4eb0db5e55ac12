package org.laimark.actors.sandbox;

import java.util.concurrent.CompletionStage;
import org.laimark.data.SandboxJob;
import org.laimark.data.Verdict;

/**
 * What the rest of the system needs from the sandbox: run one job, get its verdict. Implemented over the
 * supervised worker pool; every stage that judges model-written code goes through here and nowhere else.
 * The stage never completes exceptionally for a bad program: a bad program is a verdict.
 */
public interface Sandbox {
  CompletionStage<Verdict> run(SandboxJob job);
}
