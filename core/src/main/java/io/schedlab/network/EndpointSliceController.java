package io.schedlab.network;

import io.schedlab.api.Endpoint;
import io.schedlab.api.EndpointConditions;
import io.schedlab.api.EndpointPort;
import io.schedlab.api.EndpointSlice;
import io.schedlab.api.ObjectMeta;
import io.schedlab.api.ObjectReference;
import io.schedlab.api.OwnerReference;
import io.schedlab.api.Pod;
import io.schedlab.api.Service;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The EndpointSlice controller: a Service's pods as IPv4 EndpointSlices labelled {@code
 * kubernetes.io/service-name}, at most 100 endpoints a slice (its --max-endpoints-per-slice
 * default), one slice set per distinct port list; each endpoint carries ready, serving and
 * terminating as upstream derives them (a terminating pod is kept, not ready). Slices are named
 * {@code <service>-<n>} and rewritten in place when their content changes.
 */
public final class EndpointSliceController extends ServiceSyncController {
  /** kube-controller-manager --max-endpoints-per-slice default. */
  public static final int MAX_ENDPOINTS_PER_SLICE = 100;
  static final String MANAGER = "endpointslice-controller.k8s.io";

  public EndpointSliceController() {
    super("endpointslice-controller");
  }

  @Override
  void deleted(Service s) {
    write(s, List.of());
  }

  @Override
  void sync(Service s) {
    if (!ServiceEndpoints.selects(s)) {
      return;
    }
    Map<List<EndpointPort>, List<Endpoint>> byPorts = new LinkedHashMap<>();
    for (ServiceEndpoints.Backend b : ServiceEndpoints.backends(ctx.store(), s)) {
      Pod p = b.pod();
      Endpoint ep = new Endpoint(List.of(p.status().podIP()),
          new EndpointConditions(b.ready(), b.terminating() ? ServiceEndpoints.ready(p) : b.ready(),
              b.terminating()),
          p.spec().hostname(), p.spec().nodeName(),
          new ObjectReference("Pod", p.metadata().namespace(), p.metadata().name(),
              p.metadata().uid()));
      byPorts.computeIfAbsent(ServiceEndpoints.ports(s, p), k -> new ArrayList<>()).add(ep);
    }
    List<EndpointSlice> slices = new ArrayList<>();
    for (Map.Entry<List<EndpointPort>, List<Endpoint>> e : byPorts.entrySet()) {
      List<Endpoint> all = e.getValue();
      for (int from = 0; from < all.size(); from += MAX_ENDPOINTS_PER_SLICE) {
        List<Endpoint> part = all.subList(from, Math.min(all.size(), from + MAX_ENDPOINTS_PER_SLICE));
        slices.add(new EndpointSlice(null, null, null, "IPv4", part, e.getKey()));
      }
    }
    write(s, slices);
  }

  /** Makes the Service's slices {@code <name>-0..n-1} hold exactly {@code want}. */
  private void write(Service s, List<EndpointSlice> want) {
    ObjectMeta m = s.metadata();
    List<EndpointSlice> have = new ArrayList<>();
    for (EndpointSlice es : ctx.store().list(EndpointSlice.class, m.namespace())) {
      if (m.name().equals(es.metadata().labels().get(EndpointSlice.SERVICE_NAME_LABEL))) {
        have.add(es);
      }
    }
    for (int i = 0; i < want.size(); i++) {
      String name = m.name() + "-" + i;
      EndpointSlice w = want.get(i);
      EndpointSlice current = ctx.store().get(EndpointSlice.class, m.namespace(), name);
      if (current == null) {
        ObjectMeta meta = ObjectMeta.EMPTY.withName(name).withNamespace(m.namespace())
            .withLabels(Map.of(EndpointSlice.SERVICE_NAME_LABEL, m.name(),
                EndpointSlice.MANAGED_BY_LABEL, MANAGER))
            .withOwnerReferences(List.of(new OwnerReference("v1", "Service", m.name(), m.uid(),
                true, true)));
        ctx.store().create(w.withMetadata(meta));
      } else if (!current.endpoints().equals(w.endpoints()) || !current.ports().equals(w.ports())) {
        ctx.store().update(current.withEndpoints(w.endpoints(), w.ports()));
      }
    }
    for (EndpointSlice es : have) {
      String n = es.metadata().name();
      int dash = n.lastIndexOf('-');
      int idx = -1;
      try {
        idx = Integer.parseInt(n.substring(dash + 1));
      } catch (NumberFormatException | StringIndexOutOfBoundsException ignored) {
        // Not one of ours by name: remove it below, as the controller owns the label.
      }
      if (idx < 0 || idx >= want.size() || !n.equals(m.name() + "-" + idx)) {
        ctx.store().delete(EndpointSlice.class, m.namespace(), n);
      }
    }
  }
}
