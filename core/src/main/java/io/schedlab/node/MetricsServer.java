package io.schedlab.node;

import io.schedlab.api.Node;
import io.schedlab.api.NodeMetrics;
import io.schedlab.api.ObjectMeta;
import io.schedlab.api.Quantity;
import io.schedlab.cluster.ClusterComponent;
import io.schedlab.cluster.ClusterContext;
import io.schedlab.sim.Durations;
import io.schedlab.store.ClusterStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * metrics-server on the virtual clock: every {@code resolution} it scrapes each registered
 * kubelet's resource metrics (the running pods' recorded usage) and publishes one {@code
 * metrics.k8s.io/v1beta1 NodeMetrics} per node into the store, named after the node.
 *
 * <p>Load-aware plugins (Trimaran) read a load-watcher, which adds a window average and a
 * standard deviation of utilisation to the latest usage. Rather than a second, non-Kubernetes
 * kind, those statistics ride on the NodeMetrics as annotations ({@link #NodeMetrics.CPU_AVERAGE} and
 * friends): utilisation in percent of the node's capacity, as load-watcher computes it, over the
 * last {@code windowSamples} scrapes (population standard deviation). A kubelet that does not
 * answer (stopped, partitioned) adds no sample and its NodeMetrics keeps its old timestamp, so a
 * reader can tell stale metrics from fresh ones.
 *
 * <p>Opt-in: a cluster model only starts it when asked, so runs that do not use it write no
 * object and schedule no event. Implementation note: per node, a ring of samples and running
 * sums are kept; each scrape is O(nodes), and writes one object per answering node.
 */
public final class MetricsServer implements ClusterComponent {
  /** metrics-server's --metric-resolution default. */
  public static final long DEFAULT_RESOLUTION_NANOS = 15 * Durations.SECOND;
  /** load-watcher's default window, 15 minutes, in scrapes at the default resolution. */
  public static final int DEFAULT_WINDOW_SAMPLES = 60;

  private final long resolutionNanos;
  private final int windowSamples;
  private final List<Kubelet> kubelets = new ArrayList<>();
  private final Map<String, Series> series = new HashMap<>();
  private ClusterStore store;
  private ClusterContext ctx;

  public MetricsServer(long resolutionNanos, int windowSamples) {
    if (resolutionNanos <= 0) {
      throw new IllegalArgumentException("metrics-server resolution: expected a positive duration, got "
          + Durations.format(resolutionNanos));
    }
    if (windowSamples < 1) {
      throw new IllegalArgumentException("metrics-server window: expected at least 1 sample, got "
          + windowSamples);
    }
    this.resolutionNanos = resolutionNanos;
    this.windowSamples = windowSamples;
  }

  public static MetricsServer withDefaults() {
    return new MetricsServer(DEFAULT_RESOLUTION_NANOS, DEFAULT_WINDOW_SAMPLES);
  }

  @Override
  public String name() {
    return "metrics-server";
  }

  /** Adds a kubelet to scrape, in registration order. */
  public void register(Kubelet kubelet) {
    kubelets.add(kubelet);
  }

  @Override
  public void start(ClusterContext context) {
    this.ctx = context;
    this.store = context.store();
    context.loop().every(resolutionNanos, name() + " scrape", this::scrape);
  }

  /** One scrape of every registered kubelet, in registration order. */
  void scrape() {
    for (Kubelet k : kubelets) {
      long[] m = k.resourceMetrics();
      if (m == null) {
        continue;
      }
      Node node = store.get(Node.class, null, k.nodeName());
      if (node == null) {
        continue;
      }
      Series s = series.computeIfAbsent(k.nodeName(), n -> new Series(windowSamples));
      Map<String, Quantity> capacity = node.status().capacity();
      s.add(percent(m[0], Quantity.milliValueOrZero(capacity.get("cpu"))),
          percent(m[1], Quantity.valueOrZero(capacity.get("memory"))));
      publish(k.nodeName(), m, s);
    }
  }

  private void publish(String nodeName, long[] m, Series s) {
    Map<String, String> annotations = new LinkedHashMap<>();
    annotations.put(NodeMetrics.CPU_AVERAGE, Double.toString(s.cpu.mean()));
    annotations.put(NodeMetrics.CPU_STDDEV, Double.toString(s.cpu.stddev()));
    annotations.put(NodeMetrics.MEMORY_AVERAGE, Double.toString(s.memory.mean()));
    annotations.put(NodeMetrics.MEMORY_STDDEV, Double.toString(s.memory.stddev()));
    annotations.put(NodeMetrics.STATS_WINDOW, Durations.format(s.cpu.count * resolutionNanos));
    Map<String, Quantity> usage = new LinkedHashMap<>();
    usage.put("cpu", Quantity.ofMilli(m[0]));
    usage.put("memory", Quantity.of(m[1], Quantity.Format.BINARY_SI));
    NodeMetrics existing = store.get(NodeMetrics.class, null, nodeName);
    ObjectMeta meta = existing == null
        ? ObjectMeta.named(null, nodeName).withAnnotations(annotations)
        : existing.metadata().withAnnotations(annotations);
    NodeMetrics next = NodeMetrics.of(meta, ctx.loop().clock().rfc3339(),
        Durations.format(resolutionNanos), usage);
    if (existing == null) {
      store.create(next);
    } else {
      store.update(next);
    }
  }

  /**
   * Utilisation in percent as load-watcher computes it: 100 × used / capacity, the capacity
   * taken as is; a node without one reads as unused.
   */
  public static double percent(long used, long capacity) {
    return capacity <= 0 ? 0 : 100.0 * used / capacity;
  }

  /** Two sliding windows of utilisation samples, one per resource. */
  private static final class Series {
    final Window cpu;
    final Window memory;

    Series(int size) {
      cpu = new Window(size);
      memory = new Window(size);
    }

    void add(double cpuPercent, double memoryPercent) {
      cpu.add(cpuPercent);
      memory.add(memoryPercent);
    }
  }

  /**
   * A ring of the last samples. Mean and deviation are summed afresh from the ring rather than
   * kept as running sums, so they do not drift with floating-point cancellation.
   */
  static final class Window {
    private final double[] ring;
    private int next;
    int count;

    Window(int size) {
      ring = new double[size];
    }

    void add(double v) {
      ring[next] = v;
      next = (next + 1) % ring.length;
      if (count < ring.length) {
        count++;
      }
    }

    double mean() {
      if (count == 0) {
        return 0;
      }
      double sum = 0;
      for (int i = 0; i < count; i++) {
        sum += ring[i];
      }
      return sum / count;
    }

    double stddev() {
      if (count == 0) {
        return 0;
      }
      double mean = mean();
      double sq = 0;
      for (int i = 0; i < count; i++) {
        double d = ring[i] - mean;
        sq += d * d;
      }
      return Math.sqrt(sq / count);
    }
  }
}
