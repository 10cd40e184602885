package io.schedlab.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import io.schedlab.benchmarks.perf.BoundCluster;
import io.schedlab.config.ExtensionPoint;
import io.schedlab.framework.CycleState;
import io.schedlab.framework.NodeInfo;
import io.schedlab.framework.PodInfo;
import io.schedlab.framework.Registry;
import io.schedlab.framework.StaticHandle;
import io.schedlab.framework.runtime.Framework;
import io.schedlab.plugins.InTreeRegistry;
import io.schedlab.scheduler.Snapshot;
import java.lang.management.ManagementFactory;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The acceptance "a Filter call on the resources-only profile allocates 0 bytes", measured
 * with the thread's allocation counter around 100,000 Filter calls once the JIT has compiled them.
 * The rejecting case is the control: a rejection builds its reasons, so the counter must move.
 */
class ResourcesOnlyFilterAllocationTest {
  private static final int NODES = 1000;
  private static final int WARM_UP_CALLS = 50_000;
  private static final int MEASURED_CALLS = 100_000;
  private static final int ATTEMPTS = 3;

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    // name, running pause pods per 4-cpu node, whether the pod fits
    "fitting nodes allocate nothing, 10, true",
    "rejecting nodes allocate (control), 40, false"
  })
  void filterAllocation(String name, int podsPerNode, boolean fits) {
    Registry registry = InTreeRegistry.create();
    Snapshot snapshot;
    PodInfo pod;
    StaticHandle handle;
    try (BoundCluster c = new BoundCluster(NODES, podsPerNode, RooflineBenchmark.resourcesOnlyConfig(registry), registry, 1)) {
      snapshot = c.snapshot();
      pod = c.compile(c.pod("incoming"));
      handle = new StaticHandle(snapshot, c.scheduler().resources(), c.scheduler().labels());
    }
    Framework fwk = FilterScoreCycle.framework(RooflineBenchmark.resourcesOnlyConfig(registry), registry, handle);
    assertThat(fwk.pluginNames(ExtensionPoint.FILTER)).containsExactly("NodeResourcesFit");
    List<NodeInfo> nodes = snapshot.list();
    CycleState state = new CycleState();
    assertThat(fwk.runPreFilterPlugins(state, pod, nodes, new HashSet<>()).status().isSuccess()).isTrue();

    assertThat(filterCalls(fwk, state, pod, nodes, WARM_UP_CALLS)).isEqualTo(fits ? WARM_UP_CALLS : 0);
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long least = Long.MAX_VALUE;
    for (int attempt = 0; attempt < ATTEMPTS && least != 0; attempt++) {
      long before = threads.getCurrentThreadAllocatedBytes();
      int passed = filterCalls(fwk, state, pod, nodes, MEASURED_CALLS);
      long allocated = threads.getCurrentThreadAllocatedBytes() - before;
      assertThat(passed).isEqualTo(fits ? MEASURED_CALLS : 0);
      least = Math.min(least, allocated);
    }
    System.out.println("ResourcesOnlyFilterAllocation " + name + ": " + least + " bytes over "
        + MEASURED_CALLS + " Filter calls");
    if (fits) {
      assertThat(least).as("bytes allocated by %d Filter calls", MEASURED_CALLS).isZero();
    } else {
      // At least one object per rejection.
      assertThat(least).isGreaterThanOrEqualTo(16L * MEASURED_CALLS);
    }
  }

  /** Runs {@code calls} Filter calls round the nodes; returns how many passed. */
  private static int filterCalls(Framework fwk, CycleState state, PodInfo pod, List<NodeInfo> nodes, int calls) {
    int passed = 0;
    int n = nodes.size();
    for (int i = 0; i < calls; i++) {
      if (fwk.runFilterPlugins(state, pod, nodes.get(i % n)).isSuccess()) {
        passed++;
      }
    }
    return passed;
  }
}
