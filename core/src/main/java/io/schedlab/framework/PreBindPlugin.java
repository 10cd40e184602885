package io.schedlab.framework;

/** Called in the binding cycle before Bind. A non-success status unreserves and requeues the pod. */
public interface PreBindPlugin extends Plugin {
  Status preBind(CycleState state, PodInfo pod, String nodeName);
}
