package io.schedlab.plugins.podtopologyspread;

import java.util.Arrays;

/**
 * The topology domains of one constraint: interned label value ids numbered 0..size-1 in the order
 * they were first seen, so counts live in plain arrays indexed by domain.
 *
 * <p>Implementation note: the value-to-domain lookup is an open-addressing int table (linear
 * probing, power-of-two capacity, load at most one half), so Filter and Score find a node's
 * domain without boxing or hashing strings. A table is filled during PreFilter/PreScore and then
 * only read; {@link #with} copies it for the rare AddPod that meets a new domain, because copies
 * of the cycle state share it.
 */
final class Domains {
  private static final int EMPTY = -1;

  private int[] slots;
  private int[] domainOfSlot;
  private int[] values;
  private int size;

  Domains(int expected) {
    int cap = Integer.highestOneBit(Math.max(4, expected) * 2 - 1) << 1;
    slots = new int[cap];
    Arrays.fill(slots, EMPTY);
    domainOfSlot = new int[cap];
    values = new int[Math.max(4, expected)];
  }

  private Domains(Domains other) {
    slots = other.slots.clone();
    domainOfSlot = other.domainOfSlot.clone();
    values = other.values.clone();
    size = other.size;
  }

  /** The domain of a value id, or -1 when no eligible node carries that value. */
  int find(int valueId) {
    int mask = slots.length - 1;
    for (int i = mix(valueId) & mask; ; i = (i + 1) & mask) {
      int k = slots[i];
      if (k == valueId) {
        return domainOfSlot[i];
      }
      if (k == EMPTY) {
        return -1;
      }
    }
  }

  /** The domain of a value id, adding it as the next domain when new. */
  int add(int valueId) {
    int found = find(valueId);
    if (found >= 0) {
      return found;
    }
    if ((size + 1) * 2 > slots.length) {
      rehash(slots.length * 2);
    }
    if (size == values.length) {
      values = Arrays.copyOf(values, size * 2);
    }
    insert(valueId, size);
    values[size] = valueId;
    return size++;
  }

  /** A copy with {@code valueId} added, for a state that must not disturb the copies sharing this one. */
  Domains with(int valueId) {
    Domains d = new Domains(this);
    d.add(valueId);
    return d;
  }

  int size() {
    return size;
  }

  /** The value id of a domain. */
  int value(int domain) {
    return values[domain];
  }

  private void insert(int valueId, int domain) {
    int mask = slots.length - 1;
    int i = mix(valueId) & mask;
    while (slots[i] != EMPTY) {
      i = (i + 1) & mask;
    }
    slots[i] = valueId;
    domainOfSlot[i] = domain;
  }

  private void rehash(int capacity) {
    int[] oldSlots = slots;
    int[] oldDomains = domainOfSlot;
    slots = new int[capacity];
    Arrays.fill(slots, EMPTY);
    domainOfSlot = new int[capacity];
    for (int i = 0; i < oldSlots.length; i++) {
      if (oldSlots[i] != EMPTY) {
        insert(oldSlots[i], oldDomains[i]);
      }
    }
  }

  private static int mix(int x) {
    int h = x * 0x9E3779B9;
    return h ^ (h >>> 16);
  }
}
