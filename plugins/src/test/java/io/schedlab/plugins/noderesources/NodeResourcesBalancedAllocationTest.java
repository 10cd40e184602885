package io.schedlab.plugins.noderesources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.schedlab.framework.Code;
import io.schedlab.framework.CycleState;
import io.schedlab.framework.PluginArgsException;
import io.schedlab.framework.PodInfo;
import io.schedlab.framework.Registry;
import io.schedlab.framework.StaticHandle;
import io.schedlab.plugins.InTreeRegistry;
import io.schedlab.testing.NodeBuilder;
import io.schedlab.testing.PodBuilder;
import io.schedlab.testing.TestHandles;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class NodeResourcesBalancedAllocationTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static NodeResourcesBalancedAllocationArgs decode(String json) throws Exception {
    @SuppressWarnings("unchecked")
    Registry.Registration<NodeResourcesBalancedAllocationArgs> r =
        (Registry.Registration<NodeResourcesBalancedAllocationArgs>)
            InTreeRegistry.create().get(NodeResourcesBalancedAllocation.NAME);
    return Registry.decodeArgs(r, json == null ? null : JSON.readTree(json));
  }

  private static List<String> names(NodeResourcesBalancedAllocationArgs a) {
    return a.resources().stream().map(r -> r.name() + "=" + r.weight()).toList();
  }

  @Test
  void defaultsAreCpuAndMemoryAndAMissingOrZeroWeightIsOne() throws Exception {
    assertThat(names(decode(null))).containsExactly("cpu=1", "memory=1");
    assertThat(names(decode("{\"resources\":[]}"))).containsExactly("cpu=1", "memory=1");
    assertThat(names(decode("{\"resources\":[{\"name\":\"cpu\"},{\"name\":\"nvidia.com/gpu\",\"weight\":0}]}")))
        .containsExactly("cpu=1", "nvidia.com/gpu=1");
  }

  static Stream<Arguments> invalidArgs() {
    return Stream.of(
        Arguments.of("weight other than 1", "{\"resources\":[{\"name\":\"cpu\",\"weight\":2}]}",
            "resources[0].weight: Invalid value: 2: must be 1"),
        Arguments.of("duplicate resource", "{\"resources\":[{\"name\":\"cpu\"},{\"name\":\"memory\"},{\"name\":\"cpu\"}]}",
            "resources[2].name: Duplicate value: \"cpu\""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidArgs")
  void invalidArgs(String name, String json, String message) throws Exception {
    NodeResourcesBalancedAllocationArgs args = decode(json);
    StaticHandle h = TestHandles.of(List.of());
    assertThatThrownBy(() -> new NodeResourcesBalancedAllocation(args, h))
        .isInstanceOf(PluginArgsException.class)
        .hasMessage(message);
  }

  static Stream<Arguments> scorer() {
    return Stream.of(
        Arguments.of("one resource: no deviation", new long[] {3}, new long[] {4}, 100),
        Arguments.of("two resources: half the distance", new long[] {1, 3}, new long[] {4, 4}, 75),
        Arguments.of("fractions capped at 1", new long[] {8, 2}, new long[] {4, 4}, 75),
        // fractions 0.25 and 1 (5/4 capped): 0.375 -> 62.
        Arguments.of("zero allocatable left out", new long[] {1, 3, 5}, new long[] {4, 0, 4}, 62),
        // fractions 0.1, 0.5, 0.9: mean 0.5, std sqrt(0.32 / 3) = 0.3266 -> 67.
        Arguments.of("three resources: population deviation", new long[] {1, 5, 9}, new long[] {10, 10, 10}, 67),
        Arguments.of("nothing allocatable", new long[] {1, 1}, new long[] {0, 0}, 100));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scorer")
  void balancedResourceScorer(String name, long[] requested, long[] allocatable, long score) {
    assertThat(NodeResourcesBalancedAllocation.balanced(requested, allocatable, new long[requested.length],
        requested.length))
        .isEqualTo(score);
  }

  @Test
  void usesRealRequestsAndSkipsBestEffortPods() throws Exception {
    StaticHandle h = TestHandles.of(List.of(NodeBuilder.node("n").capacity("cpu", "4", "memory", "4Gi").build()),
        List.of());
    NodeResourcesBalancedAllocation p = new NodeResourcesBalancedAllocation(decode(null), h);
    PodInfo bestEffort = h.compile(PodBuilder.pod("be").container("c").build());
    assertThat(p.preScore(new CycleState(), bestEffort, h.snapshot().list()).code()).isEqualTo(Code.SKIP);
    assertThat(p.score(new CycleState(), bestEffort, h.snapshot().get("n"))).isZero();
    // cpu 2/4 and memory 0 (no non-zero default): |0.5 - 0| / 2 = 0.25 -> 75.
    PodInfo cpuOnly = h.compile(PodBuilder.pod("cpu").container("c", "cpu", "2").build());
    CycleState s = new CycleState();
    assertThat(p.preScore(s, cpuOnly, h.snapshot().list()).code()).isEqualTo(Code.SUCCESS);
    assertThat(p.score(s, cpuOnly, h.snapshot().get("n"))).isEqualTo(75);
  }

  @Test
  void resourceNotAccountedPerNodeIsLeftOut() throws Exception {
    // "pods" is no scalar resource: upstream scores it as absent, so only cpu and memory count.
    StaticHandle h = TestHandles.of(List.of(NodeBuilder.node("n").capacity("cpu", "4", "memory", "4Gi").build()),
        List.of());
    PodInfo pod = h.compile(PodBuilder.pod("p").container("c", "cpu", "2", "memory", "1Gi").build());
    NodeResourcesBalancedAllocation withPods = new NodeResourcesBalancedAllocation(
        decode("{\"resources\":[{\"name\":\"cpu\"},{\"name\":\"memory\"},{\"name\":\"pods\"}]}"), h);
    NodeResourcesBalancedAllocation plain = new NodeResourcesBalancedAllocation(decode(null), h);
    assertThat(withPods.score(new CycleState(), pod, h.snapshot().get("n")))
        .isEqualTo(plain.score(new CycleState(), pod, h.snapshot().get("n")))
        .isEqualTo(87);
  }
}
