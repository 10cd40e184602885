package io.schedlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.schedlab.config.SchedulerConfig;
import io.schedlab.framework.Registry;
import io.schedlab.plugins.InTreeRegistry;
import io.schedlab.reports.RunResult;
import io.schedlab.scheduler.Scheduler;
import io.schedlab.sim.EventLoop;
import io.schedlab.store.ClusterStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The probe's sampling: its period, and its bound on a run that goes on long. */
class ScheduleMetricsProbeTest {
  @ParameterizedTest(name = "{0} pending pods: every {1} ns")
  @CsvSource({"0, 1000000", "17, 1000000", "199, 1990000", "10000, 100000000"})
  void periodIsAHundredthOfTheSubmissionsAtLeastAMillisecond(int pods, long period) {
    assertThat(ScheduleMetricsProbe.samplePeriodNanos(pods)).isEqualTo(period);
  }

  @Test
  void periodicSamplesStopAtTheBoundAndTheEndAddsOne() {
    Registry registry = InTreeRegistry.create();
    EventLoop loop = new EventLoop();
    ClusterStore store = ClusterStore.simulated(loop, 1);
    ScheduleMetricsProbe probe = new ScheduleMetricsProbe(1, 10);
    try (Scheduler scheduler = new Scheduler(SchedulerConfig.defaults(registry), registry, store,
        loop, Scheduler.Options.seeded(1), probe)) {
      probe.started(store, loop, scheduler);
      loop.runUntil(10_000_000_000L);
      probe.finished(store, loop);
    }
    RunResult r = probe.result("default");
    double[] t = r.series().get("allocation_cpu").t();
    assertThat(t).hasSize(ScheduleMetricsProbe.MAX_PERIODIC_SAMPLES + 1);
    assertThat(t[ScheduleMetricsProbe.MAX_PERIODIC_SAMPLES - 1]).isEqualTo(1.0);
    assertThat(t[ScheduleMetricsProbe.MAX_PERIODIC_SAMPLES]).isEqualTo(10.0);
  }
}
