package io.schedlab.plugins.gpushare;

import static io.schedlab.plugins.gpushare.GpuWorld.gpuNode;
import static io.schedlab.plugins.gpushare.GpuWorld.gpuPod;
import static io.schedlab.plugins.gpushare.GpuWorld.plugin;
import static io.schedlab.plugins.gpushare.GpuWorld.running;
import static org.assertj.core.api.Assertions.assertThat;

import io.schedlab.framework.StaticHandle;
import io.schedlab.testing.TestHandles;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProfileTypicalPodsTest {
  private static StaticHandle world() {
    return TestHandles.of(List.of(gpuNode("n", "16", 2, "V100")),
        List.of(running("a", "n", "1", 1, 500, "0").build(),
            running("b", "n", "1", 1, 500, "0").build(),
            gpuPod("c", "2", 0, 0).nodeName("n").build()));
  }

  @Test
  void derivedOnceFromTheSnapshotPlusThePod() {
    StaticHandle h = world();
    ProfileTypicalPods holder = ProfileTypicalPods.of(h);
    TypicalPods t = holder.get(h.snapshot(), h.compile(gpuPod("p", "1", 1, 500).build()));
    // Three 1-core 500-milli shares and one 2-core CPU pod: 95 % needs both classes.
    assertThat(t.size()).isEqualTo(2);
    assertThat(t.get(0)).isEqualTo(new TypicalPods.PodClass(1000, 500, 1, "", 0.75));
    assertThat(t.get(1)).isEqualTo(new TypicalPods.PodClass(2000, 0, 0, "", 0.25));
    assertThat(holder.get(h.snapshot(), h.compile(gpuPod("q", "8", 0, 0).build()))).isSameAs(t);
  }

  @Test
  void fgdScoreArgsFixThemForTheProfileOnly() {
    StaticHandle h = world();
    StaticHandle otherProfile = new StaticHandle(h.snapshot(), h.resources(), h.labels());
    plugin(FgdScore.NAME,
        "{\"typicalPods\":[{\"cpuMilli\":3000,\"gpuMilli\":1000,\"gpuCount\":2,\"popularity\":1}]}",
        h);
    TypicalPods t = ProfileTypicalPods.of(h).get(h.snapshot(), null);
    assertThat(t.size()).isEqualTo(1);
    assertThat(t.get(0)).isEqualTo(new TypicalPods.PodClass(3000, 1000, 2, "", 1.0));
    TypicalPods derived = ProfileTypicalPods.of(otherProfile)
        .get(h.snapshot(), h.compile(gpuPod("p", "1", 1, 500).build()));
    assertThat(derived.size()).isEqualTo(2);
  }
}
