package io.schedlab.benchmarks;

import io.schedlab.framework.CycleState;
import io.schedlab.framework.FilterPlugin;
import io.schedlab.framework.NodeInfo;
import io.schedlab.framework.Plugin;
import io.schedlab.framework.PreFilterPlugin;
import io.schedlab.framework.Status;
import io.schedlab.plugins.InTreeRegistry;
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
 * What one Filter plugin costs per node: PreFilter once for the cycle, then Filter on every node
 * of a 5,000-node cluster, divided by the node count. The pod is {@link BenchmarkCluster#incomingPod()}.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar PluginFilterBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PluginFilterBenchmark {
  static final int NODES = 5000;

  @Param({
    "NodeName", "NodeUnschedulable", "TaintToleration", "NodeResourcesFit", "NodeAffinity",
    "NodePorts", "PodTopologySpread", "InterPodAffinity"
  })
  public String plugin;

  private BenchmarkCluster cluster;
  private List<NodeInfo> nodes;
  private PreFilterPlugin preFilter;
  private FilterPlugin filter;

  @Setup
  public void setup() {
    cluster = new BenchmarkCluster(NODES, 10, 42);
    nodes = cluster.snapshot.list();
    Plugin p = InTreeRegistry.create().create(plugin, null, cluster.handle);
    preFilter = p instanceof PreFilterPlugin pf ? pf : null;
    filter = (FilterPlugin) p;
  }

  @Benchmark
  @OperationsPerInvocation(NODES)
  public int filterEveryNode() {
    CycleState state = new CycleState();
    if (preFilter != null) {
      Status s = preFilter.preFilter(state, cluster.pod, nodes).status();
      if (s.isSkip()) {
        return 0;
      }
    }
    int feasible = 0;
    for (int i = 0, n = nodes.size(); i < n; i++) {
      if (filter.filter(state, cluster.pod, nodes.get(i)).isSuccess()) {
        feasible++;
      }
    }
    return feasible;
  }
}
