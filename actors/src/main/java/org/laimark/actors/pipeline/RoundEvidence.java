package org.laimark.actors.pipeline;

import java.util.ArrayList;
import java.util.List;
import org.laimark.actors.pipeline.SampleGrader.SampleResult;
import org.laimark.actors.pipeline.Trainer.Evidence;
import org.laimark.actors.pipeline.Trainer.ProblemResult;
import org.laimark.actors.pipeline.Trainer.RoundProblem;
import org.laimark.actors.pipeline.calibration.CalibrationDecision;
import org.laimark.actors.pipeline.calibration.SequentialCalibration;

/**
 * Continuous re-calibration: a round's rollouts are also samples of each problem's pass rate under
 * the version that drew them. They are added to the problem's earlier evidence when that was
 * gathered under the same version (else they replace it: the policy changed), and the calibration
 * rule judges the total; a problem it puts outside the window is retired (too easy: learnt; too
 * hard: out of reach).
 */
final class RoundEvidence {

  private RoundEvidence() {}

  static List<ProblemResult> results(
      List<RoundProblem> problems,
      List<List<SampleResult>> rewards,
      long sampledVersion,
      SequentialCalibration rule) {
    List<ProblemResult> out = new ArrayList<>(problems.size());
    for (int i = 0; i < problems.size(); i++) {
      RoundProblem p = problems.get(i);
      int passes = (int) rewards.get(i).stream().filter(SampleResult::passed).count();
      int rollouts = rewards.get(i).size();
      Evidence prior = p.evidence();
      Evidence estimate =
          prior != null && prior.policyVersion() == sampledVersion
              ? new Evidence(sampledVersion, prior.passes() + passes, prior.attempts() + rollouts)
              : new Evidence(sampledVersion, passes, rollouts);
      CalibrationDecision judged = rule.judgeEvidence(estimate.passes(), estimate.attempts());
      boolean retire =
          judged == CalibrationDecision.TOO_EASY || judged == CalibrationDecision.TOO_HARD;
      out.add(
          new ProblemResult(
              p.problemId(), passes, rollouts, estimate, retire, retire ? judged.label() : ""));
    }
    return out;
  }
}
