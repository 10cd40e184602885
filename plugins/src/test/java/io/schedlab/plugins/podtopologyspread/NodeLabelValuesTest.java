package io.schedlab.plugins.podtopologyspread;

import static org.assertj.core.api.Assertions.assertThat;

import io.schedlab.framework.NodeInfo;
import io.schedlab.framework.StaticHandle;
import io.schedlab.testing.NodeBuilder;
import io.schedlab.testing.TestHandles;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NodeLabelValuesTest {
  /** The node's zone after a change made once the table had read it; "-" for no zone label. */
  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "unchanged node,                    none,        z1",
    "pod added (labels unchanged),      add-pod,     z1",
    "node object relabelled in place,   relabel,     z2",
    "label removed in place,            unlabel,     -",
    "node without a snapshot index,     no-index,    z3",
  })
  void readsTheCurrentLabels(String name, String change, String want) {
    StaticHandle h = TestHandles.of(List.of(NodeBuilder.node("n0").label("zone", "z1").build()));
    int zone = h.labels().id("zone");
    NodeInfo n0 = h.snapshot().get("n0");
    NodeLabelValues table = new NodeLabelValues(zone);
    assertThat(table.valueOf(n0)).isEqualTo(h.labels().id("z1"));

    NodeInfo asked = n0;
    switch (change) {
      case "add-pod" -> n0.addPod(h.compile(io.schedlab.testing.PodBuilder.pod("p").nodeName("n0").build()));
      case "relabel" -> n0.setNode(NodeBuilder.node("n0").label("zone", "z2").build(), h.resources(), h.labels());
      case "unlabel" -> n0.setNode(NodeBuilder.node("n0").build(), h.resources(), h.labels());
      case "no-index" -> {
        asked = new NodeInfo();
        asked.setNode(NodeBuilder.node("n9").label("zone", "z3").build(), h.resources(), h.labels());
      }
      default -> {}
    }
    int expected = want.equals("-") ? -1 : h.labels().id(want);
    assertThat(table.peek(asked)).as("peek, before the table saw the change").isEqualTo(expected);
    assertThat(table.valueOf(asked)).isEqualTo(expected);
    assertThat(table.peek(asked)).as("peek, after").isEqualTo(expected);
    assertThat(table.valueOf(asked)).as("asked again").isEqualTo(expected);
  }
}
