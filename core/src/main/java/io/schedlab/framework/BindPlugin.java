package io.schedlab.framework;

/**
 * Binds the pod to the node. Bind plugins are called in order until one does not return Skip;
 * a failure unreserves and requeues the pod.
 */
public interface BindPlugin extends Plugin {
  Status bind(CycleState state, PodInfo pod, String nodeName);
}
