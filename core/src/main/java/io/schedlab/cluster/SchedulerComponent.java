package io.schedlab.cluster;

import io.schedlab.config.SchedulerConfig;
import io.schedlab.framework.Registry;
import io.schedlab.scheduler.Scheduler;
import io.schedlab.scheduler.SchedulerListener;

/**
 * kube-scheduler as a cluster component: schedlab's {@link Scheduler} on the shared store and
 * clock, writing its decisions to the event log through a {@link SchedulerEventRecorder}.
 */
public final class SchedulerComponent implements ClusterComponent {
  private final SchedulerConfig config;
  private final Registry registry;
  private Scheduler scheduler;
  private io.schedlab.framework.runtime.LatencyRecorder latencyRecorder;

  public SchedulerComponent(SchedulerConfig config, Registry registry) {
    this.config = config;
    this.registry = registry;
  }

  @Override
  public String name() {
    return "kube-scheduler";
  }

  @Override
  public void start(ClusterContext ctx) {
    SchedulerListener listener = new SchedulerEventRecorder(ctx);
    scheduler = new Scheduler(config, registry, ctx.store(), ctx.loop(),
        Scheduler.Options.seeded(ctx.random(name()).nextLong()), listener);
    scheduler.setLatencyRecorder(latencyRecorder);
    scheduler.start();
  }

  /** Times sampled attempts' plugin calls into {@code recorder} (null: off), now or from start. */
  public void setLatencyRecorder(io.schedlab.framework.runtime.LatencyRecorder recorder) {
    latencyRecorder = recorder;
    if (scheduler != null) {
      scheduler.setLatencyRecorder(recorder);
    }
  }

  /** Stops scheduling (a fork replaces the scheduler with another profile). */
  public void stop() {
    if (scheduler != null) {
      scheduler.close();
      scheduler = null;
    }
  }

  public Scheduler scheduler() {
    return scheduler;
  }
}
