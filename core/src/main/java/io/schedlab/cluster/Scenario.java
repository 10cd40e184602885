package io.schedlab.cluster;

import io.schedlab.api.KubeObject;
import java.util.List;

/**
 * A simulation to run: the initial cluster, the workloads and faults at their virtual times, how
 * long to run, and the seed. Read from YAML by {@link ScenarioLoader}:
 *
 * <pre>
 * apiVersion: schedlab.io/v1alpha1
 * kind: Scenario
 * metadata: {name: node-failure}
 * spec:
 *   seed: 1                 # default 0
 *   until: 10m              # default 1h
 *   settings: {clusterCIDR: 10.244.0.0/16, nodeCIDRMaskSize: 24, serviceCIDR: 10.96.0.0/12,
 *              clusterDomain: cluster.local}
 *   cluster:                # created at t = 0; Nodes become kubelets that register them
 *     manifests: [nodes.yaml]        # files or folders, relative to the scenario file
 *     objects: [ {apiVersion: v1, kind: Node, ...} ]   # annotation schedlab.io/static-pod-path: DIR
 *                                                    # runs the static pods in DIR on that node
 *   workloads:              # objects applied at a time (created, or spec replaced)
 *     - at: 0s
 *       manifests: [app.yaml]
 *       objects: [...]
 *   events:                 # faults and operations
 *     - {at: 60s, action: crash-node, node: node-3}
 *     - {at: 5m, action: recover-node, node: node-3}
 *     - {at: 2m, action: partition-node, node: node-2}   # and heal-node
 *     - {at: 3m, action: delete-instance, node: node-4}  # the cloud instance disappears
 *     - {at: 90s, action: delete-pod, pod: default/web-abc12}
 *     - {at: 2m, action: scale, kind: ReplicaSet, name: default/web, replicas: 10}
 * </pre>
 */
public record Scenario(String name, long seed, long untilNanos, ClusterSettings settings,
    List<KubeObject> cluster, List<Action> actions, String source) {

  public Scenario {
    cluster = List.copyOf(cluster);
    actions = List.copyOf(actions);
  }

  /** Something that happens at a virtual time. */
  public sealed interface Action {
    long atNanos();
  }

  /** Objects applied at a time: created, or their spec replaced (kubectl apply); a Node is added. */
  public record Create(long atNanos, List<KubeObject> objects) implements Action {
    public Create {
      objects = List.copyOf(objects);
    }
  }

  /** A fault or an operation on one node: crash, recover, partition, heal, delete-instance. */
  public record NodeFault(long atNanos, Kind kind, String node) implements Action {
    public enum Kind {
      CRASH("crash-node"),
      RECOVER("recover-node"),
      PARTITION("partition-node"),
      HEAL("heal-node"),
      DELETE_INSTANCE("delete-instance");

      private final String action;

      Kind(String action) {
        this.action = action;
      }

      public String action() {
        return action;
      }
    }
  }

  /** A pod deleted through the API (graceful, as kubectl delete). */
  public record DeletePod(long atNanos, String namespace, String name) implements Action {}

  /** A workload's replicas (or a Job's parallelism) changed through the API. */
  public record Scale(long atNanos, String kind, String namespace, String name, int replicas)
      implements Action {}
}
