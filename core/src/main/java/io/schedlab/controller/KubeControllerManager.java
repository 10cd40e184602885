package io.schedlab.controller;

import io.schedlab.cluster.ClusterComponent;
import io.schedlab.cluster.ClusterContext;
import java.util.List;

/**
 * The cluster-level controllers of kube-controller-manager that this package models, started
 * together with their upstream defaults: namespace, service account, node IPAM, node lifecycle,
 * taint eviction, pod GC and disruption. The workload controllers live elsewhere. The API
 * server's DefaultTolerationSeconds admission is a separate component, since it belongs to the
 * API server.
 */
public final class KubeControllerManager implements ClusterComponent {
  public static final String NAME = "kube-controller-manager";

  private final List<ClusterComponent> controllers;

  public KubeControllerManager() {
    this(NodeLifecycleController.Config.DEFAULTS, PodGCController.DEFAULT_TERMINATED_POD_THRESHOLD);
  }

  public KubeControllerManager(NodeLifecycleController.Config nodeLifecycle,
      int terminatedPodGcThreshold) {
    this.controllers = List.of(
        new NamespaceController(),
        new ServiceAccountController(),
        new NodeIpamController(),
        new NodeLifecycleController(nodeLifecycle),
        new TaintEvictionController(),
        new PodGCController(terminatedPodGcThreshold),
        new DisruptionController());
  }

  @Override
  public String name() {
    return NAME;
  }

  /** The controllers, in the order {@link #start} starts them. */
  public List<ClusterComponent> controllers() {
    return controllers;
  }

  @Override
  public void start(ClusterContext context) {
    for (ClusterComponent c : controllers) {
      c.start(context);
    }
  }
}
