package io.schedlab.traces;

import io.schedlab.api.Affinity;
import io.schedlab.api.Container;
import io.schedlab.api.Node;
import io.schedlab.api.NodeSelectorRequirement;
import io.schedlab.api.Pod;
import io.schedlab.api.PodAffinityTerm;
import io.schedlab.api.Quantity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** One-line renderings of trace events, so tests can state a whole mapping exactly. */
public final class EventText {
  private EventText() {}

  public static List<String> readAll(TraceSource source) {
    List<String> out = new ArrayList<>();
    TraceEvent e;
    while ((e = source.next()) != null) {
      out.add(of(e));
    }
    return out;
  }

  public static String of(TraceEvent event) {
    return switch (event) {
      case TraceEvent.NodeAdded a -> a.timeNanos() + " add " + node(a.node());
      case TraceEvent.NodeUpdated u -> u.timeNanos() + " update " + node(u.node());
      case TraceEvent.NodeRemoved r -> r.timeNanos() + " remove " + r.nodeName();
      case TraceEvent.PodDeleted d -> d.timeNanos() + " delete " + d.namespace() + "/" + d.name() + " " + d.reason();
      case TraceEvent.PodSubmitted s -> s.timeNanos() + " submit " + pod(s.pod())
          + (s.durationNanos() == TraceEvent.PodSubmitted.UNKNOWN_DURATION ? "" : " duration=" + s.durationNanos());
    };
  }

  private static String node(Node n) {
    return n.metadata().name() + " " + quantities(n.status().capacity())
        + (n.status().allocatable().equals(n.status().capacity()) ? "" : " alloc=" + quantities(n.status().allocatable()))
        + " " + sorted(n.metadata().labels());
  }

  private static String pod(Pod p) {
    StringBuilder b = new StringBuilder(p.metadata().namespace() + "/" + p.metadata().name());
    if (p.spec().priority() != null) {
      b.append(" prio=").append(p.spec().priority());
    }
    Container c = p.spec().containers().get(0);
    if (c.resources() != null && c.resources().requests() != null && !c.resources().requests().isEmpty()) {
      b.append(" req=").append(quantities(c.resources().requests()));
    }
    if (c.resources() != null && c.resources().limits() != null && !c.resources().limits().isEmpty()) {
      b.append(" lim=").append(quantities(c.resources().limits()));
    }
    if (p.metadata().labels() != null && !p.metadata().labels().isEmpty()) {
      b.append(" labels=").append(sorted(p.metadata().labels()));
    }
    if (p.metadata().annotations() != null && !p.metadata().annotations().isEmpty()) {
      b.append(" ann=").append(sorted(p.metadata().annotations()));
    }
    if (p.metadata().ownerReferences() != null && !p.metadata().ownerReferences().isEmpty()) {
      var o = p.metadata().ownerReferences().get(0);
      b.append(" owner=").append(o.kind()).append('/').append(o.name());
    }
    Affinity a = p.spec().affinity();
    if (a != null && a.nodeAffinity() != null) {
      b.append(" nodeAffinity=[");
      for (NodeSelectorRequirement r : a.nodeAffinity().requiredDuringSchedulingIgnoredDuringExecution()
          .nodeSelectorTerms().get(0).matchExpressions()) {
        b.append(r.key()).append(' ').append(r.operator()).append(r.values() == null || r.values().isEmpty() ? "" : " " + r.values()).append("; ");
      }
      b.append(']');
    }
    if (a != null && a.podAntiAffinity() != null) {
      PodAffinityTerm t = a.podAntiAffinity().requiredDuringSchedulingIgnoredDuringExecution().get(0);
      b.append(" antiAffinity=").append(t.topologyKey()).append(' ').append(t.labelSelector().matchLabels());
    }
    return b.toString();
  }

  private static String quantities(Map<String, Quantity> q) {
    StringBuilder b = new StringBuilder("{");
    for (Map.Entry<String, Quantity> e : new TreeMap<>(q).entrySet()) {
      b.append(b.length() > 1 ? ", " : "").append(e.getKey()).append('=').append(e.getValue());
    }
    return b.append('}').toString();
  }

  private static String sorted(Map<String, String> m) {
    return m == null ? "{}" : new TreeMap<>(m).toString();
  }
}
