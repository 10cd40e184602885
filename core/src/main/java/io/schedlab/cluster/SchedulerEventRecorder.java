package io.schedlab.cluster;

import io.schedlab.framework.PodInfo;
import io.schedlab.framework.Status;
import io.schedlab.scheduler.SchedulerListener;

/**
 * Writes what the scheduler decides to a cluster's event log: {@code pod_scheduled} when a pod
 * is assumed on a node, {@code pod_bound} when its binding finishes, and {@code
 * pod_unschedulable} for each failed attempt, with upstream's message. The one place these
 * events come from, whether the scheduler runs inside a simulation or a batch.
 */
public final class SchedulerEventRecorder implements SchedulerListener {
  private final ClusterContext ctx;

  public SchedulerEventRecorder(ClusterContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public void onAssumed(PodInfo pod, String nodeName, long now) {
    ctx.record(SimEvent.of(now, SimEvent.Types.POD_SCHEDULED, nodeName, pod.key()));
  }

  @Override
  public void onBound(PodInfo pod, String nodeName, long now) {
    ctx.record(SimEvent.of(now, SimEvent.Types.POD_BOUND, nodeName, pod.key()));
  }

  @Override
  public void onFailure(PodInfo pod, Status status, String message, long now) {
    ctx.record(SimEvent.of(now, SimEvent.Types.POD_UNSCHEDULABLE, null, pod.key())
        .with("message", message));
  }
}
