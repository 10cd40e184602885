package io.schedlab.cluster;

import io.schedlab.api.Node;
import io.schedlab.api.Pod;
import io.schedlab.store.WatchEvent;

/**
 * Writes what the API server sees happen to objects: pods created and deleted, nodes removed.
 * The components that cause the other changes (the kubelet registering its node, controllers,
 * the scheduler) record those themselves, with their reasons.
 */
public final class StoreEventRecorder implements ClusterComponent {
  @Override
  public String name() {
    return "event-recorder";
  }

  @Override
  public void start(ClusterContext ctx) {
    ctx.store().watch(Pod.class, e -> onPod(ctx, e));
    ctx.store().watch(Node.class, e -> onNode(ctx, e));
  }

  private static void onPod(ClusterContext ctx, WatchEvent<Pod> e) {
    Pod p = e.object();
    String key = p.metadata().namespace() + "/" + p.metadata().name();
    String node = p.spec().nodeName() == null || p.spec().nodeName().isEmpty()
        ? null : p.spec().nodeName();
    switch (e.type()) {
      case ADDED -> ctx.record(SimEvent.of(ctx.now(), SimEvent.Types.POD_CREATED, node, key));
      case DELETED -> {
        SimEvent d = SimEvent.of(ctx.now(), SimEvent.Types.POD_DELETED, node, key);
        // Preemption marks its victim before deleting it; metrics count preemptions by this.
        io.schedlab.api.PodCondition c = p.status() == null ? null
            : p.status().condition("DisruptionTarget");
        if (c != null && "True".equals(c.status())
            && PodMetrics.PREEMPTION_REASON.equals(c.reason())) {
          d = d.with("reason", PodMetrics.PREEMPTION_REASON);
        }
        ctx.record(d);
      }
      default -> {
      }
    }
  }

  private static void onNode(ClusterContext ctx, WatchEvent<Node> e) {
    String name = e.object().metadata().name();
    switch (e.type()) {
      case DELETED -> ctx.record(SimEvent.of(ctx.now(), SimEvent.Types.NODE_REMOVED, name, null));
      default -> {
      }
    }
  }
}
