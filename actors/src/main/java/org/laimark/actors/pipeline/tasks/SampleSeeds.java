package org.laimark.actors.pipeline.tasks;

import java.nio.charset.StandardCharsets;

/**
 * Sampling seeds derived from a base seed and the sample's identity (purpose, task key, round or
 * policy version, index), so a sample is reproducible, a resumed run draws the same samples again,
 * and calibration samples never repeat training rollouts of the same task.
 */
public final class SampleSeeds {

  private SampleSeeds() {}

  public static long derive(long base, Object... parts) {
    long h = mix(base ^ 0x632BE59BD9B4E019L);
    for (Object part : parts) {
      for (byte b : String.valueOf(part).getBytes(StandardCharsets.UTF_8)) {
        h = mix(h ^ (b & 0xff));
      }
      h = mix(h ^ 0x1F);
    }
    return h;
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
