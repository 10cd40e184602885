package io.schedlab.framework;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Per-cycle scratch space shared by the plugins of one profile for one pod.
 *
 * <p>Implementation note: each {@link Key} gets a small global integer id when created, so a read
 * is one array load with no hashing or string compare. Keys are created once, as static finals
 * of the plugin classes. Writes happen in PreFilter/PreScore (single threaded); Filter and Score
 * only read, which is what makes the parallel chunks safe.
 */
public final class CycleState {
  private static final AtomicInteger NEXT_KEY = new AtomicInteger();

  /** A typed slot in the state. */
  public static final class Key<T extends StateData> {
    private final String name;
    private final int id;

    private Key(String name) {
      this.name = name;
      this.id = NEXT_KEY.getAndIncrement();
    }

    public static <T extends StateData> Key<T> of(String name) {
      return new Key<>(name);
    }

    public String name() {
      return name;
    }

    @Override
    public String toString() {
      return name;
    }
  }

  private StateData[] slots = new StateData[Math.max(8, NEXT_KEY.get())];
  private long skipFilterMask;
  private long skipScoreMask;
  private boolean recordPluginMetrics;

  @SuppressWarnings("unchecked")
  public <T extends StateData> T read(Key<T> key) {
    return key.id < slots.length ? (T) slots[key.id] : null;
  }

  /** Reads a key that must have been written, as upstream plugins do with their own PreFilter state. */
  public <T extends StateData> T require(Key<T> key) {
    T v = read(key);
    if (v == null) {
      throw new StatusException(
          Status.error("reading \"" + key.name + "\" from cycleState: not found"));
    }
    return v;
  }

  public <T extends StateData> void write(Key<T> key, T value) {
    if (key.id >= slots.length) {
      slots = Arrays.copyOf(slots, Math.max(key.id + 1, slots.length * 2));
    }
    slots[key.id] = value;
  }

  public void delete(Key<?> key) {
    if (key.id < slots.length) {
      slots[key.id] = null;
    }
  }

  /** Filter plugins (by their index in the profile's filter list) that PreFilter said to skip. */
  public boolean skipFilter(int filterIndex) {
    return (skipFilterMask & (1L << filterIndex)) != 0;
  }

  public void setSkipFilter(int filterIndex) {
    skipFilterMask |= 1L << filterIndex;
  }

  public boolean skipScore(int scoreIndex) {
    return (skipScoreMask & (1L << scoreIndex)) != 0;
  }

  public void setSkipScore(int scoreIndex) {
    skipScoreMask |= 1L << scoreIndex;
  }

  public boolean recordPluginMetrics() {
    return recordPluginMetrics;
  }

  public void setRecordPluginMetrics(boolean on) {
    recordPluginMetrics = on;
  }

  /** A copy whose plugin data is copied through {@link StateData#copy()}. */
  public CycleState copy() {
    CycleState c = new CycleState();
    c.slots = new StateData[slots.length];
    for (int i = 0; i < slots.length; i++) {
      c.slots[i] = slots[i] == null ? null : slots[i].copy();
    }
    c.skipFilterMask = skipFilterMask;
    c.skipScoreMask = skipScoreMask;
    c.recordPluginMetrics = recordPluginMetrics;
    return c;
  }
}
