package io.schedlab.framework;

/**
 * Called by the scheduling queue before a pod enters activeQ (on add, and again on each update).
 * Success lets the pod in; any other status keeps it gated in the unschedulable pods, as
 * upstream's SchedulingGates does. Must be cheap: it runs on every queue insertion.
 */
public interface PreEnqueuePlugin extends Plugin {
  Status preEnqueue(PodInfo pod);
}
