package io.schedlab.framework;

/**
 * Reserve is called after the node is chosen and the pod assumed, to claim plugin-held
 * resources. A non-success status fails the cycle; then Unreserve is called on every Reserve
 * plugin, in reverse order, and must be idempotent. Unreserve also runs when a later stage
 * (Permit, PreBind, Bind) fails.
 */
public interface ReservePlugin extends Plugin {
  Status reserve(CycleState state, PodInfo pod, String nodeName);

  void unreserve(CycleState state, PodInfo pod, String nodeName);
}
