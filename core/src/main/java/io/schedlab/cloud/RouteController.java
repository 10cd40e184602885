package io.schedlab.cloud;

import io.schedlab.api.Node;
import io.schedlab.api.NodeCondition;
import io.schedlab.cluster.ClusterComponent;
import io.schedlab.cluster.ClusterContext;
import io.schedlab.cluster.SimEvent;
import io.schedlab.sim.Durations;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The cloud-controller-manager's route controller: every 10 s (--route-reconciliation-period
 * default) it makes the cloud's route table match the nodes' podCIDRs, creating a route for each
 * node that has a podCIDR and none yet and deleting routes of nodes that are gone; a node whose
 * route exists gets NetworkUnavailable=False with reason RouteCreated.
 */
public final class RouteController implements ClusterComponent {
  /** cloud-controller-manager --route-reconciliation-period default. */
  public static final long RECONCILE_PERIOD = 10 * Durations.SECOND;

  private final CloudProvider cloud;
  private ClusterContext ctx;

  public RouteController(CloudProvider cloud) {
    this.cloud = cloud;
  }

  @Override
  public String name() {
    return "route-controller";
  }

  @Override
  public void start(ClusterContext context) {
    this.ctx = context;
    context.loop().every(RECONCILE_PERIOD, RECONCILE_PERIOD, name(), this::reconcile);
  }

  private void reconcile() {
    Set<String> live = new HashSet<>();
    for (Node node : ctx.store().list(Node.class)) {
      String name = node.metadata().name();
      live.add(name);
      String cidr = node.spec().podCIDR();
      if (cidr == null || cidr.isEmpty()) {
        continue;
      }
      CloudProvider.Route want = new CloudProvider.Route(name, cidr);
      if (!cloud.routes().contains(want)) {
        cloud.createRoute(want);
        ctx.record(SimEvent.of(ctx.now(), SimEvent.Types.CONTROLLER_ACTION, name, null)
            .with("controller", name()).with("action", "create_route").with("cidr", cidr));
      }
      markNetworkAvailable(node);
    }
    for (CloudProvider.Route r : cloud.routes()) {
      if (!live.contains(r.node())) {
        cloud.deleteRoute(r.node());
        ctx.record(SimEvent.of(ctx.now(), SimEvent.Types.CONTROLLER_ACTION, r.node(), null)
            .with("controller", name()).with("action", "delete_route")
            .with("cidr", r.destinationCidr()));
      }
    }
  }

  private void markNetworkAvailable(Node node) {
    List<NodeCondition> conditions = new ArrayList<>();
    boolean done = false;
    for (NodeCondition c : node.status().conditions()) {
      if ("NetworkUnavailable".equals(c.type())) {
        if ("False".equals(c.status()) && "RouteCreated".equals(c.reason())) {
          return;
        }
        continue;
      }
      conditions.add(c);
    }
    String now = ctx.loop().clock().rfc3339();
    conditions.add(new NodeCondition("NetworkUnavailable", "False", "RouteCreated",
        "RouteController created a route", now, now));
    ctx.store().update(node.withStatus(node.status().withConditions(conditions)));
    ctx.record(SimEvent.of(ctx.now(), SimEvent.Types.NODE_CONDITION, node.metadata().name(), null)
        .with("condition", "NetworkUnavailable").with("status", "False")
        .with("reason", "RouteCreated"));
  }
}
