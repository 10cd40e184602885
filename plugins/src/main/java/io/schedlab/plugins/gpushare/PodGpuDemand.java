package io.schedlab.plugins.gpushare;

import io.schedlab.api.Container;
import io.schedlab.api.Pod;
import io.schedlab.framework.CycleState;
import io.schedlab.framework.ImmutableStateData;
import io.schedlab.framework.PodInfo;
import io.schedlab.framework.Status;
import io.schedlab.framework.StatusException;

/**
 * The GPU demand of the pod being scheduled, read once per cycle (by Open-Gpu-Share's PreFilter or
 * a GPU score plugin's PreScore) and shared through the cycle state by all GPU plugins, so that
 * Filter and Score do not parse annotations per node. A plugin whose pre-stage did not run reads
 * the pod directly.
 *
 * @param requestsNothing no container states a request and there is no overhead: FGDScore gives
 *     such a pod the top score everywhere, as the artifact does
 */
record PodGpuDemand(GpuDemand demand, boolean requestsNothing) implements ImmutableStateData {
  static final CycleState.Key<PodGpuDemand> KEY = CycleState.Key.of("gpushare.PodGpuDemand");

  /** The cycle's entry, written now if no plugin wrote it yet (pre-stages only: one thread). */
  static PodGpuDemand prepare(CycleState state, PodInfo pod) {
    PodGpuDemand d = state.read(KEY);
    if (d == null) {
      d = of(pod);
      state.write(KEY, d);
    }
    return d;
  }

  /** The cycle's entry, or one read from the pod now. */
  static PodGpuDemand read(CycleState state, PodInfo pod) {
    PodGpuDemand d = state.read(KEY);
    return d != null ? d : of(pod);
  }

  static PodGpuDemand of(PodInfo pod) {
    return new PodGpuDemand(compute(pod), requestsNothing(pod.pod()));
  }

  /**
   * {@link GpuDemand#of(Pod)}, with a malformed annotation reported as an Error status naming the
   * pod.
   */
  static GpuDemand compute(PodInfo pod) {
    try {
      return GpuDemand.of(pod.pod());
    } catch (IllegalArgumentException e) {
      throw new StatusException(Status.error("pod " + pod.key() + ": " + e.getMessage()));
    }
  }

  static boolean requestsNothing(Pod pod) {
    if (!pod.spec().overhead().isEmpty()) {
      return false;
    }
    for (Container c : pod.spec().containers()) {
      if (states(c)) {
        return false;
      }
    }
    for (Container c : pod.spec().initContainers()) {
      if (states(c)) {
        return false;
      }
    }
    return true;
  }

  private static boolean states(Container c) {
    return c.resources() != null && c.resources().requests() != null
        && !c.resources().requests().isEmpty();
  }
}
