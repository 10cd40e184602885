package io.schedlab.benchmarks;

import io.schedlab.framework.CycleState;
import io.schedlab.framework.NodeInfo;
import io.schedlab.framework.Plugin;
import io.schedlab.framework.PreScorePlugin;
import io.schedlab.framework.ScoreExtensions;
import io.schedlab.framework.ScorePlugin;
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
 * What one Score plugin costs per node: PreScore once, Score on every node of a 5,000-node
 * cluster, then NormalizeScore, divided by the node count.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar PluginScoreBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PluginScoreBenchmark {
  static final int NODES = 5000;

  @Param({
    "TaintToleration", "NodeResourcesFit", "NodeAffinity", "ImageLocality",
    "NodeResourcesBalancedAllocation", "PodTopologySpread", "InterPodAffinity"
  })
  public String plugin;

  private BenchmarkCluster cluster;
  private List<NodeInfo> nodes;
  private PreScorePlugin preScore;
  private ScorePlugin score;
  private long[] scores;

  @Setup
  public void setup() {
    cluster = new BenchmarkCluster(NODES, 10, 42);
    nodes = cluster.snapshot.list();
    Plugin p = InTreeRegistry.create().create(plugin, null, cluster.handle);
    preScore = p instanceof PreScorePlugin ps ? ps : null;
    score = (ScorePlugin) p;
    scores = new long[nodes.size()];
  }

  @Benchmark
  @OperationsPerInvocation(NODES)
  public long scoreEveryNode() {
    CycleState state = new CycleState();
    if (preScore != null && preScore.preScore(state, cluster.pod, nodes).isSkip()) {
      return 0;
    }
    for (int i = 0, n = nodes.size(); i < n; i++) {
      scores[i] = score.score(state, cluster.pod, nodes.get(i));
    }
    ScoreExtensions ext = score.scoreExtensions();
    if (ext != null) {
      ext.normalizeScore(state, cluster.pod, nodes, scores);
    }
    return scores[0] + scores[scores.length - 1];
  }
}
