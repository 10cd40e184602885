package io.schedlab.network;

import io.schedlab.api.Pod;
import io.schedlab.api.Service;
import io.schedlab.cluster.ClusterComponent;
import io.schedlab.cluster.ClusterContext;
import java.util.ArrayList;
import java.util.List;

/**
 * Cluster DNS as CoreDNS's kubernetes plugin answers A records (pods "verified"):
 * <ul>
 *   <li>{@code <service>.<ns>.svc.<domain>}: the ClusterIP, or for a headless Service the IPs of
 *       its ready pods;
 *   <li>{@code <hostname>.<service>.<ns>.svc.<domain>}: the pod of a headless Service with that
 *       hostname (StatefulSet pods);
 *   <li>{@code <a-b-c-d>.<ns>.pod.<domain>}: a.b.c.d, when a pod in that namespace has it.
 * </ul>
 * Anything else is NXDOMAIN (an empty answer).
 */
public final class ClusterDns implements ClusterComponent {
  private ClusterContext ctx;

  @Override
  public String name() {
    return "cluster-dns";
  }

  @Override
  public void start(ClusterContext context) {
    this.ctx = context;
  }

  public List<String> resolve(String fqdn) {
    String name = fqdn.endsWith(".") ? fqdn.substring(0, fqdn.length() - 1) : fqdn;
    String suffix = "." + ctx.settings().clusterDomain();
    if (!name.endsWith(suffix)) {
      return List.of();
    }
    String[] parts = name.substring(0, name.length() - suffix.length()).split("\\.");
    if (parts.length == 3 && parts[2].equals("svc")) {
      return service(parts[1], parts[0]);
    }
    if (parts.length == 4 && parts[3].equals("svc")) {
      return hostInService(parts[2], parts[1], parts[0]);
    }
    if (parts.length == 3 && parts[2].equals("pod")) {
      String ip = parts[0].replace('-', '.');
      for (Pod p : ctx.store().list(Pod.class, parts[1])) {
        if (ip.equals(p.status().podIP())) {
          return List.of(ip);
        }
      }
    }
    return List.of();
  }

  private List<String> service(String ns, String name) {
    Service s = ctx.store().get(Service.class, ns, name);
    if (s == null) {
      return List.of();
    }
    String ip = s.spec().clusterIP();
    if (ip != null && !ip.isEmpty() && !"None".equals(ip)) {
      return List.of(ip);
    }
    List<String> out = new ArrayList<>();
    for (ServiceEndpoints.Backend b : ServiceEndpoints.backends(ctx.store(), s)) {
      if (b.ready()) {
        out.add(b.pod().status().podIP());
      }
    }
    return out;
  }

  private List<String> hostInService(String ns, String service, String hostname) {
    Service s = ctx.store().get(Service.class, ns, service);
    if (s == null || !"None".equals(s.spec().clusterIP())) {
      return List.of();
    }
    for (ServiceEndpoints.Backend b : ServiceEndpoints.backends(ctx.store(), s)) {
      Pod p = b.pod();
      if (b.ready() && hostname.equals(p.spec().hostname())
          && service.equals(p.spec().subdomain())) {
        return List.of(p.status().podIP());
      }
    }
    return List.of();
  }
}
