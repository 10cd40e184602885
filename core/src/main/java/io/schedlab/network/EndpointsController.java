package io.schedlab.network;

import io.schedlab.api.EndpointAddress;
import io.schedlab.api.EndpointPort;
import io.schedlab.api.EndpointSubset;
import io.schedlab.api.Endpoints;
import io.schedlab.api.ObjectMeta;
import io.schedlab.api.ObjectReference;
import io.schedlab.api.Pod;
import io.schedlab.api.Service;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The endpoints controller: for every Service with a selector, an Endpoints object of the same
 * name listing its pods' IPs, ready ones under {@code addresses} and the others under {@code
 * notReadyAddresses}, grouped into subsets by the ports they serve. Terminating pods are left
 * out. Recomputed whenever a Service or a pod in its namespace changes.
 */
public final class EndpointsController extends ServiceSyncController {
  public EndpointsController() {
    super("endpoints-controller");
  }

  @Override
  void deleted(Service s) {
    ObjectMeta m = s.metadata();
    if (ctx.store().get(Endpoints.class, m.namespace(), m.name()) != null) {
      ctx.store().delete(Endpoints.class, m.namespace(), m.name());
    }
  }

  @Override
  void sync(Service s) {
    if (!ServiceEndpoints.selects(s)) {
      return;
    }
    Map<List<EndpointPort>, List<EndpointAddress>[]> byPorts = new LinkedHashMap<>();
    for (ServiceEndpoints.Backend b : ServiceEndpoints.backends(ctx.store(), s)) {
      if (b.terminating()) {
        continue;
      }
      Pod p = b.pod();
      @SuppressWarnings("unchecked")
      List<EndpointAddress>[] lists = byPorts.computeIfAbsent(ServiceEndpoints.ports(s, p),
          k -> new List[] {new ArrayList<>(), new ArrayList<>()});
      EndpointAddress a = new EndpointAddress(p.status().podIP(), p.spec().hostname(),
          p.spec().nodeName(), new ObjectReference("Pod", p.metadata().namespace(),
              p.metadata().name(), p.metadata().uid()));
      lists[b.ready() ? 0 : 1].add(a);
    }
    List<EndpointSubset> subsets = new ArrayList<>();
    for (Map.Entry<List<EndpointPort>, List<EndpointAddress>[]> e : byPorts.entrySet()) {
      subsets.add(new EndpointSubset(e.getValue()[0], e.getValue()[1], e.getKey()));
    }
    ObjectMeta m = s.metadata();
    Endpoints current = ctx.store().get(Endpoints.class, m.namespace(), m.name());
    if (current == null) {
      ctx.store().create(Endpoints.of(ObjectMeta.EMPTY.withName(m.name())
          .withNamespace(m.namespace()).withLabels(m.labels()), subsets));
    } else if (!current.subsets().equals(subsets)) {
      ctx.store().update(current.withSubsets(subsets));
    }
  }
}
