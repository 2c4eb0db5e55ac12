package org.laimark.data.domain;

/**
 * How many problems each split gets, and the seed that makes them.
 *
 * @param seed the one seed every split is derived from
 * @param heldOut held-out benchmark size (distinct compositions; a few hundred)
 * @param curated curated training set size (distinct entry points)
 * @param pretrain pre-training pool size (repeats of a composition with other parameters allowed)
 */
public record SplitSizes(long seed, int heldOut, int curated, int pretrain) {

  /** The shipped splits: 300 held-out problems, 1000 curated, 40 000 for pre-training. */
  public static final SplitSizes DEFAULT = new SplitSizes(20260401L, 300, 1000, 40_000);

  public SplitSizes {
    if (heldOut <= 0 || curated < 0 || pretrain < 0) {
      throw new IllegalArgumentException("split sizes must be positive (held-out) or non-negative, got "
          + heldOut + "/" + curated + "/" + pretrain);
    }
  }

  public SplitSizes withPretrain(int size) {
    return new SplitSizes(seed, heldOut, curated, size);
  }
}
