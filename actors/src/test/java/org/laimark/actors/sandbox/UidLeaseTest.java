package org.laimark.actors.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class UidLeaseTest {

  @Test
  void poolsGetDisjointBlocksOfUids() {
    try (UidLease first = UidLease.acquire(70001, 3);
        UidLease second = UidLease.acquire(70001, 3)) {
      assertEquals(70001, first.firstUid());
      assertEquals(70004, second.firstUid());
    }
  }

  @Test
  void aReleasedBlockCanBeTakenAgain() {
    UidLease.acquire(70101, 2).close();

    try (UidLease again = UidLease.acquire(70101, 2)) {
      assertEquals(70101, again.firstUid());
    }
  }
}
