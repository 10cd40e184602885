package io.schedlab.plugins.gpushare;

import io.schedlab.framework.Handle;
import io.schedlab.framework.NodeInfo;
import io.schedlab.framework.NodeInfoLister;
import io.schedlab.framework.PodInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * One profile's typical pods, which its FGDScore and its Open-Gpu-Share's FGD device choice must
 * agree on: FGDScore's {@code typicalPods} args when given; else derived once, at the first need
 * (a PreScore, Score or Reserve), from every pod in the snapshot plus the pod at hand, with the
 * artifact's settings ({@link TypicalPods#of(List, int, int, boolean, double)} with 95 %, step 1,
 * CPU pods counted, no GPU weighting). Derived that early, they reflect the pods already placed
 * and the first pod only; give them as args to reproduce an experiment's whole workload.
 *
 * <p>The holder of a {@link Handle} (one per profile) is kept in a synchronized {@link
 * WeakHashMap} and holds no reference to the handle, so it goes away with the scheduler.
 */
final class ProfileTypicalPods {
  private static final Map<Handle, ProfileTypicalPods> HOLDERS = new WeakHashMap<>();

  private volatile TypicalPods pods;

  private ProfileTypicalPods() {}

  static ProfileTypicalPods of(Handle handle) {
    synchronized (HOLDERS) {
      return HOLDERS.computeIfAbsent(handle, h -> new ProfileTypicalPods());
    }
  }

  /** Fixes the typical pods (FGDScore's args); nothing is derived then. */
  void configure(TypicalPods configured) {
    pods = configured;
  }

  /** The typical pods, derived now from {@code snapshot} and {@code pod} if not known yet. */
  TypicalPods get(NodeInfoLister snapshot, PodInfo pod) {
    TypicalPods t = pods;
    if (t != null) {
      return t;
    }
    synchronized (this) {
      if (pods == null) {
        List<GpuDemand> demands = new ArrayList<>();
        for (NodeInfo n : snapshot.list()) {
          for (PodInfo p : n.pods()) {
            demands.add(PodGpuDemand.compute(p));
          }
        }
        demands.add(PodGpuDemand.compute(pod));
        pods = TypicalPods.of(demands, FgdProtocol.TYPICAL_THRESHOLD_PERCENT,
            FgdProtocol.TYPICAL_STEP, true, 0);
      }
      return pods;
    }
  }
}
