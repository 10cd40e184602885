package io.schedlab.benchmarks.perf;

import java.util.List;

/**
 * One upstream scheduler_perf workload: its ops in upstream order, the last of which is the
 * measured {@code createPods} ({@code collectMetrics: true}).
 *
 * @param name upstream's {@code <testCase>/<workload>}, e.g. {@code SchedulingBasic/5000Nodes_10000Pods}
 * @param threshold upstream's SchedulingThroughput threshold in pods/s, or null when it has none
 * @param evictions how many pods the measured pods must preempt to fit (0 when none)
 * @param profile a KubeSchedulerConfiguration under {@link #PROFILES} to run with, or null for
 *     upstream's default profile
 */
public record Workload(String name, List<Op> ops, Integer threshold, int evictions, String profile) {
  /** The classpath folder of the bundled scheduler profiles. */
  public static final String PROFILES = "scheduler_perf/profiles/";

  /** A workload run with the default profile. */
  public Workload(String name, List<Op> ops, Integer threshold, int evictions) {
    this(name, ops, threshold, evictions, null);
  }

  public Workload {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("workload name: expected a non-empty name");
    }
    ops = List.copyOf(ops);
    int measured = 0;
    for (Op op : ops) {
      if (op instanceof Op.CreatePods p && p.measured()) {
        measured++;
      }
    }
    if (measured != 1 || !(ops.get(ops.size() - 1) instanceof Op.CreatePods last) || !last.measured()) {
      throw new IllegalArgumentException(
          "workload " + name + ": expected exactly one measured createPods op, as the last op");
    }
    if (evictions < 0) {
      throw new IllegalArgumentException("workload " + name + " evictions: expected >= 0, got " + evictions);
    }
  }

  /** Index of the measured op (the last one). */
  public int measuredOpIndex() {
    return ops.size() - 1;
  }

  /** The measured op. */
  public Op.CreatePods measuredOp() {
    return (Op.CreatePods) ops.get(measuredOpIndex());
  }

  /** The measured op's namespace, after upstream's {@code namespace-<opIndex>} default. */
  public String measuredNamespace() {
    return namespaceOf(measuredOpIndex());
  }

  /** The namespace of the createPods or churn op at {@code opIndex}. */
  public String namespaceOf(int opIndex) {
    if (ops.get(opIndex) instanceof Op.CreatePods p && p.namespace() != null) {
      return p.namespace();
    }
    return "namespace-" + opIndex;
  }

  /** Nodes created by all ops. */
  public int nodeCount() {
    int n = 0;
    for (Op op : ops) {
      if (op instanceof Op.CreateNodes c) {
        n += c.count();
      }
    }
    return n;
  }

  /** Pods created before the measured op (churn pods excluded). */
  public int initPodCount() {
    int n = 0;
    for (int i = 0; i < measuredOpIndex(); i++) {
      if (ops.get(i) instanceof Op.CreatePods p) {
        n += p.count();
      }
    }
    return n;
  }

  /** Pods the measured op creates. */
  public int measuredPodCount() {
    return measuredOp().count();
  }
}
