package io.schedlab.traces.alibaba2018;

import io.schedlab.api.Node;
import io.schedlab.api.Pod;
import io.schedlab.api.Quantity;
import io.schedlab.traces.TraceEvent;
import io.schedlab.traces.TraceSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** One line per event, with every mapped field, so tests can compare whole streams exactly. */
public final class EventText {
  private EventText() {}

  public static List<String> all(TraceSource source) {
    List<String> out = new ArrayList<>();
    TraceEvent e;
    while ((e = source.next()) != null) {
      out.add(of(e));
    }
    return out;
  }

  public static List<TraceEvent> events(TraceSource source) {
    List<TraceEvent> out = new ArrayList<>();
    TraceEvent e;
    while ((e = source.next()) != null) {
      out.add(e);
    }
    return out;
  }

  public static String of(TraceEvent event) {
    long s = event.timeNanos() / 1_000_000_000L;
    return switch (event) {
      case TraceEvent.NodeAdded a -> s + " add " + node(a.node());
      case TraceEvent.NodeUpdated u -> s + " update " + node(u.node());
      case TraceEvent.NodeRemoved r -> s + " remove " + r.nodeName();
      case TraceEvent.PodSubmitted p -> s + " submit " + pod(p);
      case TraceEvent.PodDeleted d -> s + " delete " + d.namespace() + "/" + d.name() + " " + d.reason();
    };
  }

  private static String node(Node n) {
    return n.metadata().name() + " " + quantities(n.status().allocatable())
        + (Boolean.TRUE.equals(n.spec().unschedulable()) ? " unschedulable" : "")
        + " " + new TreeMap<>(n.metadata().labels()) + " " + new TreeMap<>(n.metadata().annotations());
  }

  private static String pod(TraceEvent.PodSubmitted p) {
    Pod pod = p.pod();
    var resources = pod.spec().containers().get(0).resources();
    String owner = pod.metadata().ownerReferences().isEmpty() ? ""
        : " owner=" + pod.metadata().ownerReferences().get(0).kind() + ":" + pod.metadata().ownerReferences().get(0).name();
    return pod.metadata().namespace() + "/" + pod.metadata().name()
        + " req=" + quantities(resources.requests()) + " lim=" + quantities(resources.limits())
        + " dur=" + (p.durationNanos() < 0 ? "?" : Long.toString(p.durationNanos() / 1_000_000_000L))
        + " usage=" + quantities(p.usage()) + " deps=" + p.dependsOn()
        + owner + " " + new TreeMap<>(pod.metadata().labels()) + " " + new TreeMap<>(pod.metadata().annotations());
  }

  private static String quantities(Map<String, Quantity> m) {
    TreeMap<String, String> sorted = new TreeMap<>();
    m.forEach((k, v) -> sorted.put(k, v.toString()));
    return sorted.toString();
  }
}
