package io.schedlab.plugins.trimaran;

import io.schedlab.api.Node;
import io.schedlab.api.NodeMetrics;
import io.schedlab.api.Quantity;
import io.schedlab.framework.Handle;
import io.schedlab.node.MetricsServer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What Trimaran's collector would hand a plugin for one node, read from the node's {@link
 * NodeMetrics}: per resource, the utilisation in percent that the load-watcher reports and its
 * standard deviation, and the end of the metrics window in Unix seconds.
 *
 * <p>As load-watcher's metrics-server provider, the latest usage gives a {@code Latest} metric of
 * 100 × usage / node capacity; the metrics server's window statistics, when its annotations are
 * there, give {@code Average} and {@code Std} metrics. As upstream's GetResourceData, an Average
 * wins over a Latest; without a Std the deviation is 0.
 *
 * @param cpuFound whether any CPU metric exists (upstream's {@code isValid})
 * @param memoryFound whether any memory metric exists
 * @param windowEndSeconds the NodeMetrics timestamp, Unix seconds
 */
public record NodeLoad(
    boolean cpuFound,
    double cpuPercent,
    double cpuStdPercent,
    boolean memoryFound,
    double memoryPercent,
    double memoryStdPercent,
    long windowEndSeconds) {

  /** The node's load, or null when it has no NodeMetrics (upstream: no metrics for the node). */
  public static NodeLoad of(Handle handle, Node node) {
    NodeMetrics m = handle.objects().get(NodeMetrics.class, null, node.metadata().name());
    return m == null ? null : of(m, node, handle.now().getEpochSecond());
  }

  /** The load that {@code metrics} reports for {@code node}; {@code nowSeconds} if untimed. */
  public static NodeLoad of(NodeMetrics metrics, Node node, long nowSeconds) {
    Map<String, Quantity> capacity = node.status().capacity();
    Map<String, String> a = metrics.metadata().annotations();
    Quantity cpu = metrics.usage().get("cpu");
    Quantity mem = metrics.usage().get("memory");
    boolean cpuFound = cpu != null || a.containsKey(NodeMetrics.CPU_AVERAGE);
    boolean memFound = mem != null || a.containsKey(NodeMetrics.MEMORY_AVERAGE);
    double cpuPct = cpu == null ? 0
        : MetricsServer.percent(cpu.milliValue(), Quantity.milliValueOrZero(capacity.get("cpu")));
    double memPct = mem == null ? 0
        : MetricsServer.percent(mem.value(), Quantity.valueOrZero(capacity.get("memory")));
    cpuPct = number(a, NodeMetrics.CPU_AVERAGE, cpuPct);
    memPct = number(a, NodeMetrics.MEMORY_AVERAGE, memPct);
    return new NodeLoad(cpuFound, cpuPct, number(a, NodeMetrics.CPU_STDDEV, 0), memFound, memPct,
        number(a, NodeMetrics.MEMORY_STDDEV, 0), seconds(metrics, nowSeconds));
  }

  private static double number(Map<String, String> a, String key, double absent) {
    String text = a.get(key);
    if (text == null) {
      return absent;
    }
    // A number: NodeMetrics refuses anything else when it is made.
    return Double.parseDouble(text.trim());
  }

  private static long seconds(NodeMetrics m, long nowSeconds) {
    if (m.timestamp() == null || m.timestamp().isEmpty()) {
      return nowSeconds;
    }
    // An RFC 3339 time: NodeMetrics refuses anything else when it is made.
    return Rfc3339.epochSeconds(m.timestamp());
  }

  /**
   * Each node's last decoded load, reused while the store hands back the same NodeMetrics and
   * Node objects (they are immutable; an update replaces them), so a cycle does not re-parse
   * the annotations of every node. Safe for Score's concurrent calls.
   */
  static final class Cache {
    private record Entry(NodeMetrics metrics, Node node, NodeLoad load) {}

    private final ConcurrentHashMap<String, Entry> byNode = new ConcurrentHashMap<>();

    /** As {@link NodeLoad#of(Handle, Node)}. */
    NodeLoad get(Handle handle, Node node) {
      String name = node.metadata().name();
      NodeMetrics m = handle.objects().get(NodeMetrics.class, null, name);
      if (m == null) {
        byNode.remove(name);
        return null;
      }
      Entry e = byNode.get(name);
      if (e != null && e.metrics == m && e.node == node) {
        return e.load;
      }
      NodeLoad load = of(m, node, handle.now().getEpochSecond());
      byNode.put(name, new Entry(m, node, load));
      return load;
    }
  }
}
