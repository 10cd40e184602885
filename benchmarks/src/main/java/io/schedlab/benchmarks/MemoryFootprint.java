package io.schedlab.benchmarks;

import io.schedlab.benchmarks.perf.BoundCluster;
import io.schedlab.config.SchedulerConfig;
import io.schedlab.framework.NodeInfo;
import io.schedlab.framework.Registry;
import io.schedlab.plugins.InTreeRegistry;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.ref.Reference;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How much heap a scheduler needs for a large running cluster: a {@link BoundCluster} (store plus
 * scheduler with the default profile) of scheduler_perf default nodes with pods already bound,
 * ingested into the scheduler's cache, then one pod scheduled so the scheduler's own snapshot
 * holds every node too. The figure is the heap in use after a full collection, with the cluster
 * still reachable. The target: 15,000 nodes and 150,000 running pods in a 2 GB heap.
 * Every node and pod is decoded from its own JSON ({@code decodeEach}), so no two objects share
 * a spec, a container or a quantity, as when they come from an API server; {@code --shared}
 * builds them from one template instead, as the scheduler_perf workloads do.
 *
 * <p>Run: {@code java -Xmx2g -cp benchmarks/target/benchmarks.jar
 * io.schedlab.benchmarks.MemoryFootprint 15000 10 [--shared]}
 */
public final class MemoryFootprint {
  /** The cluster measured and what it took. */
  public record Result(
      int nodes, int runningPods, boolean decodeEach, long heapUsedBytes, long maxHeapBytes, long setupNanos) {
    public double heapUsedMiB() {
      return heapUsedBytes / (1024.0 * 1024.0);
    }

    /** One line, {@code key=value} pairs, that the memory test parses. */
    public String line() {
      return String.format(Locale.ROOT,
          "MemoryFootprint nodes=%d runningPods=%d objects=%s heapUsedBytes=%d heapUsedMiB=%.1f maxHeapMiB=%d setupSeconds=%.1f",
          nodes, runningPods, decodeEach ? "decoded-each" : "shared-template", heapUsedBytes, heapUsedMiB(), maxHeapBytes / (1024 * 1024), setupNanos / 1e9);
    }
  }

  private MemoryFootprint() {}

  /**
   * Builds the cluster and measures the heap it holds.
   *
   * @throws IllegalStateException if the scheduler's cache does not hold every pod after ingestion
   */
  public static Result measure(int nodes, int podsPerNode, boolean decodeEach) {
    long t0 = System.nanoTime();
    Registry registry = InTreeRegistry.create();
    BoundCluster cluster =
        new BoundCluster(nodes, podsPerNode, decodeEach, SchedulerConfig.defaults(registry), registry, 1);
    try {
      cluster.scheduleOne("measure");
      long setup = System.nanoTime() - t0;
      long cached = 0;
      for (int i = 0; i < nodes; i++) {
        NodeInfo n = cluster.scheduler().cache().node(BoundCluster.nodeName(i));
        cached += n == null ? 0 : n.podCount();
      }
      long expected = (long) nodes * podsPerNode + 1;
      if (cached != expected) {
        throw new IllegalStateException(
            "scheduler cache: expected " + expected + " pods on " + nodes + " nodes, found " + cached);
      }
      MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
      // A few rounds, so objects freed by finalisation-like cleanups in the first are gone too.
      for (int i = 0; i < 3; i++) {
        System.gc();
      }
      long used = memory.getHeapMemoryUsage().getUsed();
      return new Result(nodes, nodes * podsPerNode, decodeEach, used, Runtime.getRuntime().maxMemory(), setup);
    } finally {
      Reference.reachabilityFence(cluster);
      cluster.close();
    }
  }

  /**
   * Arguments: node count (default 15000), running pods per node (default 10), then
   * {@code --shared} to build objects from one template.
   */
  public static void main(String[] args) {
    try {
      boolean decodeEach = true;
      List<String> numbers = new ArrayList<>();
      for (String a : args) {
        if (a.equals("--shared")) {
          decodeEach = false;
        } else if (a.startsWith("-")) {
          throw new IllegalArgumentException("unknown option " + a + "; expected --shared");
        } else {
          numbers.add(a);
        }
      }
      if (numbers.size() > 2) {
        throw new IllegalArgumentException("expected at most two numbers (nodes, podsPerNode), got " + numbers);
      }
      int nodes = numbers.size() > 0 ? parse(numbers.get(0), "nodes") : 15_000;
      int podsPerNode = numbers.size() > 1 ? parse(numbers.get(1), "podsPerNode") : 10;
      if (nodes == 0) {
        throw new IllegalArgumentException("nodes: expected a positive integer, got 0");
      }
      System.out.println(measure(nodes, podsPerNode, decodeEach).line());
    } catch (IllegalArgumentException | IllegalStateException e) {
      System.err.println("MemoryFootprint: " + e.getMessage());
      System.exit(2);
    } catch (OutOfMemoryError e) {
      System.err.println("MemoryFootprint: out of memory with max heap "
          + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB");
      System.exit(3);
    }
  }

  private static int parse(String s, String what) {
    try {
      int v = Integer.parseInt(s);
      if (v < 0) {
        throw new NumberFormatException();
      }
      return v;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(what + ": expected a non-negative integer, got \"" + s + "\"");
    }
  }
}
