package io.schedlab.benchmarks;

import io.schedlab.api.Container;
import io.schedlab.api.Node;
import io.schedlab.api.NodeSpec;
import io.schedlab.api.NodeStatus;
import io.schedlab.api.ObjectMeta;
import io.schedlab.api.Pod;
import io.schedlab.api.PodSpec;
import io.schedlab.api.PodStatus;
import io.schedlab.api.Quantity;
import io.schedlab.api.ResourceRequirements;
import io.schedlab.config.SchedulerConfig;
import io.schedlab.framework.Registry;
import io.schedlab.plugins.InTreeRegistry;
import io.schedlab.scheduler.BatchRun;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Upstream scheduler_perf's SchedulingBasic, end to end: 1,000 pods already running, then 10,000
 * pause pods (cpu 100m, memory 500Mi) scheduled onto default nodes (4 cpu, 32Gi, 110 pods) with the
 * default profile, through the store, the watches, the queue and the binding cycle. The score is
 * time per scheduled pod; pods/s = 1e6 / score.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar SchedulingBasicBenchmark -p nodes=5000}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(1)
public class SchedulingBasicBenchmark {
  static final int MEASURED_PODS = 10_000;
  static final int INITIAL_PODS = 1_000;

  @Param({"500", "5000"})
  public int nodes;

  /** KubeSchedulerConfiguration parallelism; threads are capped at the core count. */
  @Param({"16"})
  public int parallelism;

  private SchedulerConfig config;
  private Registry registry;
  private List<Node> nodeList;
  private List<Pod> podList;

  @Setup
  public void setup() {
    registry = InTreeRegistry.create();
    config =
        io.schedlab.config.SchedulerConfigLoader.parse(
            "apiVersion: kubescheduler.config.k8s.io/v1\nkind: KubeSchedulerConfiguration\nparallelism: "
                + parallelism + "\n",
            "benchmark", registry);
    nodeList = new ArrayList<>(nodes);
    for (int i = 0; i < nodes; i++) {
      nodeList.add(node("node-" + i));
    }
    podList = new ArrayList<>(INITIAL_PODS + MEASURED_PODS);
    for (int i = 0; i < INITIAL_PODS; i++) {
      podList.add(pod("namespace-1", "init-" + i, "node-" + (i % nodes)));
    }
    for (int i = 0; i < MEASURED_PODS; i++) {
      podList.add(pod("namespace-2", "pod-" + i, null));
    }
  }

  static Node node(String name) {
    Map<String, Quantity> capacity =
        Map.of("cpu", Quantity.parse("4"), "memory", Quantity.parse("32Gi"), "pods", Quantity.parse("110"));
    return Node.of(
        ObjectMeta.named(null, name).withLabels(Map.of("kubernetes.io/hostname", name)),
        NodeSpec.EMPTY,
        NodeStatus.EMPTY.withCapacity(capacity).withAllocatable(capacity));
  }

  static Pod pod(String namespace, String name, String nodeName) {
    Map<String, Quantity> req = Map.of("cpu", Quantity.parse("100m"), "memory", Quantity.parse("500Mi"));
    Container c =
        new Container("pause", "registry.k8s.io/pause:3.10.1", null, null, new ResourceRequirements(req, req), null, null);
    PodSpec spec = PodSpec.EMPTY.withContainers(List.of(c)).withNodeName(nodeName);
    return Pod.of(ObjectMeta.named(namespace, name), spec, PodStatus.EMPTY);
  }

  @Benchmark
  @OperationsPerInvocation(MEASURED_PODS)
  public int schedule() {
    BatchRun.Result r = BatchRun.run(config, registry, nodeList, podList, 1);
    if (r.scheduled() != MEASURED_PODS) {
      throw new IllegalStateException("scheduled " + r.scheduled() + " of " + MEASURED_PODS);
    }
    return r.scheduled();
  }
}
