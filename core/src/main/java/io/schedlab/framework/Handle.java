package io.schedlab.framework;

import java.util.List;
import java.util.function.Consumer;

/**
 * What the framework offers its plugins, as upstream's framework.Handle: the snapshot, the
 * cluster client, waiting pods, nominated pods, the virtual clock and the shared compilers.
 */
public interface Handle {
  /** The snapshot of the current scheduling cycle. */
  NodeInfoLister snapshot();

  /** The API server model, for Bind and for preemption's evictions. */
  ClusterClient client();

  /** Virtual time now, in nanoseconds. */
  long nowNanos();

  /**
   * Now as a calendar instant (the simulation's epoch plus {@link #nowNanos()}): what object
   * timestamps such as a pod's {@code status.startTime} are compared against. The default
   * assumes the default epoch; the scheduler's handle uses its clock's.
   */
  default java.time.Instant now() {
    return io.schedlab.sim.VirtualClock.DEFAULT_EPOCH.plusNanos(nowNanos());
  }

  /** The pod parked in Permit with that uid, or null. */
  WaitingPod waitingPod(String uid);

  void iterateWaitingPods(Consumer<WaitingPod> action);

  /**
   * Moves pending pods (by uid) from the unschedulable pods or the backoff queue straight to
   * activeQ, as upstream's Handle.Activate; pods not waiting there are left alone. Gang plugins
   * use it to bring a group's siblings back together. The default does nothing, for handles
   * without a queue.
   */
  default void activate(List<String> podUids) {}

  /** Pods nominated to the node (by preemption), highest priority first. */
  List<PodInfo> nominatedPodsForNode(String nodeName);

  /**
   * False only when no pod is nominated to any node, so a Filter pass need not ask node by
   * node; true is always safe.
   */
  default boolean anyNominatedPods() {
    return true;
  }

  ResourceRegistry resources();

  LabelInterner labels();

  /** Compiles an API pod into the scheduler's form. */
  PodInfo compile(io.schedlab.api.Pod pod);

  int parallelism();

  /** Namespaces, services, workloads, PDBs: what plugins read besides nodes and pods. */
  ObjectLister objects();

  /**
   * The scheduler's seeded random source, for plugins that pick at random (preemption's
   * candidate offset, research policies). Same seed, same sequence.
   */
  java.util.random.RandomGenerator random();

  /** The profile's plugin runner, for plugins (preemption) that re-run Filter themselves. */
  FilterRunner filterRunner();
}
