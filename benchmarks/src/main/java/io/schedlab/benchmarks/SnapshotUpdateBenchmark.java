package io.schedlab.benchmarks;

import io.schedlab.api.Node;
import io.schedlab.framework.LabelInterner;
import io.schedlab.framework.PodInfo;
import io.schedlab.framework.ResourceRegistry;
import io.schedlab.scheduler.SchedulerCache;
import io.schedlab.scheduler.Snapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the scheduler pays each cycle to bring its Snapshot up to date, on a cache of 5,000 nodes
 * running ten pods each ({@link BenchmarkCluster}'s nodes and pods).
 *
 * <ul>
 *   <li>{@code updateAfterAssume}: one pod assumed on each of {@code changedNodes} nodes (1, as
 *       after one scheduling cycle, or 100 spread over the cluster), then
 *       {@link SchedulerCache#updateSnapshot}. Invocations alternate between assuming the pods
 *       and forgetting them, so the cache stays the same size and every invocation dirties the
 *       same nodes; the score includes that assume (or forget), which a cycle pays as well.
 *   <li>{@code firstSnapshot}: a snapshot built from nothing, every node copied, as after the
 *       scheduler starts. Before each invocation every node is marked changed again (not timed).
 * </ul>
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar SnapshotUpdateBenchmark}
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SnapshotUpdateBenchmark {
  static final int NODES = 5000;
  static final int PODS_PER_NODE = 10;

  /** A cache of the benchmark cluster: its nodes, each with its running pods. */
  static final class Cluster {
    final SchedulerCache cache;
    final List<Node> nodes = new ArrayList<>(NODES);
    final ResourceRegistry resources = new ResourceRegistry();
    final LabelInterner labels = new LabelInterner();
    final SplittableRandom rnd = new SplittableRandom(42);

    Cluster() {
      cache = new SchedulerCache(resources, labels);
      for (int i = 0; i < NODES; i++) {
        Node n = BenchmarkCluster.node(i, rnd);
        nodes.add(n);
        cache.addNode(n);
        for (int p = 0; p < PODS_PER_NODE; p++) {
          cache.addPod(new PodInfo(BenchmarkCluster.runningPod(i, p, rnd), resources, labels));
        }
      }
    }
  }

  @State(Scope.Thread)
  public static class Changes {
    @Param({"1", "100"})
    public int changedNodes;

    Cluster cluster;
    Snapshot snapshot;
    PodInfo[] pods;
    String[] nodeNames;
    boolean assumed;

    @Setup
    public void setup() {
      cluster = new Cluster();
      snapshot = new Snapshot();
      cluster.cache.updateSnapshot(snapshot);
      pods = new PodInfo[changedNodes];
      nodeNames = new String[changedNodes];
      int stride = NODES / changedNodes;
      for (int i = 0; i < changedNodes; i++) {
        int node = i * stride;
        nodeNames[i] = cluster.nodes.get(node).metadata().name();
        pods[i] = new PodInfo(BenchmarkCluster.runningPod(node, PODS_PER_NODE, cluster.rnd),
            cluster.resources, cluster.labels);
      }
    }
  }

  @State(Scope.Thread)
  public static class FirstSnapshot {
    Cluster cluster;

    @Setup
    public void setup() {
      cluster = new Cluster();
    }

    /** Marks every node changed, so the next update copies all of them as the first one does. */
    @Setup(Level.Invocation)
    public void markAllChanged() {
      for (int i = 0; i < NODES; i++) {
        cluster.cache.updateNode(cluster.nodes.get(i));
      }
    }
  }

  @Benchmark
  public Snapshot updateAfterAssume(Changes s) {
    SchedulerCache cache = s.cluster.cache;
    if (s.assumed) {
      for (int i = 0; i < s.pods.length; i++) {
        cache.forgetPod(s.pods[i]);
      }
    } else {
      for (int i = 0; i < s.pods.length; i++) {
        cache.assumePod(s.pods[i], s.nodeNames[i]);
      }
    }
    s.assumed = !s.assumed;
    cache.updateSnapshot(s.snapshot);
    return s.snapshot;
  }

  @Benchmark
  public Snapshot firstSnapshot(FirstSnapshot s) {
    Snapshot snapshot = new Snapshot();
    s.cluster.cache.updateSnapshot(snapshot);
    return snapshot;
  }
}
