package io.schedlab.cluster;

import io.schedlab.sim.EventLoop;
import io.schedlab.store.ClusterStore;
import java.util.SplittableRandom;

/**
 * What every cluster component (kubelet, controller, cloud, network model) runs against: the
 * API server's store, the one virtual clock's event loop, the event log, and the run's seed.
 * Components talk to each other only through the store, as Kubernetes components talk through
 * the API server.
 */
public record ClusterContext(ClusterStore store, EventLoop loop, EventLog log, long seed,
    ClusterSettings settings) {

  public long now() {
    return loop.nowNanos();
  }

  /**
   * A random source of the component's own, derived from the run's seed and the component's
   * name, so adding a component does not change another's draws.
   */
  public SplittableRandom random(String component) {
    long h = seed * 0x9E3779B97F4A7C15L;
    for (int i = 0; i < component.length(); i++) {
      h = (h ^ component.charAt(i)) * 0x100000001B3L;
    }
    return new SplittableRandom(h);
  }

  public void record(SimEvent event) {
    log.record(event);
  }

  /** Records an event now. */
  public void record(String type, String node, String pod) {
    log.record(SimEvent.of(now(), type, node, pod));
  }
}
