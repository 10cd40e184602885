package io.schedlab.cluster;

import io.schedlab.api.Node;
import io.schedlab.api.Pod;
import io.schedlab.api.Quantity;
import io.schedlab.framework.PodRequests;
import io.schedlab.framework.ResourceRegistry;
import io.schedlab.node.WorkloadAnnotations;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Samples the cluster every period of virtual time (default 10 s) and keeps the values as
 * series: {@code allocation_<resource>} (% of the Ready nodes' allocatable that running-or-bound
 * pods request, for cpu, memory and every extended resource a Ready node offers),
 * {@code utilisation_memory} (% of Ready allocatable memory that the recorded usage annotations
 * of running pods add up to, kept only if some pod carries one), {@code pending_pods},
 * {@code running_pods} and {@code nodes_ready}.
 *
 * <p>Which nodes count is a choice: by default the Ready ones, as a cluster's capacity; a batch
 * run whose nodes carry no conditions (the scheduler places pods on them all the same) counts
 * every node, and {@code nodes_ready} is then the number of nodes counted.
 *
 * <p>Implementation note: a series first seen after some samples (an extended resource on a
 * node added later) is zero-filled back to the first sample, so every series has one value per
 * sample time.
 */
public final class ClusterSampler implements ClusterComponent {
  public static final long DEFAULT_PERIOD_NANOS = 10_000_000_000L;

  public static final String PENDING_PODS = "pending_pods";
  public static final String RUNNING_PODS = "running_pods";
  public static final String NODES_READY = "nodes_ready";
  public static final String UTILISATION_MEMORY = "utilisation_memory";
  public static final String ALLOCATION_PREFIX = "allocation_";

  // Node-level keys that are not resources pods ask for in the sense of allocation.
  private static final Set<String> NOT_ALLOCATION =
      Set.of(ResourceRegistry.PODS_NAME, ResourceRegistry.EPHEMERAL_STORAGE_NAME);

  /** The default choice of nodes counted: those whose Ready condition is True. */
  public static final Predicate<Node> READY_NODES = n -> n.status().isReady();

  /** Every node counts, whatever its conditions. */
  public static final Predicate<Node> ALL_NODES = n -> true;

  private final long periodNanos;
  private final Predicate<Node> counted;
  private final ResourceRegistry registry = new ResourceRegistry();
  private final List<Double> times = new ArrayList<>();
  private final Map<String, List<Double>> values = new TreeMap<>();
  private boolean sawUsage;

  public ClusterSampler() {
    this(DEFAULT_PERIOD_NANOS);
  }

  public ClusterSampler(long periodNanos) {
    this(periodNanos, READY_NODES);
  }

  /** Samples every {@code periodNanos}, counting only the nodes {@code counted} accepts. */
  public ClusterSampler(long periodNanos, Predicate<Node> counted) {
    if (periodNanos <= 0) {
      throw new IllegalArgumentException(
          "sample period: expected a positive duration, got " + periodNanos + " ns");
    }
    if (counted == null) {
      throw new IllegalArgumentException("nodes counted: expected a predicate, got null");
    }
    this.periodNanos = periodNanos;
    this.counted = counted;
  }

  @Override
  public String name() {
    return "cluster-sampler";
  }

  @Override
  public void start(ClusterContext context) {
    context.loop().every(periodNanos, name(), () -> sample(context));
  }

  /** Takes one sample now; {@link #start} calls this every period. */
  public void sample(ClusterContext context) {
    Map<String, Node> ready = new HashMap<>();
    long[] allocatable = new long[0];
    for (Node n : context.store().list(Node.class)) {
      if (!counted.test(n)) {
        continue;
      }
      ready.put(n.metadata().name(), n);
      Map<String, Quantity> alloc = n.status().allocatable();
      if (alloc != null) {
        for (String r : alloc.keySet()) {
          registry.indexOf(r);
        }
        allocatable = add(allocatable, registry.vector(alloc));
      }
    }
    long[] requested = new long[registry.size()];
    long usedMemory = 0;
    int pending = 0;
    int running = 0;
    for (Pod p : context.store().list(Pod.class)) {
      String phase = p.status().phase();
      boolean isRunning = "Running".equals(phase);
      if (isRunning) {
        running++;
      } else if (phase == null || phase.isEmpty() || "Pending".equals(phase)) {
        pending++;
      } else {
        continue; // Succeeded or Failed: holds nothing
      }
      String node = p.spec().nodeName();
      if (node == null || !ready.containsKey(node)) {
        continue;
      }
      requested = add(requested, PodRequests.of(p, registry));
      if (isRunning) {
        long used = WorkloadAnnotations.number(p, WorkloadAnnotations.USAGE_MEMORY, -1);
        if (used >= 0) {
          sawUsage = true;
          usedMemory += used;
        }
      }
    }
    int index = times.size();
    times.add(context.now() / 1e9);
    allocatable = ResourceRegistry.fit(allocatable, registry.size());
    requested = ResourceRegistry.fit(requested, registry.size());
    for (int i = 0; i < registry.size(); i++) {
      String r = registry.name(i);
      if (NOT_ALLOCATION.contains(r)) {
        continue;
      }
      boolean standard = i == ResourceRegistry.CPU || i == ResourceRegistry.MEMORY;
      if (standard || allocatable[i] > 0 || values.containsKey(ALLOCATION_PREFIX + r)) {
        put(ALLOCATION_PREFIX + r, index, percent(requested[i], allocatable[i]));
      }
    }
    put(UTILISATION_MEMORY, index,
        percent(usedMemory, allocatable[ResourceRegistry.MEMORY]));
    put(PENDING_PODS, index, pending);
    put(RUNNING_PODS, index, running);
    put(NODES_READY, index, ready.size());
  }

  /** Sample times in virtual seconds. */
  public double[] times() {
    return toArray(times);
  }

  /** The names of the series kept, sorted. */
  public List<String> names() {
    List<String> out = new ArrayList<>();
    for (String name : values.keySet()) {
      if (!name.equals(UTILISATION_MEMORY) || sawUsage) {
        out.add(name);
      }
    }
    return out;
  }

  /** One series' values, one per {@link #times()} entry; an unknown name is an error. */
  public double[] values(String name) {
    List<Double> v = values.get(name);
    if (v == null || !names().contains(name)) {
      throw new IllegalArgumentException(
          "series: expected one of " + names() + ", got \"" + name + "\"");
    }
    return toArray(v);
  }

  private void put(String name, int index, double value) {
    List<Double> v = values.computeIfAbsent(name, k -> new ArrayList<>());
    while (v.size() < index) {
      v.add(0.0);
    }
    v.add(value);
  }

  private static long[] add(long[] sum, long[] v) {
    long[] out = sum.length >= v.length ? sum : Arrays.copyOf(sum, v.length);
    for (int i = 0; i < v.length; i++) {
      out[i] += v[i];
    }
    return out;
  }

  private static double percent(long part, long whole) {
    return whole <= 0 ? 0.0 : 100.0 * part / whole;
  }

  private static double[] toArray(List<Double> list) {
    double[] out = new double[list.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = list.get(i);
    }
    return out;
  }
}
