package io.schedlab.benchmarks;

import io.schedlab.plugins.gpushare.FgdProtocol;
import io.schedlab.plugins.gpushare.GpuNode;
import io.schedlab.plugins.gpushare.GpuPod;
import io.schedlab.plugins.gpushare.GpuPolicy;
import io.schedlab.plugins.gpushare.TypicalPods;
import io.schedlab.traces.TraceEvent;
import io.schedlab.traces.TraceFormats;
import io.schedlab.traces.TraceOptions;
import io.schedlab.traces.TraceSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One run of the FGD experiment on the bundled default openb workload (1,213 GPU nodes, about
 * 10,800 pods after tuning to 130 %), protocol and simulation, without reading files or JVM start:
 * milliseconds per run. The seed changes every invocation so no run repeats another.
 *
 * <p>Run from the repository root: {@code java -jar benchmarks/target/benchmarks.jar
 * FgdRunBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx1g"})
public class FgdRunBenchmark {
  static final Path SAMPLES = Path.of("traces/samples/alibaba-gpu-v2023");

  @Param({"FGD", "BestFit", "Random"})
  public String policy;

  private List<GpuNode> nodes;
  private List<GpuPod> pods;
  private TypicalPods typical;
  private GpuPolicy chosen;
  private long seed = 42;

  @Setup
  public void load() {
    Path nodeFile = SAMPLES.resolve("openb_node_list_gpu_node.csv");
    Path podFile = SAMPLES.resolve("openb_pod_list_default.csv");
    if (!Files.isRegularFile(nodeFile)) {
      throw new IllegalStateException(nodeFile + " not found: run from the repository root");
    }
    nodes = new ArrayList<>();
    pods = new ArrayList<>();
    try (TraceSource source = TraceFormats.get("alibaba-gpu-2023")
        .open(List.of(nodeFile, podFile), TraceOptions.DEFAULTS)) {
      TraceEvent e;
      while ((e = source.next()) != null) {
        if (e instanceof TraceEvent.NodeAdded n) {
          nodes.add(GpuNode.of(n.node()));
        } else if (e instanceof TraceEvent.PodSubmitted p) {
          pods.add(GpuPod.of(p.pod()));
        }
      }
    }
    typical = FgdProtocol.typicalPods(pods);
    chosen = GpuPolicy.byName("policy", policy);
  }

  @Benchmark
  public int run() {
    return FgdProtocol.run(nodes, pods, typical, chosen, 1.3, seed++).series().size();
  }
}
