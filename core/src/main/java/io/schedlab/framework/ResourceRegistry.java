package io.schedlab.framework;

import io.schedlab.api.Quantity;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Gives every resource name a dense index so that requests, allocatable and usage are plain
 * {@code long[]} vectors.
 *
 * <p>Implementation note: the four standard resources have fixed indexes; any other resource
 * (extended, hugepages, attachable volumes) gets the next index the first time a pod or node
 * names it. Vectors made earlier are shorter than {@link #size()}; readers treat missing slots as
 * zero ({@link #get}). cpu is held in millicores, everything else in its base unit (bytes,
 * counts), as upstream's {@code framework.Resource} does. One registry serves one scheduler;
 * registration is not on the per-pod path, and reads are lock free.
 */
public final class ResourceRegistry {
  public static final int CPU = 0;
  public static final int MEMORY = 1;
  public static final int EPHEMERAL_STORAGE = 2;
  public static final int PODS = 3;

  public static final String CPU_NAME = "cpu";
  public static final String MEMORY_NAME = "memory";
  public static final String EPHEMERAL_STORAGE_NAME = "ephemeral-storage";
  public static final String PODS_NAME = "pods";

  private final Map<String, Integer> indexes = new HashMap<>();
  private volatile String[] names = new String[0];

  public ResourceRegistry() {
    indexOf(CPU_NAME);
    indexOf(MEMORY_NAME);
    indexOf(EPHEMERAL_STORAGE_NAME);
    indexOf(PODS_NAME);
  }

  /** The index of a resource, registering it on first sight. */
  public synchronized int indexOf(String name) {
    Integer i = indexes.get(name);
    if (i != null) {
      return i;
    }
    int next = names.length;
    indexes.put(name, next);
    String[] grown = java.util.Arrays.copyOf(names, next + 1);
    grown[next] = name;
    names = grown;
    return next;
  }

  /** The index of a known resource, or -1. */
  public synchronized int find(String name) {
    Integer i = indexes.get(name);
    return i == null ? -1 : i;
  }

  public int size() {
    return names.length;
  }

  public String name(int index) {
    return names[index];
  }

  public List<String> names() {
    return List.of(names);
  }

  /** The amount in the unit this registry keeps: millicores for cpu, the base unit otherwise. */
  public static long amount(String name, Quantity q) {
    return CPU_NAME.equals(name) ? q.milliValue() : q.value();
  }

  /** A vector over this registry from a resource list; null or empty gives zeros. */
  public long[] vector(Map<String, Quantity> list) {
    if (list == null || list.isEmpty()) {
      return new long[size()];
    }
    for (String name : list.keySet()) {
      indexOf(name);
    }
    long[] v = new long[size()];
    for (Map.Entry<String, Quantity> e : list.entrySet()) {
      v[indexOf(e.getKey())] = amount(e.getKey(), e.getValue());
    }
    return v;
  }

  public static long get(long[] v, int index) {
    return index < v.length ? v[index] : 0;
  }

  /** {@code v} grown to at least {@code size} slots (the same array when long enough). */
  public static long[] fit(long[] v, int size) {
    return v.length >= size ? v : java.util.Arrays.copyOf(v, size);
  }

  /** A readable form such as {@code cpu=100m, memory=1Gi} for messages and debugging. */
  public String format(long[] v) {
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < v.length; i++) {
      if (v[i] != 0) {
        parts.add(names[i] + "=" + (i == CPU ? v[i] + "m" : Long.toString(v[i])));
      }
    }
    return String.join(", ", parts);
  }
}
