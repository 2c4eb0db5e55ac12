package org.laimark.model.train;

/**
 * The trainer's random stream: SplitMix64 (Steele, Lea and Flood 2014), chosen because its whole state is
 * one {@code long} that a checkpoint can store, unlike {@link java.util.Random}'s hidden state. Each step
 * draws from it the seed of the engine's generator (dropout masks), so a resumed run draws the same masks.
 */
public final class TrainingRandom {

  private long state;

  public TrainingRandom(long seed) {
    this.state = seed;
  }

  public long nextLong() {
    long z = (state += 0x9E3779B97F4A7C15L);
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** A seed for {@code Engine.setRandomSeed}, which takes an int. */
  public int nextSeed() {
    return (int) (nextLong() >>> 33);
  }

  public long state() {
    return state;
  }

  public void restore(long savedState) {
    this.state = savedState;
  }
}
