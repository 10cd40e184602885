package io.schedlab.framework;

/** Orders activeQ. Exactly one per profile, and every profile must use the same one. */
public interface QueueSortPlugin extends Plugin {
  /** True when {@code a} should be scheduled before {@code b}. */
  boolean less(QueuedPodInfo a, QueuedPodInfo b);
}
