package org.laimark.actors.verify;

import java.util.List;
import org.laimark.data.Verdict;

/**
 * The verdict on one problem.
 *
 * @param id the problem's id (entry point or task id)
 * @param status the outcome; {@link VerificationStatus#VERIFIED} only when {@code findings} is
 *     empty
 * @param detail one sentence saying why, for humans
 * @param findings everything found wrong (several checks can fail at once)
 * @param reference the reference solution's verdict in the base world, or {@code null} if it never
 *     ran
 * @param runs sandbox executions spent on this problem
 */
public record Verification(
    String id,
    VerificationStatus status,
    String detail,
    List<Finding> findings,
    Verdict reference,
    int runs) {

  public Verification {
    if (status == null) {
      throw new IllegalArgumentException("status must not be null");
    }
    findings = List.copyOf(findings);
    if ((status == VerificationStatus.VERIFIED) != findings.isEmpty()
        && status != VerificationStatus.MALFORMED
        && status != VerificationStatus.UNVERIFIABLE
        && status != VerificationStatus.INFRA_ERROR) {
      throw new IllegalArgumentException(
          "a verified problem has no findings, a rejected one has some");
    }
  }

  /** A problem that was never run: unreadable, or with nothing to check. */
  static Verification notRun(String id, VerificationStatus status, String detail) {
    return new Verification(id, status, detail, List.of(), null, 0);
  }
}
