package io.schedlab.plugins.interpodaffinity;

import java.util.Arrays;

/**
 * Counts (or scores) per topology pair, a pair being an interned label key id and value id
 * packed into one long ({@link #pair}).
 *
 * <p>Implementation note: open addressing with linear probing over one {@code long[]} holding each
 * slot's key and value side by side (one cache line for both), so a lookup from Filter or Score is a multiply, a shift and a short
 * probe, with no boxing. Upstream deletes a map entry whose count drops to zero and tests {@code
 * len(map)}; here a zeroed slot stays (pairs are few and come back) and {@link #nonZero()} counts
 * the slots whose value is not zero, which is the same number. {@link #entries()} counts every
 * pair ever touched, which is what upstream's score map length means (a score may sum to zero).
 */
final class TopologyPairMap {
  // Slots hold pair + 1, so the zeroes of a new array are the empty slots and need no fill.
  private static final long EMPTY = 0L;

  /** Slot i is {@code table[2i]} (pair + 1, or EMPTY) and {@code table[2i + 1]} (its value). */
  private long[] table;
  private int entries;
  private int nonZero;
  /** The distinct label key ids of the pairs ever added, in first-added order. */
  private int[] keyIds = new int[2];
  private int keyCount;

  TopologyPairMap() {
    this(16);
  }

  /** An empty map sized so that {@code expected} pairs fit without growing. */
  static TopologyPairMap withExpected(int expected) {
    int capacity = 16;
    while (capacity * 3 <= expected * 4 + 4) {
      capacity *= 2;
    }
    return new TopologyPairMap(capacity);
  }

  private TopologyPairMap(int capacity) {
    table = new long[capacity * 2];
  }

  /** The map key of a topology pair; both ids are non-negative, so pair + 1 never overflows to EMPTY. */
  static long pair(int keyId, int valueId) {
    return ((long) keyId << 32) | (valueId & 0xffffffffL);
  }

  static int keyIdOf(long pair) {
    return (int) (pair >>> 32);
  }

  /** The value of a pair, 0 when absent. */
  long get(long pair) {
    long[] t = table;
    int mask = (t.length >> 1) - 1;
    long stored = pair + 1;
    for (int i = slot(pair, mask); ; i = (i + 1) & mask) {
      long k = t[2 * i];
      if (k == stored) {
        return t[2 * i + 1];
      }
      if (k == EMPTY) {
        return 0;
      }
    }
  }

  void add(long pair, long delta) {
    long[] t = table;
    int mask = (t.length >> 1) - 1;
    long stored = pair + 1;
    int i = slot(pair, mask);
    while (t[2 * i] != EMPTY && t[2 * i] != stored) {
      i = (i + 1) & mask;
    }
    if (t[2 * i] == EMPTY) {
      t[2 * i] = stored;
      entries++;
      noteKey(keyIdOf(pair));
    }
    long before = t[2 * i + 1];
    long after = before + delta;
    t[2 * i + 1] = after;
    if (before == 0 && after != 0) {
      nonZero++;
    } else if (before != 0 && after == 0) {
      nonZero--;
    }
    if (entries * 4 >= (t.length >> 1) * 3) {
      grow();
    }
  }

  /** Adds every pair of {@code other} (zero-valued ones too) to this map. */
  void addAll(TopologyPairMap other) {
    long[] t = other.table;
    for (int j = 0; j < t.length; j += 2) {
      if (t[j] != EMPTY) {
        add(t[j] - 1, t[j + 1]);
      }
    }
  }

  private void noteKey(int keyId) {
    for (int k = 0; k < keyCount; k++) {
      if (keyIds[k] == keyId) {
        return;
      }
    }
    if (keyCount == keyIds.length) {
      keyIds = Arrays.copyOf(keyIds, keyCount * 2);
    }
    keyIds[keyCount++] = keyId;
  }

  /** How many distinct label keys the pairs ever added have. */
  int keyCount() {
    return keyCount;
  }

  /** The {@code k}-th distinct label key id, {@code k < keyCount()}. */
  int keyId(int k) {
    return keyIds[k];
  }

  /** How many pairs hold a non-zero value: upstream's {@code len} of a count map. */
  int nonZero() {
    return nonZero;
  }

  /** How many pairs were ever added to, zero-valued or not. */
  int entries() {
    return entries;
  }

  TopologyPairMap copy() {
    TopologyPairMap c = new TopologyPairMap(0);
    c.table = table.clone();
    c.entries = entries;
    c.nonZero = nonZero;
    c.keyIds = keyIds.clone();
    c.keyCount = keyCount;
    return c;
  }

  private void grow() {
    long[] old = table;
    long[] t = new long[old.length * 2];
    int mask = (t.length >> 1) - 1;
    for (int j = 0; j < old.length; j += 2) {
      long k = old[j];
      if (k != EMPTY) {
        int i = slot(k - 1, mask);
        while (t[2 * i] != EMPTY) {
          i = (i + 1) & mask;
        }
        t[2 * i] = k;
        t[2 * i + 1] = old[j + 1];
      }
    }
    table = t;
  }

  private static int slot(long pair, int mask) {
    long h = pair * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32)) & mask;
  }
}
