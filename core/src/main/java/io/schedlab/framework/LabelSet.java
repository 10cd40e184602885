package io.schedlab.framework;

import java.util.Arrays;
import java.util.Map;

/**
 * A compiled label map: interned key ids sorted ascending with their value ids beside them.
 * Lookup is a binary search over a handful of ints; no strings are touched on the hot path.
 */
public final class LabelSet {
  public static final LabelSet EMPTY = new LabelSet(new int[0], new int[0]);

  private final int[] keys;
  private final int[] values;

  private LabelSet(int[] keys, int[] values) {
    this.keys = keys;
    this.values = values;
  }

  public static LabelSet of(Map<String, String> labels, LabelInterner interner) {
    if (labels == null || labels.isEmpty()) {
      return EMPTY;
    }
    int n = labels.size();
    long[] packed = new long[n];
    int i = 0;
    for (Map.Entry<String, String> e : labels.entrySet()) {
      packed[i++] = ((long) interner.id(e.getKey()) << 32) | (interner.id(e.getValue()) & 0xffffffffL);
    }
    Arrays.sort(packed);
    int[] k = new int[n];
    int[] v = new int[n];
    for (i = 0; i < n; i++) {
      k[i] = (int) (packed[i] >>> 32);
      v[i] = (int) packed[i];
    }
    return new LabelSet(k, v);
  }

  /** The value id for a key id, or -1 when the key is absent. */
  public int get(int keyId) {
    int i = Arrays.binarySearch(keys, keyId);
    return i < 0 ? -1 : values[i];
  }

  public boolean has(int keyId) {
    return keyId >= 0 && Arrays.binarySearch(keys, keyId) >= 0;
  }

  public int size() {
    return keys.length;
  }

  public int keyAt(int i) {
    return keys[i];
  }

  public int valueAt(int i) {
    return values[i];
  }
}
