package io.schedlab.framework;

import java.util.HashMap;
import java.util.Map;

/**
 * Maps label keys and values to small integer ids, so matching compares ints instead of strings.
 * Keys and values share one id space. Thread safe for the rare registration; one interner serves
 * one scheduler, and ids are stable for its life.
 */
public final class LabelInterner {
  private final Map<String, Integer> ids = new HashMap<>();
  private String[] strings = new String[64];
  private int size;

  public synchronized int id(String s) {
    Integer id = ids.get(s);
    if (id != null) {
      return id;
    }
    if (size == strings.length) {
      strings = java.util.Arrays.copyOf(strings, size * 2);
    }
    strings[size] = s;
    ids.put(s, size);
    return size++;
  }

  /** The id of a string already seen, or -1: a selector value never seen on any object matches nothing. */
  public synchronized int find(String s) {
    Integer id = ids.get(s);
    return id == null ? -1 : id;
  }

  public synchronized String string(int id) {
    return strings[id];
  }

  public synchronized int size() {
    return size;
  }
}
