package io.schedlab.cluster;

import io.schedlab.api.Node;
import java.util.List;

/**
 * Which components make up the simulated cluster besides the scheduler: an agent per node, the
 * control plane's controllers (and cloud and network models), and the cloud provider's instances.
 */
public interface ClusterModel {
  /** The agent that will register {@code template} as its Node and run its pods. */
  NodeAgent nodeAgent(Node template);

  /** The controllers and other cluster-wide components, started before any node registers. */
  List<ClusterComponent> controlPlane();

  /**
   * The cloud instance behind {@code node} disappears (a scenario's delete-instance).
   *
   * @throws ScenarioException when this model has no cloud provider
   */
  default void deleteInstance(ClusterContext ctx, String node) {
    throw new ScenarioException("delete-instance " + node
        + ": this cluster model has no cloud provider");
  }
}
