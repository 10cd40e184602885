package io.schedlab.plugins.defaultpreemption;

import io.schedlab.framework.Code;
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
 * The fake plugins of upstream's preemption tests (pkg/scheduler/testing/framework and the test's
 * own TestPlugin), under the names the conformance file's profiles use.
 */
final class FakePlugins {
  private FakePlugins() {}

  /** Adds the fakes to {@code registry}; FakeFilter answers {@code fakeFilterCode} on every node. */
  static Registry register(Registry registry, Code fakeFilterCode) {
    return registry
        .register(FalseFilter.NAME, FalseFilter.class, h -> new FalseFilter())
        .register(TrueFilter.NAME, TrueFilter.class, h -> new TrueFilter())
        .register(MatchFilter.NAME, MatchFilter.class, h -> new MatchFilter())
        .register(FakeFilter.NAME, FakeFilter.class, h -> new FakeFilter(fakeFilterCode))
        .register(TestPlugin.NAME, TestPlugin.class, h -> new TestPlugin());
  }

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

  /** Fits only the node named like the pod. */
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

  /** Answers a fixed code on every node (Success when none is given). */
  static final class FakeFilter implements FilterPlugin {
    static final String NAME = "FakeFilter";
    private final Code code;

    FakeFilter(Code code) {
      this.code = code == null ? Code.SUCCESS : code;
    }

    @Override
    public String name() {
      return NAME;
    }

    @Override
    public Status filter(CycleState state, PodInfo pod, NodeInfo node) {
      return Status.of(code);
    }
  }

  /** PreFilter that fails its AddPod/RemovePod extensions on nodes labelled error=true. */
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
      return "true".equals(node.node().metadata().labels().get("error"))
          ? Status.error("failed to add pod: " + podToSchedule.name())
          : Status.SUCCESS;
    }

    @Override
    public Status removePod(CycleState state, PodInfo podToSchedule, PodInfo podToRemove, NodeInfo node) {
      return "true".equals(node.node().metadata().labels().get("error"))
          ? Status.error("failed to remove pod: " + podToSchedule.name())
          : Status.SUCCESS;
    }
  }
}
