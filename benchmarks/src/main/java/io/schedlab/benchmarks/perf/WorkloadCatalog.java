package io.schedlab.benchmarks.perf;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Upstream scheduler_perf workloads by their upstream names ({@code <testCase>/<workload>}), with
 * upstream's node and pod counts, templates, namespaces, zone labels and throughput thresholds,
 * from {@code test/integration/scheduler_perf/} (misc, affinity, topology_spreading,
 * default_preemption and podgroup/gangscheduling performance configs; see the templates' README
 * for the commits). The gang workloads run with the Coscheduling profile.
 *
 * <p>Left out on purpose:
 *
 * <ul>
 *   <li>Feature-gate twins ({@code _QueueingHintsEnabled}, {@code _AsyncAPICallsEnabled}, {@code
 *       _NodeDeclaredFeaturesDisabled}): schedlab has one behaviour, so each twin would repeat its
 *       base workload.
 *   <li>GangScheduling's {@code _CompositePodGroupEnabled} twins (a feature gate schedlab does
 *       not model) and its 2000/3000-gang and 1000/5000-per-group rows, which only scale the
 *       mirrored rows.
 *   <li>There is no upstream workload named MixedChurn. The mixed workload upstream runs is
 *       {@code MixedSchedulingBasePod} (a cluster pre-filled with five kinds of pods, then plain
 *       pods measured), mirrored here; the only churn workload among these configs is {@code
 *       Unschedulable}, also mirrored.
 * </ul>
 *
 * <p>The affinity thresholds come from an affinity config that may predate upstream's latest
 * threshold updates (the reference notes call them unconfirmed).
 */
public final class WorkloadCatalog {
  private static final long CHURN_INTERVAL_NANOS = 200_000_000L;

  private static final Map<String, Workload> ALL = build();

  private WorkloadCatalog() {}

  /** Every workload, in catalog order. */
  public static List<Workload> all() {
    return List.copyOf(ALL.values());
  }

  /** Every workload name, in catalog order. */
  public static List<String> names() {
    return List.copyOf(ALL.keySet());
  }

  /**
   * The workload named {@code name}.
   *
   * @throws IllegalArgumentException naming the known workloads when there is none of that name
   */
  public static Workload get(String name) {
    Workload w = ALL.get(name);
    if (w == null) {
      throw new IllegalArgumentException(
          "workload: expected one of " + String.join(", ", ALL.keySet()) + ", got " + name);
    }
    return w;
  }

  private static Map<String, Workload> build() {
    List<Workload> list = new ArrayList<>();
    // misc/performance-config.yaml
    basic(list, "5Nodes", 5, 5, 10, null);
    basic(list, "500Nodes", 500, 500, 1000, null);
    basic(list, "5000Nodes", 5000, 1000, 1000, null);
    basic(list, "5000Nodes_10000Pods", 5000, 1000, 10000, 680);
    basic(list, "5000Nodes_50000Pods", 5000, 5000, 50000, 790);
    daemonset(list, "5Nodes", 5, 10, null);
    daemonset(list, "15000Nodes", 15000, 30000, 1100);
    // affinity/performance-config.yaml
    List<Variant> antiAffinity = List.of(
        new Variant("5Nodes", 5, 1, 4, null), new Variant("500Nodes", 500, 100, 400, null),
        new Variant("5000Nodes", 5000, 1000, 1000, null), new Variant("5000Nodes_2000Pods", 5000, 1000, 2000, 60));
    for (Variant v : antiAffinity) {
      interPod(list, "SchedulingPodAntiAffinity", "pod-with-pod-anti-affinity.yaml", null, v);
    }
    for (Variant v : interPodVariants(35)) {
      interPod(list, "SchedulingPodAffinity", "pod-with-pod-affinity.yaml", "node-default.yaml", v);
    }
    for (Variant v : interPodVariants(90)) {
      interPod(list, "SchedulingPreferredPodAffinity", "pod-with-preferred-pod-affinity.yaml", null, v);
    }
    for (Variant v : interPodVariants(90)) {
      interPod(list, "SchedulingPreferredPodAntiAffinity", "pod-with-preferred-pod-anti-affinity.yaml", null, v);
    }
    nodeAffinity(list, "5Nodes", 5, 5, 10, null);
    nodeAffinity(list, "500Nodes", 500, 500, 1000, null);
    nodeAffinity(list, "5000Nodes", 5000, 5000, 1000, null);
    nodeAffinity(list, "5000Nodes_10000Pods", 5000, 5000, 10000, 220);
    mixed(list, "5Nodes", 5, 2, 10, null);
    mixed(list, "500Nodes", 500, 200, 1000, null);
    mixed(list, "5000Nodes", 5000, 2000, 1000, null);
    mixed(list, "5000Nodes_5000Pods", 5000, 2000, 5000, 140);
    // topology_spreading/performance-config.yaml
    for (String[] c : new String[][] {
        {"TopologySpreading", "pod-with-topology-spreading.yaml", "460"},
        {"PreferredTopologySpreading", "pod-with-preferred-topology-spreading.yaml", "340"}}) {
      spreading(list, c[0], c[1], "5Nodes", 5, 10, 10, null);
      spreading(list, c[0], c[1], "500Nodes", 500, 1000, 1000, null);
      spreading(list, c[0], c[1], "5000Nodes", 5000, 5000, 2000, null);
      spreading(list, c[0], c[1], "5000Nodes_5000Pods", 5000, 5000, 5000, Integer.valueOf(c[2]));
    }
    // default_preemption/performance-config.yaml
    preemption(list, "5Nodes", 5, 20, 5);
    preemption(list, "1000Nodes", 1000, 4000, 1000);
    unschedulable(list, "5Nodes/1Init/10Pods", 5, 1, 10, null);
    unschedulable(list, "500Nodes/10Init/1kPods", 500, 10, 1000, null);
    unschedulable(list, "5kNodes/100Init/1kPods", 5000, 100, 1000, null);
    unschedulable(list, "5kNodes/100Init/10kPods", 5000, 100, 10000, 590);
    unschedulable(list, "5kNodes/20kInit/10kPods", 5000, 20000, 10000, 600);
    // podgroup/gangscheduling/performance-config.yaml
    gang(list, "10Nodes_3Gangs", 10, 3, 3);
    gang(list, "100Nodes_10Gangs", 100, 10, 3);
    gang(list, "5000Nodes_1000Gangs_3000Pods", 5000, 1000, 3);
    Map<String, Workload> byName = new LinkedHashMap<>();
    for (Workload w : list) {
      if (byName.put(w.name(), w) != null) {
        throw new IllegalStateException("workload catalog: duplicate name " + w.name());
      }
    }
    return Collections.unmodifiableMap(byName);
  }

  /** One row of an upstream workload table. */
  private record Variant(String name, int nodes, int init, int measure, Integer threshold) {}

  /** The three affinity cases' shared counts; only the 5000Nodes_5000Pods row has a threshold. */
  private static List<Variant> interPodVariants(int threshold) {
    return List.of(
        new Variant("5Nodes", 5, 5, 10, null), new Variant("500Nodes", 500, 500, 1000, null),
        new Variant("5000Nodes", 5000, 5000, 1000, null), new Variant("5000Nodes_5000Pods", 5000, 5000, 5000, threshold));
  }

  private static void basic(List<Workload> list, String variant, int nodes, int init, int measure, Integer threshold) {
    list.add(new Workload("SchedulingBasic/" + variant, List.of(
        new Op.CreateNodes(nodes, null, List.of()),
        new Op.CreatePods(init, "pod-default.yaml", null, false),
        new Op.CreatePods(measure, "pod-default.yaml", null, true)), threshold, 0));
  }

  private static void daemonset(List<Workload> list, String variant, int nodes, int measure, Integer threshold) {
    list.add(new Workload("SchedulingDaemonset/" + variant, List.of(
        new Op.CreateNodes(1, "node-with-name.yaml", List.of()),
        new Op.CreateNodes(nodes, "node-default.yaml", List.of()),
        new Op.CreatePods(measure, "daemonset-pod.yaml", null, true)), threshold, 0));
  }

  /**
   * The inter-pod affinity cases: init pods in {@code sched-0}, measured in {@code sched-1}; only
   * SchedulingPodAffinity uses node-default.yaml with every node in zone1.
   */
  private static void interPod(List<Workload> list, String testCase, String pod, String nodeTemplate, Variant v) {
    List<String> zones = nodeTemplate == null ? List.of() : List.of("zone1");
    list.add(new Workload(testCase + "/" + v.name(), List.of(
        new Op.CreateNodes(v.nodes(), nodeTemplate, zones),
        new Op.CreateNamespaces("sched", 2),
        new Op.CreatePods(v.init(), pod, "sched-0", false),
        new Op.CreatePods(v.measure(), pod, "sched-1", true)), v.threshold(), 0));
  }

  private static void nodeAffinity(List<Workload> list, String variant, int nodes, int init, int measure, Integer threshold) {
    list.add(new Workload("SchedulingNodeAffinity/" + variant, List.of(
        new Op.CreateNodes(nodes, "node-default.yaml", List.of("zone1")),
        new Op.CreatePods(init, "pod-with-node-affinity.yaml", null, false),
        new Op.CreatePods(measure, "pod-with-node-affinity.yaml", null, true)), threshold, 0));
  }

  private static void mixed(List<Workload> list, String variant, int nodes, int init, int measure, Integer threshold) {
    list.add(new Workload("MixedSchedulingBasePod/" + variant, List.of(
        new Op.CreateNodes(nodes, "node-default.yaml", List.of("zone1")),
        new Op.CreateNamespaces("sched", 1),
        new Op.CreatePods(init, "pod-default.yaml", "sched-0", false),
        new Op.CreatePods(init, "pod-with-pod-affinity.yaml", "sched-0", false),
        new Op.CreatePods(init, "pod-with-pod-anti-affinity.yaml", "sched-0", false),
        new Op.CreatePods(init, "pod-with-preferred-pod-affinity.yaml", "sched-0", false),
        new Op.CreatePods(init, "pod-with-preferred-pod-anti-affinity.yaml", "sched-0", false),
        new Op.CreatePods(measure, "pod-default.yaml", null, true)), threshold, 0));
  }

  private static void spreading(
      List<Workload> list, String testCase, String pod, String variant, int nodes, int init, int measure, Integer threshold) {
    list.add(new Workload(testCase + "/" + variant, List.of(
        new Op.CreateNodes(nodes, "node-default.yaml", List.of("moon-1", "moon-2", "moon-3")),
        new Op.CreatePods(init, "pod-default.yaml", null, false),
        new Op.CreatePods(measure, pod, null, true)), threshold, 0));
  }

  /** Four 900m victims per 4-cpu node; each 3970m preemptor needs all four of its node's gone. */
  private static void preemption(List<Workload> list, String variant, int nodes, int init, int measure) {
    list.add(new Workload("PreemptionBasic/" + variant, List.of(
        new Op.CreateNodes(nodes, null, List.of()),
        new Op.CreatePods(init, "pod-low-priority.yaml", null, false),
        new Op.CreatePods(measure, "default_preemption/pod-high-priority.yaml", null, true)), null, init));
  }

  /**
   * Upstream PodGroups {@code gang-<i>} of {@code podsPerGroup} members each in {@code gang-ns-0};
   * pod {@code i} joins gang {@code i / podsPerGroup}. No thresholds upstream.
   */
  private static void gang(List<Workload> list, String variant, int nodes, int groups, int podsPerGroup) {
    list.add(new Workload("GangScheduling/" + variant, List.of(
        new Op.CreateNodes(nodes, null, List.of()),
        new Op.CreateNamespaces("gang-ns", 1),
        new Op.CreatePodGroups(groups, "podgroup/gangscheduling/podgroup.yaml", "gang-ns-0", podsPerGroup),
        new Op.CreatePods(groups * podsPerGroup, "podgroup/gangscheduling/gang-pod.yaml", "gang-ns-0", true,
            podsPerGroup)), null, 0, "coscheduling.yaml"));
  }

  /** Init pods are upstream's built-in pod; 9-cpu pods that never fit churn in every 200 ms. */
  private static void unschedulable(List<Workload> list, String variant, int nodes, int init, int measure, Integer threshold) {
    list.add(new Workload("Unschedulable/" + variant, List.of(
        new Op.CreateNodes(nodes, null, List.of()),
        new Op.CreatePods(init, null, null, false),
        new Op.Churn("pod-high-priority-large-cpu.yaml", CHURN_INTERVAL_NANOS),
        new Op.CreatePods(measure, "pod-default.yaml", null, true)), threshold, 0));
  }
}
