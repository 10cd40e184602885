package io.schedlab.scheduler;

import io.schedlab.framework.CycleState;
import io.schedlab.framework.Handle;
import io.schedlab.framework.PodInfo;
import io.schedlab.framework.PostBindPlugin;
import io.schedlab.plugins.gpushare.GpuDeviceLedger;
import io.schedlab.plugins.gpushare.GpuPolicy;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Test fixtures for GPU-sharing profiles: one policy as a configuration, and a device probe. */
final class GpuProfiles {
  private GpuProfiles() {}

  /**
   * The policy as a v1 configuration: Open-Gpu-Share with the policy's device selection, its one
   * score plugin at weight 1000 on every node, plus the given score entries, plugin sets and
   * pluginConfig entries (YAML fragments at their indentation, or "").
   */
  static String config(GpuPolicy p, String moreScores, String morePlugins, String moreConfig) {
    String dim = p.dimExt().name().toLowerCase(Locale.ROOT);
    String norm = p.norm().name().toLowerCase(Locale.ROOT);
    return """
        apiVersion: kubescheduler.config.k8s.io/v1
        kind: KubeSchedulerConfiguration
        percentageOfNodesToScore: 100
        profiles:
        - schedulerName: default-scheduler
          plugins:
            multiPoint:
              enabled: [{name: Open-Gpu-Share}, {name: %1$s}]
            score:
              disabled: [{name: "*"}]
              enabled: [{name: %1$s, weight: 1000}%5$s]
        %6$s  pluginConfig:
          - name: Open-Gpu-Share
            args: {gpuSelMethod: %2$s, dimExtMethod: %3$s, normMethod: %4$s}
          - name: DotProductScore
            args: {dimExtMethod: %3$s, normMethod: %4$s}
        %7$s""".formatted(p.score().pluginName(), p.selection().argName(), dim, norm, moreScores,
        morePlugins, moreConfig);
  }

  /** A bound pod's node and the devices the ledger holds for it. */
  record Held(String node, int[] devices) {}

  /** Records, at PostBind, where each pod went and on which devices (by pod name). */
  static final class DeviceProbe implements PostBindPlugin {
    static final String NAME = "GpuDeviceProbe";
    static final Map<String, Held> HELD = new ConcurrentHashMap<>();

    private final Handle handle;

    DeviceProbe(Handle handle) {
      this.handle = handle;
    }

    @Override
    public String name() {
      return NAME;
    }

    @Override
    public void postBind(CycleState state, PodInfo pod, String nodeName) {
      int[] d = GpuDeviceLedger.of(handle).devicesOf(nodeName, pod.uid());
      HELD.put(pod.name(), new Held(nodeName, d == null ? new int[0] : d));
    }
  }
}
