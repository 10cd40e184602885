package io.schedlab.conformance;

import io.schedlab.framework.CycleState;
import io.schedlab.framework.FilterPlugin;
import io.schedlab.framework.NodeInfo;
import io.schedlab.framework.PodInfo;
import io.schedlab.framework.PreFilterExtensions;
import io.schedlab.framework.PreFilterPlugin;
import io.schedlab.framework.PreFilterResult;
import io.schedlab.framework.Registry;
import io.schedlab.framework.Status;
import java.util.List;

/**
 * The fake plugins upstream's preemption tests register (pkg/scheduler/testing/framework and the
 * test's own TestPlugin), under the names DefaultPreemption.json's profiles use. They exist only
 * for conformance cases; no scheduler profile can name them.
 */
public final class FakePlugins {
  /** FakeFilter answering Unschedulable on every node, as the cases that set its return code. */
  public static final String FAKE_FILTER_UNSCHEDULABLE = "FakeFilter(Unschedulable)";

  private FakePlugins() {}

  /** {@code registry} with the fakes added. */
  public static Registry register(Registry registry) {
    return registry
        .register(FalseFilter.NAME, FalseFilter.class, h -> new FalseFilter())
        .register(TrueFilter.NAME, TrueFilter.class, h -> new TrueFilter())
        .register(MatchFilter.NAME, MatchFilter.class, h -> new MatchFilter())
        .register(FAKE_FILTER_UNSCHEDULABLE, FakeFilter.class, h -> new FakeFilter())
        .register(TestPlugin.NAME, TestPlugin.class, h -> new TestPlugin());
  }

  /** Filter: Unschedulable on every node. */
  static final class FalseFilter implements FilterPlugin {
    static final String NAME = "FalseFilter";

    @Override
    public String name() {
      return NAME;
    }

    @Override
    public Status filter(CycleState state, PodInfo pod, NodeInfo node) {
      return Status.unschedulable("injecting failure for pod " + pod.name());
    }
  }

  /** Filter: Success on every node. */
  static final class TrueFilter implements FilterPlugin {
    static final String NAME = "TrueFilter";

    @Override
    public String name() {
      return NAME;
    }

    @Override
    public Status filter(CycleState state, PodInfo pod, NodeInfo node) {
      return Status.SUCCESS;
    }
  }

  /** Filter: Success only on the node named like the pod. */
  static final class MatchFilter implements FilterPlugin {
    static final String NAME = "MatchFilter";

    @Override
    public String name() {
      return NAME;
    }

    @Override
    public Status filter(CycleState state, PodInfo pod, NodeInfo node) {
      return pod.name().equals(node.name()) ? Status.SUCCESS : Status.unschedulable("Node not matched");
    }
  }

  /** Filter: Unschedulable on every node, without a reason. */
  static final class FakeFilter implements FilterPlugin {
    @Override
    public String name() {
      return FAKE_FILTER_UNSCHEDULABLE;
    }

    @Override
    public Status filter(CycleState state, PodInfo pod, NodeInfo node) {
      return Status.unschedulable();
    }
  }

  /** PreFilter whose AddPod/RemovePod extensions fail on nodes labelled error=true. */
  static final class TestPlugin implements PreFilterPlugin, PreFilterExtensions {
    static final String NAME = "test-plugin";

    @Override
    public String name() {
      return NAME;
    }

    @Override
    public PreFilterResult preFilter(CycleState state, PodInfo pod, List<NodeInfo> nodes) {
      return PreFilterResult.SUCCESS;
    }

    @Override
    public PreFilterExtensions preFilterExtensions() {
      return this;
    }

    @Override
    public Status addPod(CycleState state, PodInfo podToSchedule, PodInfo podToAdd, NodeInfo node) {
      return failsOn(node) ? Status.error("failed to add pod: " + podToSchedule.name()) : Status.SUCCESS;
    }

    @Override
    public Status removePod(CycleState state, PodInfo podToSchedule, PodInfo podToRemove, NodeInfo node) {
      return failsOn(node) ? Status.error("failed to remove pod: " + podToSchedule.name()) : Status.SUCCESS;
    }

    private static boolean failsOn(NodeInfo node) {
      return "true".equals(node.node().metadata().labels().get("error"));
    }
  }
}
