package io.schedlab.plugins.nodeports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.schedlab.api.Pod;
import io.schedlab.framework.ClusterEvent;
import io.schedlab.framework.Code;
import io.schedlab.framework.CycleState;
import io.schedlab.framework.PodInfo;
import io.schedlab.framework.Status;
import io.schedlab.framework.StatusException;
import io.schedlab.plugins.testsupport.PluginHarness;
import io.schedlab.testing.NodeBuilder;
import io.schedlab.testing.PodBuilder;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class NodePortsTest {
  private static final NodePorts PLUGIN = new NodePorts();

  static Stream<Arguments> cases() {
    Pod appPort = PodBuilder.pod("running").nodeName("n1").container("c").hostPort(8080, null).build();
    Pod initPort = PodBuilder.pod("running").nodeName("n1").initContainer("init", false).hostPort(8080, null)
        .container("c").build();
    Pod sidecarPort = PodBuilder.pod("running").nodeName("n1").initContainer("proxy", true).hostPort(8080, null)
        .container("c").build();
    return Stream.of(
        Arguments.of("no host port: Skip", PodBuilder.pod("p").container("c").build(), List.of(), Code.SKIP, null),
        Arguments.of("a plain init container's host port is not held: Skip",
            PodBuilder.pod("p").initContainer("init", false).hostPort(8080, null).container("c").build(),
            List.of(appPort), Code.SKIP, null),
        Arguments.of("a sidecar's host port is wanted",
            PodBuilder.pod("p").initContainer("proxy", true).hostPort(8080, null).container("c").build(),
            List.of(appPort), Code.SUCCESS, Code.UNSCHEDULABLE),
        Arguments.of("a running pod's plain init container does not hold its port",
            PodBuilder.pod("p").container("c").hostPort(8080, null).build(),
            List.of(initPort), Code.SUCCESS, Code.SUCCESS),
        Arguments.of("a running pod's sidecar holds its port",
            PodBuilder.pod("p").container("c").hostPort(8080, null).build(),
            List.of(sidecarPort), Code.SUCCESS, Code.UNSCHEDULABLE),
        Arguments.of("same port, other protocol",
            PodBuilder.pod("p").container("c").hostPort(8080, "UDP").build(),
            List.of(appPort), Code.SUCCESS, Code.SUCCESS));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void preFilterThenFilter(String name, Pod incoming, List<Pod> running, Code preFilter, Code filter) {
    PluginHarness h = new PluginHarness(List.of(NodeBuilder.node("n1").build()), running);
    PodInfo pod = h.compile(incoming);
    CycleState state = new CycleState();
    assertThat(PLUGIN.preFilter(state, pod, h.nodeInfos()).status().code()).isEqualTo(preFilter);
    if (filter != null) {
      Status s = PLUGIN.filter(state, pod, h.nodeInfo("n1"));
      assertThat(s.code()).isEqualTo(filter);
      assertThat(s.reasons()).isEqualTo(filter == Code.SUCCESS ? List.of() : List.of(NodePorts.ERR_REASON));
      assertThat(NodePorts.fits(pod, h.nodeInfo("n1"))).isEqualTo(filter == Code.SUCCESS);
    }
  }

  @Test
  void filterWithoutPreFilterIsAnError() {
    PluginHarness h = new PluginHarness(List.of(NodeBuilder.node("n1").build()), List.of());
    PodInfo pod = h.compile(PodBuilder.pod("p").container("c").hostPort(80, null).build());
    assertThatThrownBy(() -> PLUGIN.filter(new CycleState(), pod, h.nodeInfo("n1")))
        .isInstanceOfSatisfying(StatusException.class, e -> assertThat(e.status().code()).isEqualTo(Code.ERROR));
  }

  @Test
  void registersPodDeleteAndNodeAdd() {
    assertThat(PLUGIN.eventsToRegister()).containsExactly(
        new ClusterEvent(ClusterEvent.Resource.POD, ClusterEvent.DELETE),
        new ClusterEvent(ClusterEvent.Resource.NODE, ClusterEvent.ADD));
  }
}
