package org.laimark.actors.pipeline.calibration;

import java.util.Locale;

/** What a calibration concluded, or that it needs more samples. */
public enum CalibrationDecision {
  /** The pass rate is inside the learnability window: keep the problem. */
  KEEP,
  /** Too few passes: the policy (almost) never solves it. */
  TOO_HARD,
  /** Too many passes: the policy (almost) always solves it. */
  TOO_EASY,
  /** Not decided yet: draw more samples. */
  CONTINUE;

  /** A short stable label for journals and reports: {@code too_hard}, {@code too_easy}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
