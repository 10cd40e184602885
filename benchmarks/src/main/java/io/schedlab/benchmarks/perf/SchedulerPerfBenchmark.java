package io.schedlab.benchmarks.perf;

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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Upstream scheduler_perf's performance workloads (see {@link WorkloadCatalog}), one measured op
 * per iteration. Each iteration builds a fresh cluster and runs the workload's unmeasured ops in
 * {@code @Setup(Level.Iteration)}; the benchmark method is only the measured op, so the primary
 * score is the measured op's time. Pods/s and the attempt latency percentiles are secondary
 * results added by {@link AttemptLatencyProfiler}.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar SchedulerPerfBenchmark -p
 * workload=SchedulingBasic/5000Nodes_10000Pods -prof io.schedlab.benchmarks.perf.AttemptLatencyProfiler
 * -rf json}. Any catalog name works as {@code workload}, e.g. the 500Nodes variants.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(1)
public class SchedulerPerfBenchmark {
  /** Seeds node names, pod names, uids and the scheduler's tie-breaks: every iteration sees the same cluster. */
  static final long SEED = 1;

  @Param({
    "SchedulingBasic/5000Nodes_10000Pods",
    "SchedulingPodAntiAffinity/5000Nodes_2000Pods",
    "SchedulingPodAffinity/5000Nodes_5000Pods",
    "SchedulingPreferredPodAffinity/5000Nodes_5000Pods",
    "SchedulingPreferredPodAntiAffinity/5000Nodes_5000Pods",
    "SchedulingNodeAffinity/5000Nodes_10000Pods",
    "MixedSchedulingBasePod/5000Nodes_5000Pods",
    "TopologySpreading/5000Nodes_5000Pods",
    "PreferredTopologySpreading/5000Nodes_5000Pods",
    "Unschedulable/5kNodes/100Init/10kPods",
    "PreemptionBasic/1000Nodes",
    "SchedulingDaemonset/15000Nodes",
    "GangScheduling/5000Nodes_1000Gangs_3000Pods"
  })
  public String workload;

  private WorkloadRunner runner;

  @Setup(Level.Iteration)
  public void setUp() {
    runner = new WorkloadRunner(WorkloadCatalog.get(workload), SEED);
    runner.setUp();
  }

  @Benchmark
  public WorkloadResult measuredOp() {
    WorkloadResult result = runner.runMeasured();
    AttemptLatencyProfiler.report(result);
    return result;
  }

  @TearDown(Level.Iteration)
  public void tearDown() {
    runner.close();
    runner = null;
  }
}
