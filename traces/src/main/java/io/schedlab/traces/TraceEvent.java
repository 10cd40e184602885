package io.schedlab.traces;

import io.schedlab.api.Node;
import io.schedlab.api.Pod;
import io.schedlab.api.Quantity;
import java.util.List;
import java.util.Map;

/**
 * One event of a trace, at a virtual time in nanoseconds from the trace's start. Traces are
 * streams of these in time order; ties keep the order the trace gives them.
 */
public sealed interface TraceEvent
    permits TraceEvent.NodeAdded,
        TraceEvent.NodeUpdated,
        TraceEvent.NodeRemoved,
        TraceEvent.PodSubmitted,
        TraceEvent.PodDeleted {

  long timeNanos();

  /** A node joins the cluster: capacity, allocatable, labels and taints as a Kubernetes Node. */
  record NodeAdded(long timeNanos, Node node) implements TraceEvent {}

  /** A node's capacity, labels or taints change; the Node is the whole new object. */
  record NodeUpdated(long timeNanos, Node node) implements TraceEvent {}

  /** A node leaves the cluster. */
  record NodeRemoved(long timeNanos, String nodeName) implements TraceEvent {}

  /**
   * A pod (or one instance of a job's task) is submitted.
   *
   * @param pod requests and limits, priority, labels, constraints (affinity, tolerations) and
   *     owner (ownerReferences; trace-specific fields as annotations)
   * @param durationNanos how long it ran in the recorded trace, or {@link #UNKNOWN_DURATION}
   * @param usage recorded mean usage per resource where the trace has it, else empty
   * @param dependsOn keys ({@code namespace/name}) of pods that must finish before this one
   *     starts (DAG jobs), else empty
   */
  record PodSubmitted(
      long timeNanos, Pod pod, long durationNanos, Map<String, Quantity> usage, List<String> dependsOn)
      implements TraceEvent {
    public static final long UNKNOWN_DURATION = -1;

    public PodSubmitted {
      usage = usage == null ? Map.of() : Map.copyOf(usage);
      dependsOn = dependsOn == null ? List.of() : List.copyOf(dependsOn);
    }

    public PodSubmitted(long timeNanos, Pod pod) {
      this(timeNanos, pod, UNKNOWN_DURATION, Map.of(), List.of());
    }
  }

  /** A pod ends: deleted by its owner, killed, failed, evicted, lost, or finished. */
  record PodDeleted(long timeNanos, String namespace, String name, Reason reason) implements TraceEvent {
    public enum Reason { DELETED, FINISHED, KILLED, FAILED, EVICTED, LOST }
  }
}
