package io.schedlab.cluster;

/**
 * A part of the simulated cluster that runs on the event loop: a kubelet, a controller, the
 * cloud provider, the network model. {@link #start} registers its watches and timers; from then
 * on it acts only in event-loop callbacks.
 */
public interface ClusterComponent {
  /** The component's name, as upstream names it (e.g. {@code node-lifecycle-controller}). */
  String name();

  void start(ClusterContext context);
}
