package io.schedlab.plugins.capacityscheduling;

import static org.assertj.core.api.Assertions.assertThat;

import io.schedlab.api.Pod;
import io.schedlab.framework.ResourceRegistry;
import io.schedlab.testing.PodBuilder;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class QuotaVectorsTest {
  static Stream<Arguments> requests() {
    return Stream.of(
        Arguments.of("containers are summed",
            PodBuilder.pod("p").container("a", "cpu", "1").container("b", "cpu", "500m").build(), 1500L),
        Arguments.of("an init container larger than the sum raises it",
            PodBuilder.pod("p").container("a", "cpu", "1").initContainer("i", false).req("cpu", "2").build(), 2000L),
        Arguments.of("a sidecar is one more init container, not added to the containers",
            PodBuilder.pod("p").container("a", "cpu", "1").initContainer("s", true).req("cpu", "500m").build(), 1000L),
        Arguments.of("overhead is added",
            PodBuilder.pod("p").container("a", "cpu", "1").overhead("cpu", "250m").build(), 1250L),
        Arguments.of("pod-level requests are not read",
            PodBuilder.pod("p").container("a", "cpu", "1").podReq("cpu", "3").build(), 1000L));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("requests")
  void podRequestIsUpstreamsComputePodResourceRequest(String name, Pod pod, long milliCpu) {
    QuotaVectors v = new QuotaVectors(new ResourceRegistry());
    assertThat(v.podRequest(pod)[ResourceRegistry.CPU]).isEqualTo(milliCpu);
  }

  static Stream<Arguments> comparisons() {
    long u = QuotaVectors.UNLIMITED;
    // Slots: cpu, memory, ephemeral-storage, pods, example.com/gpu, plain (not a Resource name).
    return Stream.of(
        Arguments.of("within on every slot", new long[] {1, 1}, new long[] {1}, new long[] {2, 2}, 0L, false),
        Arguments.of("x1 + x2 above the limit", new long[] {1}, new long[] {2}, new long[] {2, 9}, 0L, true),
        Arguments.of("a fixed slot the limit lacks is 0", new long[] {0, 0, 1}, new long[0], new long[] {9, 9}, u, true),
        Arguments.of("a scalar the limit lacks takes the bound (max: unlimited)",
            new long[] {0, 0, 0, 0, 5}, new long[0], new long[] {9, 9, 9, 9}, u, false),
        Arguments.of("a scalar the limit lacks takes the bound (min: 0)",
            new long[] {0, 0, 0, 0, 5}, new long[0], new long[] {9, 9, 9, 9}, 0L, true),
        Arguments.of("a scalar only x2 uses is not compared",
            new long[] {0}, new long[] {0, 0, 0, 0, 5}, new long[] {9, 9, 9, 9, 1}, 0L, false),
        Arguments.of("a name that is no Resource field is not compared",
            new long[] {0, 0, 0, 0, 0, 5}, new long[0], new long[] {9, 9, 9, 9, 9, 0}, 0L, false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("comparisons")
  void overComparesLikeUpstreamsCmp2(String name, long[] x1, long[] x2, long[] y, long bound, boolean over) {
    ResourceRegistry r = new ResourceRegistry();
    r.indexOf("example.com/gpu");
    r.indexOf("plain");
    assertThat(new QuotaVectors(r).over(x1, x2, y, bound)).isEqualTo(over);
  }
}
