package io.schedlab.network;

import io.schedlab.api.Service;
import io.schedlab.node.Ipv4Range;
import io.schedlab.cluster.ClusterComponent;
import io.schedlab.cluster.ClusterContext;
import io.schedlab.cluster.SimEvent;
import io.schedlab.store.WatchEvent;
import java.util.List;

/**
 * The API server's ClusterIP allocation: every Service but a headless one ({@code clusterIP:
 * None}) or an ExternalName gets the lowest free address of the service CIDR, and gives it back
 * when deleted. The range's first address is kept for {@code default/kubernetes}, as upstream
 * does. As upstream, the address is set inside the create call (a store admission hook), so every
 * watcher sees the Service with it.
 */
public final class ServiceIpAllocator implements ClusterComponent {
  private Ipv4Range pool;
  private String reserved;
  private ClusterContext ctx;

  @Override
  public String name() {
    return "service-ip-allocator";
  }

  @Override
  public void start(ClusterContext context) {
    this.ctx = context;
    this.pool = new Ipv4Range(context.settings().serviceCidr());
    this.reserved = pool.lowestFree();
    for (Service s : context.store().list(Service.class)) {
      String ip = s.spec().clusterIP();
      if (ip != null && !ip.isEmpty() && !"None".equals(ip) && !ip.equals(reserved)) {
        pool.claim(ip);
      }
    }
    context.store().addAdmission(Service.class, this::assign);
    context.store().watch(Service.class, this::onService);
  }

  private void onService(WatchEvent<Service> e) {
    if (e.type() != WatchEvent.Type.DELETED) {
      return;
    }
    String ip = e.object().spec().clusterIP();
    if (ip != null && !ip.isEmpty() && !"None".equals(ip) && !ip.equals(reserved)) {
      pool.release(ip);
    }
  }

  private Service assign(Service s) {
    String ip = s.spec().clusterIP();
    if ((ip != null && !ip.isEmpty()) || "ExternalName".equals(s.spec().type())) {
      if (ip != null && !ip.isEmpty() && !"None".equals(ip) && !ip.equals(reserved)) {
        pool.claim(ip);
      }
      return s;
    }
    boolean apiServer = "default".equals(s.metadata().namespace())
        && "kubernetes".equals(s.metadata().name());
    String chosen = apiServer ? reserved : pool.lowestFree();
    ctx.record(SimEvent.of(ctx.now(), SimEvent.Types.CONTROLLER_ACTION, null, null)
        .with("controller", name()).with("action", "allocate_cluster_ip")
        .with("object", "Service " + s.metadata().namespace() + "/" + s.metadata().name())
        .with("ip", chosen));
    return s.withSpec(new io.schedlab.api.ServiceSpec(s.spec().selector(), s.spec().ports(),
        s.spec().type(), chosen, List.of(chosen)));
  }
}
