package io.schedlab.plugins.queuesort;

import io.schedlab.framework.QueuedPodInfo;
import io.schedlab.framework.QueueSortPlugin;

/** Higher priority first; among equals, the pod that entered the queue earlier. */
public final class PrioritySort implements QueueSortPlugin {
  public static final String NAME = "PrioritySort";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public boolean less(QueuedPodInfo a, QueuedPodInfo b) {
    int p1 = a.pod().priority();
    int p2 = b.pod().priority();
    return p1 > p2 || (p1 == p2 && a.timestamp < b.timestamp);
  }
}
