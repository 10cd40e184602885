package io.schedlab.framework;

import io.schedlab.api.LabelSelector;
import io.schedlab.api.LabelSelectorRequirement;
import io.schedlab.api.match.LabelSelectors;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A label selector compiled to interned ids, matched against {@link LabelSet}s with integer
 * compares only: the form in which PreFilter and Score test thousands of pods per cycle
 * (PodTopologySpread's spreading selectors, InterPodAffinity's terms).
 *
 * <p>Implementation note: requirements are parallel arrays (key id, operator, sorted value ids).
 * Keys and values are interned with {@link LabelInterner#id}, never merely looked up, so a label
 * value first seen after compilation still compares equal. Semantics are apimachinery's: a null
 * API selector selects nothing, an empty one everything; {@link #isEmpty()} is upstream's {@code
 * Selector.Empty()} (no requirements, and not the nothing selector).
 */
public final class InternedSelector {
  private static final byte IN = 0;
  private static final byte NOT_IN = 1;
  private static final byte EXISTS = 2;
  private static final byte DOES_NOT_EXIST = 3;

  static final InternedSelector NOTHING = new InternedSelector(new int[0], new byte[0], new int[0][], true);
  static final InternedSelector EVERYTHING = new InternedSelector(new int[0], new byte[0], new int[0][], false);

  private final int[] keys;
  private final byte[] ops;
  private final int[][] values;
  private final boolean nothing;

  private InternedSelector(int[] keys, byte[] ops, int[][] values, boolean nothing) {
    this.keys = keys;
    this.ops = ops;
    this.values = values;
    this.nothing = nothing;
  }

  /**
   * {@code metav1.LabelSelectorAsSelector}.
   *
   * @throws IllegalArgumentException with apimachinery's reason when a requirement is invalid
   */
  public static InternedSelector of(LabelSelector selector, LabelInterner interner) {
    LabelSelectors.compile(selector); // upstream's validation and error text
    if (selector == null) {
      return NOTHING;
    }
    Builder b = new Builder(interner);
    for (Map.Entry<String, String> e : selector.matchLabels().entrySet()) {
      b.add(e.getKey(), IN, List.of(e.getValue()));
    }
    for (LabelSelectorRequirement r : selector.matchExpressions()) {
      b.add(r.key(), op(r.operator()), r.values());
    }
    return b.build();
  }

  /** {@code labels.SelectorFromSet}: equality on every entry; an empty set selects everything. */
  public static InternedSelector fromSet(Map<String, String> set, LabelInterner interner) {
    Builder b = new Builder(interner);
    for (Map.Entry<String, String> e : set.entrySet()) {
      b.add(e.getKey(), IN, List.of(e.getValue() == null ? "" : e.getValue()));
    }
    return b.build();
  }

  /**
   * This selector with {@code other}'s requirements added ({@code Selector.Add(other.Requirements()...)});
   * the nothing selector has no requirements to give, so adding it changes nothing.
   */
  public InternedSelector and(InternedSelector other) {
    if (other.nothing || other.keys.length == 0) {
      return this;
    }
    if (nothing) {
      return this;
    }
    int n = keys.length;
    int m = other.keys.length;
    int[] k = Arrays.copyOf(keys, n + m);
    byte[] o = Arrays.copyOf(ops, n + m);
    int[][] v = Arrays.copyOf(values, n + m);
    System.arraycopy(other.keys, 0, k, n, m);
    System.arraycopy(other.ops, 0, o, n, m);
    System.arraycopy(other.values, 0, v, n, m);
    return new InternedSelector(k, o, v, false);
  }

  public boolean matches(LabelSet labels) {
    if (nothing) {
      return false;
    }
    for (int i = 0; i < keys.length; i++) {
      int v = labels.get(keys[i]);
      boolean ok =
          switch (ops[i]) {
            case IN -> v >= 0 && Arrays.binarySearch(values[i], v) >= 0;
            case NOT_IN -> v < 0 || Arrays.binarySearch(values[i], v) < 0;
            case EXISTS -> v >= 0;
            default -> v < 0;
          };
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /** Upstream's {@code Empty()}: selects everything. */
  public boolean isEmpty() {
    return !nothing && keys.length == 0;
  }

  public boolean isNothing() {
    return nothing;
  }

  private static byte op(String operator) {
    return switch (operator) {
      case "In" -> IN;
      case "NotIn" -> NOT_IN;
      case "Exists" -> EXISTS;
      default -> DOES_NOT_EXIST; // LabelSelectors.compile already rejected anything else
    };
  }

  private static final class Builder {
    private final LabelInterner interner;
    private final List<int[]> vals = new ArrayList<>();
    private int[] keys = new int[4];
    private byte[] ops = new byte[4];
    private int n;

    Builder(LabelInterner interner) {
      this.interner = interner;
    }

    void add(String key, byte op, List<String> values) {
      if (n == keys.length) {
        keys = Arrays.copyOf(keys, n * 2);
        ops = Arrays.copyOf(ops, n * 2);
      }
      keys[n] = interner.id(key);
      ops[n] = op;
      int[] ids = new int[values == null ? 0 : values.size()];
      for (int i = 0; i < ids.length; i++) {
        String v = values.get(i);
        ids[i] = interner.id(v == null ? "" : v);
      }
      Arrays.sort(ids);
      vals.add(ids);
      n++;
    }

    InternedSelector build() {
      if (n == 0) {
        return EVERYTHING;
      }
      return new InternedSelector(
          Arrays.copyOf(keys, n), Arrays.copyOf(ops, n), vals.toArray(new int[0][]), false);
    }
  }
}
