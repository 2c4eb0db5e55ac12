package org.laimark.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TIntervalTest {

  @Test
  void threeSeedsUseTheTQuantileWithTwoDegreesOfFreedom() {
    TInterval t = TInterval.of(List.of(1.0, 2.0, 3.0)); // mean 2, s = 1

    assertEquals(2.0, t.mean(), 1e-12);
    assertEquals(4.303 / Math.sqrt(3), t.halfWidth(), 1e-9);
    assertEquals(3, t.n());
  }

  @Test
  void identicalSeedsHaveAZeroWidthInterval() {
    TInterval t = TInterval.of(List.of(0.55, 0.55));

    assertEquals(0.55, t.mean(), 1e-12);
    assertEquals(0.0, t.halfWidth(), 1e-12);
  }

  @Test
  void oneSeedHasNoIntervalAndManySeedsApproachTheNormalQuantile() {
    assertTrue(Double.isNaN(TInterval.of(List.of(0.4)).halfWidth()));
    assertTrue(Double.isNaN(TInterval.of(List.of()).mean()));
    assertEquals(1.960, TInterval.quantile(200), 1e-12);
    assertEquals(12.706, TInterval.quantile(1), 1e-12);
  }
}
