package io.schedlab.cli;

import io.schedlab.cluster.ClusterContext;
import io.schedlab.cluster.ClusterSampler;
import io.schedlab.cluster.ClusterSettings;
import io.schedlab.cluster.PodMetrics;
import io.schedlab.cluster.SchedulerEventRecorder;
import io.schedlab.cluster.StoreEventRecorder;
import io.schedlab.framework.PodInfo;
import io.schedlab.framework.Status;
import io.schedlab.reports.HdrLatencyRecorder;
import io.schedlab.reports.RunMetrics;
import io.schedlab.reports.RunResult;
import io.schedlab.scheduler.BatchRun;
import io.schedlab.scheduler.Scheduler;
import io.schedlab.sim.EventLoop;
import io.schedlab.sim.Timer;
import io.schedlab.store.ClusterStore;

/**
 * {@code schedule --metrics-out}: measures a batch run as {@code simulate} measures a cluster.
 * The batch's store feeds the same event log ({@link StoreEventRecorder} for pods created and
 * deleted, {@link SchedulerEventRecorder} for the scheduler's decisions) into {@link PodMetrics},
 * a {@link ClusterSampler} samples allocation, and the scheduler times plugin calls.
 *
 * <p>The sampler counts every node, since batch inputs often carry no Ready condition yet the
 * scheduler uses those nodes. Pods are submitted one virtual millisecond apart, so the period is
 * a hundredth of the submission span (at least 1 ms), and a last sample is taken at the end.
 * Periodic sampling stops after {@link #MAX_PERIODIC_SAMPLES}: a run can go on retrying long
 * after its last submission (backoff, a Permit wait up to BatchRun's 15-minute horizon), and at
 * a millisecond period that would be up to 900,000 samples of nothing changing.
 */
final class ScheduleMetricsProbe implements BatchRun.Observer {
  private static final long MIN_PERIOD_NANOS = 1_000_000L;
  static final int MAX_PERIODIC_SAMPLES = 1000;

  private final long seed;
  private final PodMetrics pods = new PodMetrics();
  private final HdrLatencyRecorder latency = new HdrLatencyRecorder();
  private final long periodNanos;
  private final ClusterSampler sampler;
  private Timer ticks;
  private int periodicSamples;
  private ClusterContext context;
  private SchedulerEventRecorder decisions;

  /** A probe for a run with {@code pendingPods} pods to schedule. */
  ScheduleMetricsProbe(long seed, int pendingPods) {
    this.seed = seed;
    this.periodNanos = samplePeriodNanos(pendingPods);
    this.sampler = new ClusterSampler(periodNanos, ClusterSampler.ALL_NODES);
  }

  static long samplePeriodNanos(int pendingPods) {
    return Math.max(MIN_PERIOD_NANOS, pendingPods * BatchRun.SUBMIT_SPACING_NANOS / 100);
  }

  @Override
  public void started(ClusterStore store, EventLoop loop, Scheduler scheduler) {
    context = new ClusterContext(store, loop, pods, seed, ClusterSettings.DEFAULTS);
    decisions = new SchedulerEventRecorder(context);
    new StoreEventRecorder().start(context);
    ticks = loop.every(periodNanos, sampler.name(), this::tick);
    scheduler.setLatencyRecorder(latency);
  }

  private void tick() {
    sampler.sample(context);
    if (++periodicSamples >= MAX_PERIODIC_SAMPLES) {
      ticks.cancel();
    }
  }

  @Override
  public void onAssumed(PodInfo pod, String nodeName, long nowNanos) {
    decisions.onAssumed(pod, nodeName, nowNanos);
  }

  @Override
  public void onBound(PodInfo pod, String nodeName, long nowNanos) {
    decisions.onBound(pod, nodeName, nowNanos);
  }

  @Override
  public void onFailure(PodInfo pod, Status status, String message, long nowNanos) {
    decisions.onFailure(pod, status, message, nowNanos);
  }

  @Override
  public void onIgnored(PodInfo pod, String reason) {
    decisions.onIgnored(pod, reason);
  }

  @Override
  public void finished(ClusterStore store, EventLoop loop) {
    double[] times = sampler.times();
    // A periodic sample may have fallen on the last instant already; one per time is enough.
    if (times.length == 0 || times[times.length - 1] != context.now() / 1e9) {
      sampler.sample(context);
    }
  }

  /** The run's metrics, once it has finished. */
  RunResult result(String profile) {
    return RunMetrics.of(profile, seed, pods, sampler, latency);
  }
}
