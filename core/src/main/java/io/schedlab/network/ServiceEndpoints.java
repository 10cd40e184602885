package io.schedlab.network;

import io.schedlab.api.Container;
import io.schedlab.api.ContainerPort;
import io.schedlab.api.EndpointPort;
import io.schedlab.api.IntOrString;
import io.schedlab.api.Pod;
import io.schedlab.api.Service;
import io.schedlab.api.ServicePort;
import io.schedlab.api.match.LabelSelectors;
import io.schedlab.store.ClusterStore;
import java.util.ArrayList;
import java.util.List;

/**
 * What the endpoints controllers share: which pods back a Service (its selector, in its namespace,
 * with an IP), whether each is ready, and the Service's ports resolved against a pod (a named
 * targetPort is looked up among the pod's container ports).
 */
final class ServiceEndpoints {
  private ServiceEndpoints() {}

  /** A backing pod, in pod-name order. */
  record Backend(Pod pod, boolean ready, boolean terminating) {}

  static boolean selects(Service s) {
    return s.spec().selector() != null && !s.spec().selector().isEmpty();
  }

  static List<Backend> backends(ClusterStore store, Service s) {
    List<Backend> out = new ArrayList<>();
    for (Pod p : store.list(Pod.class, s.metadata().namespace())) {
      if (!LabelSelectors.matchesMap(s.spec().selector(), p.metadata().labels())) {
        continue;
      }
      String ip = p.status().podIP();
      String phase = p.status().phase();
      if (ip == null || ip.isEmpty() || "Succeeded".equals(phase) || "Failed".equals(phase)) {
        continue;
      }
      boolean terminating = p.metadata().deletionTimestamp() != null;
      out.add(new Backend(p, !terminating && ready(p), terminating));
    }
    out.sort(java.util.Comparator.comparing(b -> b.pod().metadata().name()));
    return out;
  }

  static boolean ready(Pod p) {
    return p.status().isReady();
  }

  /** The Service's ports as this pod serves them; a named port the pod lacks is left out. */
  static List<EndpointPort> ports(Service s, Pod p) {
    List<EndpointPort> out = new ArrayList<>();
    for (ServicePort sp : s.spec().ports()) {
      Integer port = targetPort(sp, p);
      if (port != null) {
        out.add(new EndpointPort(sp.name(), port, sp.protocol() == null ? "TCP" : sp.protocol()));
      }
    }
    return out;
  }

  private static Integer targetPort(ServicePort sp, Pod p) {
    IntOrString t = sp.targetPort();
    if (t == null) {
      return sp.port();
    }
    if (t.isInt()) {
      return t.intVal();
    }
    for (Container c : p.spec().containers()) {
      for (ContainerPort cp : c.ports()) {
        if (t.strVal().equals(cp.name())) {
          return cp.containerPort();
        }
      }
    }
    return null;
  }
}
