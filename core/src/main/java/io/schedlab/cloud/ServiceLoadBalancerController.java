package io.schedlab.cloud;

import io.schedlab.api.LoadBalancerIngress;
import io.schedlab.api.LoadBalancerStatus;
import io.schedlab.api.Service;
import io.schedlab.api.ServiceStatus;
import io.schedlab.cluster.ClusterComponent;
import io.schedlab.cluster.ClusterContext;
import io.schedlab.cluster.SimEvent;
import io.schedlab.store.WatchEvent;
import java.util.List;

/**
 * The cloud-controller-manager's service controller: a Service of type LoadBalancer gets a load
 * balancer from the cloud and its address in {@code status.loadBalancer.ingress}; when the Service
 * goes, or stops being a LoadBalancer, the load balancer is released.
 */
public final class ServiceLoadBalancerController implements ClusterComponent {
  private final CloudProvider cloud;
  private ClusterContext ctx;

  public ServiceLoadBalancerController(CloudProvider cloud) {
    this.cloud = cloud;
  }

  @Override
  public String name() {
    return "service-lb-controller";
  }

  @Override
  public void start(ClusterContext context) {
    this.ctx = context;
    context.store().listAndWatch(Service.class, this::onService).forEach(this::sync);
  }

  private void onService(WatchEvent<Service> e) {
    if (e.type() == WatchEvent.Type.DELETED) {
      release(e.object());
    } else {
      sync(e.object());
    }
  }

  private void sync(Service s) {
    if (!"LoadBalancer".equals(s.spec().type())) {
      release(s);
      if (!ingress(s).isEmpty()) {
        ctx.store().update(s.withStatus(new ServiceStatus(new LoadBalancerStatus(List.of()))));
      }
      return;
    }
    String ip = cloud.ensureLoadBalancer(key(s));
    List<LoadBalancerIngress> want = List.of(new LoadBalancerIngress(ip, null));
    if (!want.equals(ingress(s))) {
      ctx.store().update(s.withStatus(new ServiceStatus(new LoadBalancerStatus(want))));
      ctx.record(SimEvent.of(ctx.now(), SimEvent.Types.CONTROLLER_ACTION, null, null)
          .with("controller", name()).with("action", "ensure_load_balancer")
          .with("object", "Service " + key(s)).with("ip", ip));
    }
  }

  private void release(Service s) {
    if (cloud.loadBalancers().containsKey(key(s))) {
      cloud.deleteLoadBalancer(key(s));
      ctx.record(SimEvent.of(ctx.now(), SimEvent.Types.CONTROLLER_ACTION, null, null)
          .with("controller", name()).with("action", "delete_load_balancer")
          .with("object", "Service " + key(s)));
    }
  }

  private static List<LoadBalancerIngress> ingress(Service s) {
    if (s.status() == null || s.status().loadBalancer() == null
        || s.status().loadBalancer().ingress() == null) {
      return List.of();
    }
    return s.status().loadBalancer().ingress();
  }

  private static String key(Service s) {
    return s.metadata().namespace() + "/" + s.metadata().name();
  }
}
