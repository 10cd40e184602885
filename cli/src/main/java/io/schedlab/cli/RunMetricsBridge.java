package io.schedlab.cli;

import io.schedlab.api.Node;
import io.schedlab.api.NodeCondition;
import io.schedlab.api.Pod;
import io.schedlab.api.Quantity;
import io.schedlab.cluster.ClusterComponent;
import io.schedlab.cluster.ClusterContext;
import io.schedlab.cluster.ClusterModel;
import io.schedlab.cluster.ClusterSimulation;
import io.schedlab.cluster.EventLog;
import io.schedlab.cluster.NodeAgent;
import io.schedlab.cluster.Scenario;
import io.schedlab.cluster.SimEvent;
import io.schedlab.cluster.StandardClusterModel;
import io.schedlab.config.SchedulerConfig;
import io.schedlab.framework.Registry;
import io.schedlab.reports.Metric;
import io.schedlab.reports.RunResult;
import io.schedlab.reports.Series;
import io.schedlab.sim.Durations;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One comparison run and what it measures: a {@link ClusterSimulation} of the scenario with the
 * profile, followed through its event log (per pod: queueing delay, time to bind, attempts, job
 * completion time; evictions) and sampled every 10 virtual seconds (CPU and memory allocation
 * over Ready nodes, pending and running pods).
 */
final class RunMetricsBridge {
  static final long SAMPLE_PERIOD = 10 * Durations.SECOND;

  private static final Metric.Direction UP = Metric.Direction.HIGHER_IS_BETTER;
  private static final Metric.Direction DOWN = Metric.Direction.LOWER_IS_BETTER;
  private static final List<Metric> METRICS = List.of(
      new Metric("pods_scheduled", "pods", UP, "pods bound to a node"),
      new Metric("pods_unscheduled", "pods", DOWN, "pods created but never bound by the end"),
      new Metric("queueing_delay_mean_s", "s", DOWN, "mean time from creation to scheduling"),
      new Metric("queueing_delay_p95_s", "s", DOWN, "95th percentile of that time"),
      new Metric("time_to_bind_p50_s", "s", DOWN, "median time from creation to binding"),
      new Metric("attempts_mean", "attempts", DOWN, "scheduling attempts per scheduled pod"),
      new Metric("jct_mean_s", "s", DOWN, "mean time from creation to completion"),
      new Metric("evictions", "pods", DOWN, "pods evicted"),
      new Metric("cpu_allocation_mean_pct", "%", UP, "mean CPU requested over allocatable"),
      new Metric("pending_pods_mean", "pods", DOWN, "mean number of pending pods"));

  private RunMetricsBridge() {}

  static List<Metric> metrics() {
    return METRICS;
  }

  static List<String> keyMetrics() {
    return List.of("pods_scheduled", "queueing_delay_mean_s", "cpu_allocation_mean_pct");
  }

  static RunResult run(Scenario scenario, long stop, String profile, SchedulerConfig config,
      Registry registry) {
    PodClock pods = new PodClock();
    Sampler sampler = new Sampler();
    StandardClusterModel standard = StandardClusterModel.create();
    ClusterModel model = new ClusterModel() {
      @Override
      public NodeAgent nodeAgent(Node template) {
        return standard.nodeAgent(template);
      }

      @Override
      public List<ClusterComponent> controlPlane() {
        List<ClusterComponent> c = new ArrayList<>(standard.controlPlane());
        c.add(sampler);
        return c;
      }

      @Override
      public void deleteInstance(ClusterContext ctx, String node) {
        standard.deleteInstance(ctx, node);
      }
    };
    ClusterSimulation sim = new ClusterSimulation(scenario, config, registry, model, pods);
    sim.runUntil(stop);
    return pods.result(profile, scenario.seed(), sampler);
  }

  /** Follows each pod through the event log. */
  static final class PodClock implements EventLog {
    private static final class Times {
      double created = Double.NaN;
      double scheduled = Double.NaN;
      double bound = Double.NaN;
      double finished = Double.NaN;
      int failedAttempts;
      boolean deleted;
    }

    private final Map<String, Times> pods = new LinkedHashMap<>();
    private int evictions;

    @Override
    public void record(SimEvent e) {
      if (e.type().equals(SimEvent.Types.POD_EVICTED)) {
        evictions++;
      }
      if (e.pod() == null) {
        return;
      }
      double t = e.seconds();
      Times p = pods.computeIfAbsent(e.pod(), k -> new Times());
      switch (e.type()) {
        case SimEvent.Types.POD_CREATED -> p.created = t;
        case SimEvent.Types.POD_UNSCHEDULABLE -> p.failedAttempts++;
        case SimEvent.Types.POD_SCHEDULED -> p.scheduled = Double.isNaN(p.scheduled) ? t : p.scheduled;
        case SimEvent.Types.POD_BOUND -> p.bound = Double.isNaN(p.bound) ? t : p.bound;
        case SimEvent.Types.POD_COMPLETED, SimEvent.Types.POD_FAILED -> p.finished = t;
        case SimEvent.Types.POD_DELETED -> p.deleted = true;
        default -> {
        }
      }
    }

    RunResult result(String profile, long seed, Sampler sampler) {
      List<Double> delay = new ArrayList<>();
      List<Double> bind = new ArrayList<>();
      List<Double> jct = new ArrayList<>();
      int scheduled = 0;
      int unscheduled = 0;
      long attempts = 0;
      for (Times p : pods.values()) {
        if (Double.isNaN(p.created)) {
          continue;
        }
        if (!Double.isNaN(p.bound)) {
          scheduled++;
          attempts += p.failedAttempts + 1;
          bind.add(p.bound - p.created);
          delay.add((Double.isNaN(p.scheduled) ? p.bound : p.scheduled) - p.created);
          if (!Double.isNaN(p.finished)) {
            jct.add(p.finished - p.created);
          }
        } else if (!p.deleted) {
          unscheduled++;
        }
      }
      Map<String, Double> m = new LinkedHashMap<>();
      m.put("pods_scheduled", (double) scheduled);
      m.put("pods_unscheduled", (double) unscheduled);
      m.put("queueing_delay_mean_s", mean(delay));
      m.put("queueing_delay_p95_s", percentile(delay, 95));
      m.put("time_to_bind_p50_s", percentile(bind, 50));
      m.put("attempts_mean", scheduled == 0 ? Double.NaN : (double) attempts / scheduled);
      m.put("jct_mean_s", mean(jct));
      m.put("evictions", (double) evictions);
      m.put("cpu_allocation_mean_pct", mean(sampler.cpu));
      m.put("pending_pods_mean", mean(sampler.pending));
      Map<String, double[]> samples = new HashMap<>();
      samples.put("queueing_delay_s", array(delay));
      samples.put("jct_s", array(jct));
      samples.put("time_to_bind_s", array(bind));
      return new RunResult(profile, seed, m, sampler.series(), samples, Map.of());
    }
  }

  /** Every 10 virtual seconds: allocation over Ready nodes and pod counts. */
  static final class Sampler implements ClusterComponent {
    final List<Double> t = new ArrayList<>();
    final List<Double> cpu = new ArrayList<>();
    final List<Double> memory = new ArrayList<>();
    final List<Double> pending = new ArrayList<>();
    final List<Double> running = new ArrayList<>();
    private ClusterContext ctx;

    @Override
    public String name() {
      return "metrics-sampler";
    }

    @Override
    public void start(ClusterContext context) {
      this.ctx = context;
      context.loop().every(SAMPLE_PERIOD, SAMPLE_PERIOD, name(), this::sample);
    }

    private void sample() {
      Map<String, Boolean> ready = new HashMap<>();
      double cpuAlloc = 0;
      double memAlloc = 0;
      for (Node n : ctx.store().list(Node.class)) {
        boolean r = false;
        for (NodeCondition c : n.status().conditions()) {
          r |= "Ready".equals(c.type()) && "True".equals(c.status());
        }
        ready.put(n.metadata().name(), r);
        if (r) {
          cpuAlloc += milli(n.status().allocatable().get("cpu"));
          memAlloc += value(n.status().allocatable().get("memory"));
        }
      }
      double cpuReq = 0;
      double memReq = 0;
      int pend = 0;
      int run = 0;
      for (Pod p : ctx.store().list(Pod.class)) {
        String phase = p.status().phase();
        if ("Succeeded".equals(phase) || "Failed".equals(phase)) {
          continue;
        }
        String node = p.spec().nodeName();
        if (node == null || node.isEmpty()) {
          pend++;
          continue;
        }
        if ("Running".equals(phase)) {
          run++;
        }
        if (Boolean.TRUE.equals(ready.get(node))) {
          for (var c : p.spec().containers()) {
            if (c.resources() != null && c.resources().requests() != null) {
              cpuReq += milli(c.resources().requests().get("cpu"));
              memReq += value(c.resources().requests().get("memory"));
            }
          }
        }
      }
      t.add(ctx.now() / 1e9);
      cpu.add(cpuAlloc == 0 ? 0 : 100 * cpuReq / cpuAlloc);
      memory.add(memAlloc == 0 ? 0 : 100 * memReq / memAlloc);
      pending.add((double) pend);
      running.add((double) run);
    }

    Map<String, Series> series() {
      double[] times = array(t);
      Map<String, Series> out = new LinkedHashMap<>();
      out.put("allocation_cpu", new Series("allocation_cpu", "%", times, array(cpu)));
      out.put("allocation_memory", new Series("allocation_memory", "%", times, array(memory)));
      out.put("pending_pods", new Series("pending_pods", "pods", times, array(pending)));
      out.put("running_pods", new Series("running_pods", "pods", times, array(running)));
      return out;
    }
  }

  private static double milli(Quantity q) {
    return q == null ? 0 : q.milliValue();
  }

  private static double value(Quantity q) {
    return q == null ? 0 : q.value();
  }

  static double mean(List<Double> v) {
    if (v.isEmpty()) {
      return Double.NaN;
    }
    double s = 0;
    for (double x : v) {
      s += x;
    }
    return s / v.size();
  }

  /** Nearest-rank percentile: always an observed value. */
  static double percentile(List<Double> v, int p) {
    if (v.isEmpty()) {
      return Double.NaN;
    }
    double[] a = array(v);
    Arrays.sort(a);
    int rank = (int) Math.ceil(p / 100.0 * a.length);
    return a[Math.max(0, rank - 1)];
  }

  static double[] array(List<Double> v) {
    double[] a = new double[v.size()];
    for (int i = 0; i < a.length; i++) {
      a[i] = v.get(i);
    }
    return a;
  }
}
