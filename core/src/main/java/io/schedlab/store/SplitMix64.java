package io.schedlab.store;

/**
 * The SplitMix64 generator: tiny, fast and fully specified by its constants, so a seed gives the
 * same sequence on every JVM (java.util.SplittableRandom does not promise that).
 */
final class SplitMix64 {
  private long state;

  SplitMix64(long seed) {
    this.state = seed;
  }

  long nextLong() {
    long z = (state += 0x9E3779B97F4A7C15L);
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** Uniform in [0, bound) by rejection, so small bounds carry no modulo bias. */
  int nextInt(int bound) {
    // 2^64 mod bound: dropping draws below it leaves a range that is a multiple of bound.
    long threshold = Long.remainderUnsigned(-(long) bound, bound);
    while (true) {
      long r = nextLong();
      if (Long.compareUnsigned(r, threshold) >= 0) {
        return (int) Long.remainderUnsigned(r, bound);
      }
    }
  }
}
