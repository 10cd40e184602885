package io.schedlab.framework;

/**
 * Called after Reserve, at the end of the scheduling cycle. Success allows binding; Wait parks
 * the pod (see {@link WaitingPod}) until every waiting plugin allows it, one rejects it, or its
 * timeout passes in virtual time; any other status rejects the pod and unreserves it.
 */
public interface PermitPlugin extends Plugin {
  PermitResult permit(CycleState state, PodInfo pod, String nodeName);
}
