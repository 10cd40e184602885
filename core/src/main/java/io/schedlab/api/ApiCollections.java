package io.schedlab.api;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Immutable copies for the collections inside API records.
 *
 * <p>Maps keep their input order (the order of the manifest), unlike {@code Map.copyOf}, whose
 * iteration order changes from one JVM run to the next: a simulation must iterate labels and
 * resource lists the same way every run to be reproducible. Copying an already frozen collection
 * returns it unchanged, so the {@code with...} copies of a record do not copy its collections
 * again.
 */
public final class ApiCollections {
  private ApiCollections() {}

  /** An immutable copy of {@code list} without null elements; empty for null. */
  public static <T> List<T> list(List<? extends T> list) {
    if (list == null || list.isEmpty()) {
      return List.of();
    }
    for (int i = 0; i < list.size(); i++) {
      if (list.get(i) == null) {
        List<T> copy = new ArrayList<>(list.size());
        for (T t : list) {
          if (t != null) {
            copy.add(t);
          }
        }
        return List.copyOf(copy);
      }
    }
    return List.copyOf(list);
  }

  /**
   * An immutable, order-keeping copy of a string map; a null value becomes "" (what Go decodes a
   * JSON null into).
   */
  public static Map<String, String> strings(Map<String, String> map) {
    if (map == null || map.isEmpty()) {
      return Map.of();
    }
    if (map instanceof FrozenMap<String, String> frozen) {
      return frozen;
    }
    LinkedHashMap<String, String> copy = new LinkedHashMap<>(capacity(map.size()));
    for (Map.Entry<String, String> e : map.entrySet()) {
      copy.put(requireKey(e.getKey()), e.getValue() == null ? "" : e.getValue());
    }
    return new FrozenMap<>(copy);
  }

  /** An immutable, order-keeping copy of a resource list; a null value becomes zero. */
  public static Map<String, Quantity> quantities(Map<String, Quantity> map) {
    if (map == null || map.isEmpty()) {
      return Map.of();
    }
    if (map instanceof FrozenMap<String, Quantity> frozen) {
      return frozen;
    }
    LinkedHashMap<String, Quantity> copy = new LinkedHashMap<>(capacity(map.size()));
    for (Map.Entry<String, Quantity> e : map.entrySet()) {
      copy.put(requireKey(e.getKey()), e.getValue() == null ? Quantity.ZERO : e.getValue());
    }
    return new FrozenMap<>(copy);
  }

  private static String requireKey(String key) {
    if (key == null) {
      throw new IllegalArgumentException("map key must not be null");
    }
    return key;
  }

  private static int capacity(int size) {
    return (int) (size / 0.75f) + 1;
  }

  /** A read-only view over a private LinkedHashMap: nobody else holds the backing map. */
  private static final class FrozenMap<K, V> extends AbstractMap<K, V> {
    private final LinkedHashMap<K, V> map;
    private final Set<Map.Entry<K, V>> entries;

    FrozenMap(LinkedHashMap<K, V> map) {
      this.map = map;
      this.entries = Collections.unmodifiableMap(map).entrySet();
    }

    @Override
    public Set<Map.Entry<K, V>> entrySet() {
      return entries;
    }

    @Override
    public V get(Object key) {
      return map.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
      return map.containsKey(key);
    }

    @Override
    public int size() {
      return map.size();
    }
  }
}
