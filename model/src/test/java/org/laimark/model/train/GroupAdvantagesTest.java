package org.laimark.model.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class GroupAdvantagesTest {

  @Test
  void centresOnTheGroupMeanAndScalesByTheUnbiasedStd() {
    // rewards 1, 0, 0, 1: mean 0.5, unbiased std sqrt(1/3)
    GroupAdvantages result = GroupAdvantages.of(List.of(new double[] {1, 0, 0, 1}), true);

    double a = 0.5 / (Math.sqrt(1.0 / 3) + GroupAdvantages.EPSILON);
    assertArrayEquals(new double[] {a, -a, -a, a}, result.advantages(), 1e-12);
  }

  @Test
  void drGrpoLeavesTheStdOut() {
    GroupAdvantages result = GroupAdvantages.of(List.of(new double[] {1, 0, 0, 0}), false);

    assertArrayEquals(new double[] {0.75, -0.25, -0.25, -0.25}, result.advantages(), 1e-12);
  }

  @Test
  void groupsWithEqualRewardsGetZeroAdvantageAndCountAsDegenerate() {
    GroupAdvantages result =
        GroupAdvantages.of(
            List.of(new double[] {1, 1}, new double[] {0, 0}, new double[] {0, 1}, new double[] {1, 0}),
            true);

    assertArrayEquals(new double[] {0, 0, 0, 0}, java.util.Arrays.copyOf(result.advantages(), 4));
    assertEquals(0.5, result.nonDegenerateGroupFraction());
    assertEquals(0.5, result.meanReward());
  }
}
