package io.schedlab.store;

import java.util.UUID;

/**
 * Deterministic object uids: version-4-shaped UUID strings drawn from a seeded generator, so the
 * same seed names the same objects the same way in every run.
 */
public final class UidGenerator {
  private final SplitMix64 random;

  public UidGenerator(long seed) {
    this.random = new SplitMix64(seed);
  }

  /** The next uid, e.g. {@code 3f2a9c4e-8d1b-4e6f-a0c2-5b7d9e1f3a5c}. */
  public String next() {
    long high = random.nextLong();
    long low = random.nextLong();
    high = (high & ~0xF000L) | 0x4000L; // version 4
    low = (low & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L; // IETF variant
    return new UUID(high, low).toString();
  }
}
