package io.schedlab.benchmarks;

import io.schedlab.benchmarks.perf.BoundCluster;
import io.schedlab.config.PluginCatalog;
import io.schedlab.config.SchedulerConfig;
import io.schedlab.config.SchedulerConfigLoader;
import io.schedlab.framework.CycleState;
import io.schedlab.framework.NodeInfo;
import io.schedlab.framework.NodeTable;
import io.schedlab.framework.PodInfo;
import io.schedlab.framework.Registry;
import io.schedlab.framework.StaticHandle;
import io.schedlab.framework.runtime.Framework;
import io.schedlab.plugins.InTreeRegistry;
import io.schedlab.scheduler.Snapshot;
import java.util.HashSet;
import java.util.List;
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
 * The roofline and what the default profile costs above it, in ns per node, over the same nodes
 * and pod: SchedulingBasic's cluster (5,000 scheduler_perf default nodes, each running
 * {@code podsPerNode} pause pods, ingested by a real scheduler) and its pause pod (100m, 500Mi).
 * <ul>
 *   <li>{@code roofline}: {@link ResourceRoofline}, pod-slot, cpu and memory fit plus the
 *       LeastAllocated score, nothing else, over the snapshot's {@link NodeTable};
 *   <li>{@code defaultProfile}: the default profile's Filter and Score through the real
 *       {@link Framework} ({@link FilterScoreCycle}), on one thread, all 5,000 nodes filtered
 *       and then all scored;
 *   <li>{@code defaultProfileInWaves}: the same, as the scheduler runs it: cycles of
 *       numFeasibleNodesToFind (500) nodes, each filtered and then scored while still in cache;
 *   <li>{@code resourcesOnlyFilter}: PreFilter and Filter of a profile whose only Filter plugin is
 *       NodeResourcesFit; with {@code -prof gc} its {@code gc.alloc.rate.norm} is the bytes per
 *       node, the per-cycle CycleState and PreFilter state spread over 5,000 nodes.
 * </ul>
 * The target is defaultProfile / roofline at most 4.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar RooflineBenchmark -prof gc}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RooflineBenchmark {
  static final int NODES = 5000;
  /** The scheduler's numFeasibleNodesToFind for 5,000 nodes at the default percentage. */
  static final int WAVE = io.schedlab.scheduler.Scheduler.numFeasibleNodesToFind(0, NODES);

  /**
   * A profile with NodeResourcesFit as its only Filter and Score plugin, plus the queue sort and
   * binder every profile needs.
   */
  public static final String RESOURCES_ONLY_CONFIG =
      """
      apiVersion: kubescheduler.config.k8s.io/v1
      kind: KubeSchedulerConfiguration
      profiles:
      - schedulerName: default-scheduler
        plugins:
          multiPoint:
            disabled: [{name: "*"}]
            enabled: [{name: PrioritySort}, {name: NodeResourcesFit}, {name: DefaultBinder}]
      """;

  /** Running pause pods per node; 10 is a node a fifth full by pods, a quarter by cpu. */
  @Param({"10"})
  public int podsPerNode;

  private List<NodeInfo> nodes;
  private NodeTable table;
  private PodInfo pod;
  private long[] scores;
  private FilterScoreCycle defaultCycle;
  private Framework resourcesOnly;
  private final HashSet<String> pluginsWithNodes = new HashSet<>();

  /** {@link #RESOURCES_ONLY_CONFIG}, resolved against {@code catalog}. */
  public static SchedulerConfig resourcesOnlyConfig(PluginCatalog catalog) {
    return SchedulerConfigLoader.parse(RESOURCES_ONLY_CONFIG, "resources-only profile", catalog);
  }

  @Setup
  public void setup() {
    Registry registry = InTreeRegistry.create();
    Snapshot snapshot;
    List<NodeInfo> list;
    try (BoundCluster cluster = new BoundCluster(NODES, podsPerNode, SchedulerConfig.defaults(registry), registry, 42)) {
      snapshot = cluster.snapshot();
      // The snapshot's own node list, as the scheduler hands it to the framework, so the
      // profile's plugins read the table's rows as in a scheduling cycle.
      list = snapshot.table().nodes();
      table = snapshot.table();
      pod = cluster.compile(cluster.pod("incoming"));
      StaticHandle defaultHandle =
          new StaticHandle(snapshot, cluster.scheduler().resources(), cluster.scheduler().labels());
      defaultCycle =
          new FilterScoreCycle(
              FilterScoreCycle.framework(SchedulerConfig.defaults(registry), registry, defaultHandle),
              list);
      StaticHandle resourcesHandle =
          new StaticHandle(snapshot, cluster.scheduler().resources(), cluster.scheduler().labels());
      resourcesOnly = FilterScoreCycle.framework(resourcesOnlyConfig(registry), registry, resourcesHandle);
    }
    nodes = list;
    scores = new long[nodes.size()];
  }

  @Benchmark
  @OperationsPerInvocation(NODES)
  public int roofline() {
    return ResourceRoofline.fitAndScore(table, pod, scores);
  }

  @Benchmark
  @OperationsPerInvocation(NODES)
  public int defaultProfile() {
    return defaultCycle.run(pod);
  }

  @Benchmark
  @OperationsPerInvocation(NODES)
  public int defaultProfileInWaves() {
    return defaultCycle.runInWaves(pod, WAVE);
  }

  @Benchmark
  @OperationsPerInvocation(NODES)
  public int resourcesOnlyFilter() {
    CycleState state = new CycleState();
    pluginsWithNodes.clear();
    resourcesOnly.runPreFilterPlugins(state, pod, nodes, pluginsWithNodes);
    int feasible = 0;
    for (int i = 0, n = nodes.size(); i < n; i++) {
      if (resourcesOnly.runFilterPlugins(state, pod, nodes.get(i)).isSuccess()) {
        feasible++;
      }
    }
    return feasible;
  }
}
