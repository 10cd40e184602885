package io.schedlab.traces.generate;

import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

/**
 * Derives independent random streams from one spec seed. Each workload and each purpose
 * (arrivals, durations, requests) gets its own generator, so editing one workload of a spec does
 * not shift the numbers another workload draws.
 */
public final class Seeds {
  private Seeds() {}

  /** SplitMix64's finaliser: a well-mixed 64-bit value for each distinct input. */
  public static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  /** The seed of stream {@code stream} of part {@code part} under {@code seed}. */
  public static long derive(long seed, long part, long stream) {
    return mix(mix(mix(seed) + part) + stream);
  }

  /** A Well19937c seeded with {@code seed}: the generator every distribution here uses. */
  public static RandomGenerator generator(long seed) {
    return new Well19937c(new int[] {(int) (seed >>> 32), (int) seed});
  }

  /** A generator for stream {@code stream} of part {@code part} under {@code seed}. */
  public static RandomGenerator generator(long seed, long part, long stream) {
    return generator(derive(seed, part, stream));
  }

  /** A uniform number in [0, 1) decided by the seed and a key alone (no state). */
  public static double uniform(long seed, String key) {
    long h = mix(seed);
    for (int i = 0; i < key.length(); i++) {
      h = mix(h + key.charAt(i));
    }
    return (h >>> 11) * 0x1.0p-53;
  }
}
