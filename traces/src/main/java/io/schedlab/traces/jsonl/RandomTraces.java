package io.schedlab.traces.jsonl;

import io.schedlab.api.Affinity;
import io.schedlab.api.Container;
import io.schedlab.api.Node;
import io.schedlab.api.NodeAffinity;
import io.schedlab.api.NodeSelector;
import io.schedlab.api.NodeSelectorRequirement;
import io.schedlab.api.NodeSelectorTerm;
import io.schedlab.api.NodeSpec;
import io.schedlab.api.NodeStatus;
import io.schedlab.api.ObjectMeta;
import io.schedlab.api.OwnerReference;
import io.schedlab.api.Pod;
import io.schedlab.api.PodSpec;
import io.schedlab.api.PodStatus;
import io.schedlab.api.PreferredSchedulingTerm;
import io.schedlab.api.Quantity;
import io.schedlab.api.ResourceRequirements;
import io.schedlab.api.Taint;
import io.schedlab.api.Toleration;
import io.schedlab.traces.TraceEvent;
import io.schedlab.traces.TraceHeader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Arbitrary traces from a seed, exercising every field the native format carries: nodes with
 * capacities, labels and taints, later updated or removed; pods with requests, limits, extended
 * resources, priority, labels, annotations, owners, node affinity, tolerations, durations, usage
 * and dependencies; deletions with every reason. Meant for round-trip tests, benchmarks and
 * streaming runs, not as a workload model. Events come in time order, with ties.
 *
 * <p>Run as a program to write a trace: {@code RandomTraces OUT.jsonl[.gz] EVENTS [SEED]}.
 */
public final class RandomTraces {
  private static final String[] NAMESPACES = {"default", "batch", "ml", "web"};
  private static final String[] RESOURCES = {"nvidia.com/gpu", "alibaba.com/gpu-milli", "example.com/fpga"};
  private static final String[] ZONES = {"zone-a", "zone-b", "zone-c"};
  private static final String[] EFFECTS = {"NoSchedule", "PreferNoSchedule", "NoExecute"};
  private static final String[] OWNERS = {"Job", "ReplicaSet", "StatefulSet"};

  private static final int MAX_LIVE_PODS = 10_000;

  private final SplittableRandom random;
  private final List<String> liveNodes = new ArrayList<>();
  private final List<String> livePods = new ArrayList<>();
  private long time;
  private int nodeSeq;
  private int podSeq;

  public RandomTraces(long seed) {
    this.random = new SplittableRandom(seed);
  }

  /** The header a generated trace carries. */
  public static TraceHeader header(long seed) {
    return new TraceHeader(TraceHeader.CURRENT_VERSION, "random", "RandomTraces",
        Map.of("seed", Long.toString(seed)));
  }

  /** {@code count} events from {@code seed}. */
  public static List<TraceEvent> generate(long seed, int count) {
    RandomTraces g = new RandomTraces(seed);
    List<TraceEvent> events = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      events.add(g.next());
    }
    return events;
  }

  /** The next event; about a tenth concern nodes, the rest pods. */
  public TraceEvent next() {
    // A quarter of events share the previous one's time: ties must keep their order.
    if (random.nextInt(4) != 0) {
      time += random.nextLong(1, 2_000_000_000L);
    }
    int dice = random.nextInt(100);
    if (liveNodes.size() < 3 || dice < 5) {
      Node n = node("node-" + nodeSeq++);
      liveNodes.add(n.metadata().name());
      return new TraceEvent.NodeAdded(time, n);
    }
    if (dice < 8) {
      return new TraceEvent.NodeUpdated(time, node(liveNodes.get(random.nextInt(liveNodes.size()))));
    }
    if (dice < 10) {
      return new TraceEvent.NodeRemoved(time, liveNodes.remove(random.nextInt(liveNodes.size())));
    }
    if (dice < 35 && !livePods.isEmpty()) {
      String key = livePods.remove(random.nextInt(livePods.size()));
      int slash = key.indexOf('/');
      TraceEvent.PodDeleted.Reason[] reasons = TraceEvent.PodDeleted.Reason.values();
      return new TraceEvent.PodDeleted(time, key.substring(0, slash), key.substring(slash + 1),
          reasons[random.nextInt(reasons.length)]);
    }
    return podSubmitted();
  }

  private Node node(String name) {
    Map<String, String> labels = new HashMap<>();
    labels.put("kubernetes.io/hostname", name);
    labels.put("topology.kubernetes.io/zone", pick(ZONES));
    if (random.nextBoolean()) {
      labels.put("gpu-model", "model-" + random.nextInt(4));
    }
    Map<String, Quantity> capacity = new HashMap<>();
    capacity.put("cpu", Quantity.parse(Integer.toString(random.nextInt(1, 129))));
    capacity.put("memory", Quantity.parse(random.nextInt(1, 1025) + "Gi"));
    capacity.put("pods", Quantity.parse("110"));
    if (random.nextBoolean()) {
      capacity.put(pick(RESOURCES), Quantity.parse(Integer.toString(random.nextInt(1, 9))));
    }
    Map<String, Quantity> allocatable = new HashMap<>(capacity);
    allocatable.put("cpu", Quantity.parse(capacity.get("cpu").milliValue() - 100 + "m"));
    List<Taint> taints = new ArrayList<>();
    int nTaints = random.nextInt(3);
    for (int i = 0; i < nTaints; i++) {
      taints.add(new Taint("dedicated-" + i, random.nextBoolean() ? "v" + random.nextInt(3) : null,
          pick(EFFECTS), null));
    }
    return Node.of(
        new ObjectMeta(name, null, null, null, null, null, null, null, null, labels, null, null, null),
        NodeSpec.EMPTY.withTaints(taints).withUnschedulable(random.nextInt(10) == 0 ? true : null),
        NodeStatus.EMPTY.withCapacity(capacity).withAllocatable(allocatable));
  }

  private TraceEvent podSubmitted() {
    String namespace = pick(NAMESPACES);
    String name = "pod-" + podSeq++;
    Map<String, String> labels = new HashMap<>();
    labels.put("app", "app-" + random.nextInt(20));
    if (random.nextBoolean()) {
      labels.put("tier", random.nextBoolean() ? "batch" : "serving");
    }
    Map<String, String> annotations = random.nextInt(3) == 0
        ? Map.of("schedlab.io/qos", random.nextBoolean() ? "LS" : "BE")
        : null;
    List<OwnerReference> owners = random.nextBoolean()
        ? List.of(new OwnerReference("v1", pick(OWNERS), "owner-" + random.nextInt(50),
            "uid-" + random.nextInt(1000), true, random.nextBoolean() ? false : null))
        : null;
    ObjectMeta meta = new ObjectMeta(name, null, namespace, null, null, null, null, null, null,
        labels, annotations, owners, null);

    List<Container> containers = new ArrayList<>();
    int nContainers = random.nextInt(1, 4);
    for (int i = 0; i < nContainers; i++) {
      containers.add(container("c" + i));
    }
    PodSpec spec = PodSpec.EMPTY.withContainers(containers);
    if (random.nextInt(5) == 0) {
      spec = spec.withInitContainers(List.of(container("init")));
    }
    if (random.nextBoolean()) {
      spec = spec.withPriority(random.nextInt(-10, 2_000_000_000));
    }
    if (random.nextInt(4) == 0) {
      spec = spec.withPriorityClassName("class-" + random.nextInt(3));
    }
    if (random.nextInt(4) == 0) {
      spec = spec.withNodeSelector(Map.of("topology.kubernetes.io/zone", pick(ZONES)));
    }
    if (random.nextInt(3) == 0) {
      spec = spec.withAffinity(affinity());
    }
    if (random.nextInt(3) == 0) {
      List<Toleration> tolerations = new ArrayList<>();
      tolerations.add(new Toleration("dedicated-0", "Equal", "v0", pick(EFFECTS), null));
      if (random.nextBoolean()) {
        tolerations.add(new Toleration(null, "Exists", null, "NoExecute",
            (long) random.nextInt(0, 3600)));
      }
      spec = spec.withTolerations(tolerations);
    }
    Pod pod = Pod.of(meta, spec, PodStatus.EMPTY);

    long duration = random.nextInt(5) == 0
        ? TraceEvent.PodSubmitted.UNKNOWN_DURATION
        : random.nextLong(0, 86_400_000_000_000L);
    Map<String, Quantity> usage = new HashMap<>();
    if (random.nextBoolean()) {
      usage.put("cpu", Quantity.ofMilli(random.nextInt(1, 64_000)));
      usage.put("memory", Quantity.parse(random.nextInt(1, 65_536) + "Mi"));
    }
    List<String> dependsOn = new ArrayList<>();
    int nDeps = livePods.isEmpty() || random.nextInt(4) != 0 ? 0 : random.nextInt(1, 4);
    for (int i = 0; i < nDeps; i++) {
      dependsOn.add(livePods.get(random.nextInt(livePods.size())));
    }
    // Bounded, so a generator of millions of events runs in a small heap.
    if (livePods.size() < MAX_LIVE_PODS) {
      livePods.add(namespace + "/" + name);
    } else {
      livePods.set(random.nextInt(MAX_LIVE_PODS), namespace + "/" + name);
    }
    return new TraceEvent.PodSubmitted(time, pod, duration, usage, dependsOn);
  }

  private Container container(String name) {
    Map<String, Quantity> requests = new HashMap<>();
    requests.put("cpu", Quantity.ofMilli(random.nextInt(1, 32_000)));
    requests.put("memory", Quantity.parse(random.nextInt(1, 131_072) + "Mi"));
    if (random.nextInt(4) == 0) {
      requests.put(pick(RESOURCES), Quantity.parse(Integer.toString(random.nextInt(1, 5))));
    }
    Map<String, Quantity> limits = null;
    if (random.nextBoolean()) {
      limits = new HashMap<>();
      for (Map.Entry<String, Quantity> r : requests.entrySet()) {
        limits.put(r.getKey(), random.nextBoolean() ? r.getValue() : r.getValue().add(r.getValue()));
      }
    }
    return new Container(name, "image-" + random.nextInt(5), null, null,
        new ResourceRequirements(requests, limits), null, null);
  }

  private Affinity affinity() {
    NodeSelectorTerm required = new NodeSelectorTerm(
        List.of(new NodeSelectorRequirement("topology.kubernetes.io/zone", "In",
            List.of(pick(ZONES), pick(ZONES)))),
        null);
    List<PreferredSchedulingTerm> preferred = random.nextBoolean()
        ? List.of(new PreferredSchedulingTerm(random.nextInt(1, 101), new NodeSelectorTerm(
            List.of(new NodeSelectorRequirement("gpu-model", "Exists", null)), null)))
        : null;
    return new Affinity(new NodeAffinity(new NodeSelector(List.of(required)), preferred), null, null);
  }

  private String pick(String[] values) {
    return values[random.nextInt(values.length)];
  }

  /** Writes {@code EVENTS} generated events from {@code SEED} (default 1) to {@code OUT}. */
  public static void main(String[] args) {
    if (args.length < 2 || args.length > 3) {
      System.err.println("usage: RandomTraces OUT.jsonl[.gz] EVENTS [SEED]");
      System.exit(2);
    }
    Path out = Path.of(args[0]);
    long count = Long.parseLong(args[1]);
    long seed = args.length == 3 ? Long.parseLong(args[2]) : 1;
    RandomTraces g = new RandomTraces(seed);
    try (JsonlTraceWriter w = JsonlTraceWriter.open(out, header(seed))) {
      for (long i = 0; i < count; i++) {
        w.write(g.next());
      }
    }
  }
}
