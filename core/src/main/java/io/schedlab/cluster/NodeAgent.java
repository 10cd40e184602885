package io.schedlab.cluster;

/**
 * The agent on one node (the kubelet and its container runtime) as a scenario's faults reach it.
 */
public interface NodeAgent extends ClusterComponent {
  String nodeName();

  /** The process stops: no heartbeats, no status; what it ran is gone. */
  void crash();

  /** The process starts again and re-registers. */
  void recover();

  /** Cut from (true) or reconnected to (false) the API server; containers keep running. */
  void partition(boolean partitioned);
}
