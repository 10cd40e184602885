package io.schedlab.cloud;

import io.schedlab.api.Node;
import io.schedlab.api.Taint;
import io.schedlab.cluster.ClusterComponent;
import io.schedlab.cluster.ClusterContext;
import io.schedlab.cluster.SimEvent;
import io.schedlab.sim.Durations;
import io.schedlab.store.NotFoundException;
import java.util.ArrayList;
import java.util.List;

/**
 * The cloud-controller-manager's node lifecycle controller: every 5 s (its --node-monitor-period
 * default) it looks at each node that is not Ready. A node whose instance the cloud no longer has
 * is deleted; a node whose instance is shut down gets the taint
 * {@code node.cloudprovider.kubernetes.io/shutdown:NoSchedule}, which goes once the node is Ready
 * again.
 */
public final class CloudNodeLifecycleController implements ClusterComponent {
  public static final String SHUTDOWN_TAINT = "node.cloudprovider.kubernetes.io/shutdown";
  /** cloud-controller-manager --node-monitor-period default. */
  public static final long MONITOR_PERIOD = 5 * Durations.SECOND;

  private final CloudProvider cloud;
  private ClusterContext ctx;

  public CloudNodeLifecycleController(CloudProvider cloud) {
    this.cloud = cloud;
  }

  @Override
  public String name() {
    return "cloud-node-lifecycle-controller";
  }

  @Override
  public void start(ClusterContext context) {
    this.ctx = context;
    context.loop().every(MONITOR_PERIOD, MONITOR_PERIOD, name(), this::monitor);
  }

  private void monitor() {
    for (Node node : ctx.store().list(Node.class)) {
      String name = node.metadata().name();
      if (node.status().isReady()) {
        if (hasShutdownTaint(node)) {
          setShutdownTaint(node, false);
        }
        continue;
      }
      if (!cloud.exists(name)) {
        try {
          ctx.store().delete(Node.class, "", name);
          ctx.record(SimEvent.of(ctx.now(), SimEvent.Types.CONTROLLER_ACTION, name, null)
              .with("controller", name()).with("action", "delete_node")
              .with("reason", "instance no longer exists in the cloud provider"));
        } catch (NotFoundException gone) {
          // Deleted meanwhile by someone else: nothing left to do.
        }
      } else if (cloud.isShutDown(name) && !hasShutdownTaint(node)) {
        setShutdownTaint(node, true);
      }
    }
  }

  private static boolean hasShutdownTaint(Node node) {
    for (Taint t : node.spec().taints()) {
      if (SHUTDOWN_TAINT.equals(t.key()) && "NoSchedule".equals(t.effect())) {
        return true;
      }
    }
    return false;
  }

  private void setShutdownTaint(Node node, boolean on) {
    List<Taint> taints = new ArrayList<>();
    for (Taint t : node.spec().taints()) {
      if (!SHUTDOWN_TAINT.equals(t.key())) {
        taints.add(t);
      }
    }
    if (on) {
      taints.add(new Taint(SHUTDOWN_TAINT, null, "NoSchedule", null));
    }
    ctx.store().update(node.withSpec(node.spec().withTaints(taints)));
    ctx.record(SimEvent.of(ctx.now(), on ? SimEvent.Types.TAINT_ADDED : SimEvent.Types.TAINT_REMOVED,
        node.metadata().name(), null).with("taint", SHUTDOWN_TAINT + ":NoSchedule")
        .with("controller", name()));
  }
}
