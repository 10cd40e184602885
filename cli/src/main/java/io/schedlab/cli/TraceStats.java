package io.schedlab.cli;

import io.schedlab.api.Container;
import io.schedlab.api.Node;
import io.schedlab.api.Pod;
import io.schedlab.api.Quantity;
import io.schedlab.traces.TraceEvent;
import java.io.PrintWriter;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Running totals of a trace for {@code trace stats}: counts, span, totals and log2 request
 * histograms. Memory stays flat whatever the trace's length: one bucket array per resource.
 */
final class TraceStats {
  private static final int BUCKETS = 64;
  private static final String CPU = "cpu";

  private long nodeAdded;
  private long nodeUpdated;
  private long nodeRemoved;
  private long podSubmitted;
  private long podDeleted;
  private final long[] deletedBy = new long[TraceEvent.PodDeleted.Reason.values().length];
  private long first = -1;
  private long last = -1;
  private long withDuration;
  private long withUsage;
  private long withDependencies;
  /** Totals in milli-units (cpu) or units (the rest), by resource. */
  private final Map<String, long[]> nodeCapacity = new TreeMap<>();
  private final Map<String, long[]> podRequests = new TreeMap<>();
  /** Per resource: [0] pods requesting it; then log2 buckets of the request. */
  private final Map<String, long[]> histograms = new TreeMap<>();

  void add(TraceEvent event) {
    if (first < 0) {
      first = event.timeNanos();
    }
    last = event.timeNanos();
    switch (event) {
      case TraceEvent.NodeAdded e -> {
        nodeAdded++;
        addNode(e.node());
      }
      case TraceEvent.NodeUpdated e -> nodeUpdated++;
      case TraceEvent.NodeRemoved e -> nodeRemoved++;
      case TraceEvent.PodDeleted e -> {
        podDeleted++;
        deletedBy[e.reason().ordinal()]++;
      }
      case TraceEvent.PodSubmitted e -> {
        podSubmitted++;
        if (e.durationNanos() != TraceEvent.PodSubmitted.UNKNOWN_DURATION) {
          withDuration++;
        }
        if (!e.usage().isEmpty()) {
          withUsage++;
        }
        if (!e.dependsOn().isEmpty()) {
          withDependencies++;
        }
        addPod(e.pod());
      }
    }
  }

  private void addNode(Node node) {
    Map<String, Quantity> capacity = node.status().allocatable().isEmpty()
        ? node.status().capacity()
        : node.status().allocatable();
    for (Map.Entry<String, Quantity> c : capacity.entrySet()) {
      nodeCapacity.computeIfAbsent(c.getKey(), k -> new long[1])[0] += amount(c.getKey(), c.getValue());
    }
  }

  /** kube-scheduler's effective request: containers summed, raised to any init container, plus overhead. */
  private void addPod(Pod pod) {
    Map<String, Long> request = new HashMap<>();
    for (Container c : pod.spec().containers()) {
      for (Map.Entry<String, Quantity> r : c.resources().requests().entrySet()) {
        request.merge(r.getKey(), amount(r.getKey(), r.getValue()), Long::sum);
      }
    }
    for (Container c : pod.spec().initContainers()) {
      for (Map.Entry<String, Quantity> r : c.resources().requests().entrySet()) {
        request.merge(r.getKey(), amount(r.getKey(), r.getValue()), Math::max);
      }
    }
    for (Map.Entry<String, Quantity> o : pod.spec().overhead().entrySet()) {
      request.merge(o.getKey(), amount(o.getKey(), o.getValue()), Long::sum);
    }
    for (Map.Entry<String, Long> r : request.entrySet()) {
      long v = r.getValue();
      podRequests.computeIfAbsent(r.getKey(), k -> new long[1])[0] += v;
      long[] h = histograms.computeIfAbsent(r.getKey(), k -> new long[BUCKETS + 1]);
      h[0]++;
      h[1 + bucket(v)]++;
    }
  }

  private static long amount(String resource, Quantity q) {
    return CPU.equals(resource) ? q.milliValue() : q.value();
  }

  /** 0 for values below 1, else 1 + floor(log2 v): bucket b holds [2^(b-1), 2^b). */
  private static int bucket(long v) {
    return v <= 0 ? 0 : 64 - Long.numberOfLeadingZeros(v);
  }

  void print(PrintWriter out, long badRows, boolean skipping) {
    out.printf("events          %d%n", nodeAdded + nodeUpdated + nodeRemoved + podSubmitted + podDeleted);
    out.printf("  NodeAdded     %d%n", nodeAdded);
    out.printf("  NodeUpdated   %d%n", nodeUpdated);
    out.printf("  NodeRemoved   %d%n", nodeRemoved);
    out.printf("  PodSubmitted  %d (with duration %d, with usage %d, with dependencies %d)%n",
        podSubmitted, withDuration, withUsage, withDependencies);
    out.printf("  PodDeleted    %d%s%n", podDeleted, reasons());
    if (skipping) {
      out.printf("bad rows        %d (skipped)%n", badRows);
    }
    if (first >= 0) {
      out.printf("time span       %s .. %s (%s)%n", seconds(first), seconds(last), seconds(last - first));
    } else {
      out.println("time span       (no events)");
    }
    out.println();
    out.println("node allocatable (sum over NodeAdded)");
    totals(out, nodeCapacity);
    out.println("pod requests (sum over PodSubmitted)");
    totals(out, podRequests);
    for (Map.Entry<String, long[]> h : histograms.entrySet()) {
      out.println();
      histogram(out, h.getKey(), h.getValue());
    }
  }

  private String reasons() {
    StringBuilder sb = new StringBuilder();
    TraceEvent.PodDeleted.Reason[] all = TraceEvent.PodDeleted.Reason.values();
    for (int i = 0; i < all.length; i++) {
      if (deletedBy[i] > 0) {
        sb.append(sb.isEmpty() ? " (" : ", ").append(all[i].name()).append(' ').append(deletedBy[i]);
      }
    }
    return sb.isEmpty() ? "" : sb.append(')').toString();
  }

  private static void totals(PrintWriter out, Map<String, long[]> totals) {
    if (totals.isEmpty()) {
      out.println("  (none)");
    }
    for (Map.Entry<String, long[]> t : totals.entrySet()) {
      out.printf("  %-24s %s%n", t.getKey(), render(t.getKey(), t.getValue()[0]));
    }
  }

  private static void histogram(PrintWriter out, String resource, long[] h) {
    out.printf("%s requests (%d pods)%n", resource, h[0]);
    long max = 0;
    for (int b = 0; b < BUCKETS; b++) {
      max = Math.max(max, h[1 + b]);
    }
    for (int b = 0; b < BUCKETS; b++) {
      long n = h[1 + b];
      if (n == 0) {
        continue;
      }
      String range = b == 0
          ? "< " + render(resource, 1)
          : "[" + render(resource, 1L << (b - 1)) + ", " + (b == 63 ? "max" : render(resource, 1L << b)) + ")";
      int bar = (int) Math.max(1, n * 40 / max);
      out.printf("  %-22s %10d %s%n", range, n, "#".repeat(bar));
    }
  }

  /** cpu in cores or millicores, memory-like amounts with binary suffixes, the rest as numbers. */
  static String render(String resource, long v) {
    if (CPU.equals(resource)) {
      return v % 1000 == 0 ? Long.toString(v / 1000) : v + "m";
    }
    if (resource.equals("memory") || resource.startsWith("ephemeral-storage")
        || resource.startsWith("hugepages-")) {
      String[] suffixes = {"", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"};
      int i = 0;
      while (i < suffixes.length - 1 && v != 0 && v % 1024 == 0) {
        v /= 1024;
        i++;
      }
      return v + suffixes[i];
    }
    return Long.toString(v);
  }

  private static String seconds(long nanos) {
    return String.format("%.3fs", nanos / 1e9);
  }
}
