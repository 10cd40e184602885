package io.schedlab.cli;

import io.schedlab.cluster.ClusterSampler;
import io.schedlab.cluster.ClusterSimulation;
import io.schedlab.cluster.PodMetrics;
import io.schedlab.cluster.Scenario;
import io.schedlab.cluster.StandardClusterModel;
import io.schedlab.config.SchedulerConfig;
import io.schedlab.framework.Registry;
import io.schedlab.reports.HdrLatencyRecorder;
import io.schedlab.reports.Metric;
import io.schedlab.reports.RunMetrics;
import io.schedlab.reports.RunResult;
import java.util.List;

/**
 * One comparison run and what it measures: a {@link ClusterSimulation} of the scenario with the
 * profile, followed through its event log ({@link PodMetrics}), sampled every 10 virtual seconds
 * ({@link ClusterSampler}), with plugin latencies timed on one attempt in ten.
 */
final class RunMetricsBridge {
  private RunMetricsBridge() {}

  /**
   * The metrics the ranking table shows beside the overall rank: scheduled pods, queueing delay,
   * CPU allocation, and the allocation of each extended resource sampled (GPUs).
   */
  static List<String> keyMetrics(io.schedlab.reports.stats.Aggregation aggregation) {
    List<String> keys = new java.util.ArrayList<>(List.of("pods_scheduled",
        "queueing_delay_mean_s", "cpu_allocation_mean_pct"));
    for (Metric m : aggregation.metrics()) {
      if (!RunMetrics.DEFINITIONS.contains(m)) {
        keys.add(m.name());
      }
    }
    return keys;
  }

  static RunResult run(Scenario scenario, long stop, String profile, SchedulerConfig config,
      Registry registry, boolean metricsServer) {
    PodMetrics pods = new PodMetrics();
    ClusterSampler sampler = new ClusterSampler();
    HdrLatencyRecorder latency = new HdrLatencyRecorder();
    StandardClusterModel model = StandardClusterModel.create();
    if (metricsServer) {
      model.withMetricsServer(io.schedlab.node.MetricsServer.withDefaults());
    }
    ClusterSimulation sim = new ClusterSimulation(scenario, config, registry, model, pods);
    sim.setLatencyRecorder(latency);
    sim.start();
    sampler.start(sim.context());
    sim.runUntil(stop);
    return RunMetrics.of(profile, scenario.seed(), pods, sampler, latency);
  }
}
