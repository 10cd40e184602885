package io.schedlab.network;

import io.schedlab.api.Endpoint;
import io.schedlab.api.EndpointPort;
import io.schedlab.api.EndpointSlice;
import io.schedlab.api.Node;
import io.schedlab.api.Service;
import io.schedlab.api.ServicePort;
import io.schedlab.cluster.ClusterComponent;
import io.schedlab.cluster.ClusterContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.random.RandomGenerator;

/**
 * kube-proxy on every node, in its iptables mode: for each Service port, a rule from {@code
 * ClusterIP:port/protocol} to the ready endpoints of the Service's EndpointSlices, rebuilt
 * whenever a Service, a slice or a node changes. A request picks one endpoint uniformly at random,
 * as iptables' chained probability rules do. With Cluster traffic policy (the only one modelled)
 * every node holds the same rules.
 */
public final class KubeProxy implements ClusterComponent {
  /** Where a request to a Service can go. */
  public record Target(String ip, int port, String pod, String node) {}

  /** One Service port's rule. */
  public record Rule(String service, String clusterIp, int port, String protocol,
      List<Target> targets) {}

  private ClusterContext ctx;
  private Map<String, Rule> rules = Map.of();
  private final java.util.Set<String> nodes = new java.util.TreeSet<>();

  @Override
  public String name() {
    return "kube-proxy";
  }

  @Override
  public void start(ClusterContext context) {
    this.ctx = context;
    context.store().watch(Service.class, e -> rebuild());
    context.store().watch(EndpointSlice.class, e -> rebuild());
    // Nodes only matter by name (every node has the rules); their frequent status updates don't.
    for (Node n : context.store().listAndWatch(Node.class, e -> {
      switch (e.type()) {
        case ADDED -> nodes.add(e.object().metadata().name());
        case DELETED -> nodes.remove(e.object().metadata().name());
        default -> {
        }
      }
    })) {
      nodes.add(n.metadata().name());
    }
    rebuild();
  }

  private void rebuild() {
    Map<String, Rule> out = new TreeMap<>();
    for (Service s : ctx.store().list(Service.class)) {
      String ip = s.spec().clusterIP();
      if (ip == null || ip.isEmpty() || "None".equals(ip)) {
        continue;
      }
      String ns = s.metadata().namespace();
      String svc = ns + "/" + s.metadata().name();
      for (ServicePort sp : s.spec().ports()) {
        String proto = sp.protocol() == null ? "TCP" : sp.protocol();
        List<Target> targets = new ArrayList<>();
        for (EndpointSlice es : ctx.store().list(EndpointSlice.class, ns)) {
          if (!s.metadata().name().equals(es.metadata().labels().get(EndpointSlice.SERVICE_NAME_LABEL))) {
            continue;
          }
          Integer port = null;
          for (EndpointPort ep : es.ports()) {
            if (java.util.Objects.equals(ep.name(), sp.name())) {
              port = ep.port();
            }
          }
          if (port == null) {
            continue;
          }
          for (Endpoint e : es.endpoints()) {
            if (e.conditions() != null && Boolean.TRUE.equals(e.conditions().ready())) {
              String pod = e.targetRef() == null ? null : ns + "/" + e.targetRef().name();
              targets.add(new Target(e.addresses().get(0), port, pod, e.nodeName()));
            }
          }
        }
        out.put(ip + ":" + sp.port() + "/" + proto,
            new Rule(svc, ip, sp.port(), proto, List.copyOf(targets)));
      }
    }
    rules = Collections.unmodifiableMap(out);
  }

  /** The rules on {@code node} ("clusterIP:port/protocol" to rule); empty for an unknown node. */
  public Map<String, Rule> rules(String node) {
    return nodes.contains(node) ? rules : Map.of();
  }

  /** Which endpoint serves a TCP request from {@code node} to {@code clusterIp:port}, if any. */
  public Optional<Target> serve(String node, String clusterIp, int port, RandomGenerator random) {
    Rule r = rules(node).get(clusterIp + ":" + port + "/TCP");
    if (r == null || r.targets().isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(r.targets().get(random.nextInt(r.targets().size())));
  }
}
