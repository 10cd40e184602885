package io.schedlab.plugins.podtopologyspread;

import static io.schedlab.testing.PodBuilder.pod;
import static org.assertj.core.api.Assertions.assertThat;

import io.schedlab.api.LabelSelector;
import io.schedlab.api.Pod;
import io.schedlab.api.TopologySpreadConstraint;
import io.schedlab.framework.CycleState;
import io.schedlab.framework.InternedSelector;
import io.schedlab.framework.NodeInfo;
import io.schedlab.framework.StaticHandle;
import io.schedlab.testing.NodeBuilder;
import io.schedlab.testing.TestHandles;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MatchCountsTest {
  private static Pod running(String name, String ns, String node, String color) {
    return pod(name).namespace(ns).nodeName(node).label("color", color).build();
  }

  private static StaticHandle cluster() {
    return TestHandles.of(
        List.of(NodeBuilder.node("n0").label("zone", "z1").build(),
            NodeBuilder.node("n1").label("zone", "z1").build()),
        List.of(running("a", "default", "n0", "blue"), running("b", "default", "n0", "red"),
            running("c", "other", "n1", "blue")));
  }

  /** A change made after the first count: the table must see it the next time it is asked. */
  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "unchanged node keeps its count,      none,            1",
    "matching pod added in place,         add-matching,    2",
    "other namespace pod added in place,  add-other-ns,    1",
    "matching pod removed in place,       remove-matching, 0",
    "another node object at that index,   replace,         0",
  })
  void recountsExactlyWhenTheNodeChanged(String name, String change, int want) {
    StaticHandle h = cluster();
    InternedSelector blue = InternedSelector.of(LabelSelector.of(Map.of("color", "blue")), h.labels());
    NodeInfo n0 = h.snapshot().get("n0");
    MatchCounts table = new MatchCounts();
    assertThat(table.count(n0, blue, "default")).isEqualTo(1);

    NodeInfo asked = n0;
    switch (change) {
      case "add-matching" -> n0.addPod(h.compile(running("d", "default", "n0", "blue")));
      case "add-other-ns" -> n0.addPod(h.compile(running("d", "other", "n0", "blue")));
      case "remove-matching" -> n0.removePod(h.compile(running("a", "default", "n0", "blue")));
      case "replace" -> {
        asked = new NodeInfo();
        asked.setNode(NodeBuilder.node("n0").build(), h.resources(), h.labels());
        asked.setIndex(n0.index());
      }
      default -> {}
    }
    assertThat(table.count(asked, blue, "default")).isEqualTo(want);
    assertThat(table.count(asked, blue, "default")).as("asked again").isEqualTo(want);
  }

  @Test
  void aCopyKeepsTheCountAndANodeWithoutIndexIsCountedDirectly() {
    StaticHandle h = cluster();
    InternedSelector blue = InternedSelector.of(LabelSelector.of(Map.of("color", "blue")), h.labels());
    NodeInfo n1 = h.snapshot().get("n1");
    MatchCounts table = new MatchCounts();
    assertThat(table.count(n1, blue, "other")).isEqualTo(1);
    assertThat(table.count(n1.copy(), blue, "other")).isEqualTo(1);

    NodeInfo loose = n1.copy();
    loose.setIndex(-1);
    loose.addPod(h.compile(running("e", "other", "n1", "blue")));
    assertThat(table.count(loose, blue, "other")).isEqualTo(2);
    assertThat(table.count(n1, blue, "other")).as("the table is untouched").isEqualTo(1);
  }

  /**
   * One plugin instance over many cycles: pods with different selectors and namespaces use
   * different tables, and a pod bound between cycles is counted in the next one.
   */
  @Test
  void preFilterCountsStayRightAcrossCycles() {
    StaticHandle h = cluster();
    PodTopologySpread plugin =
        new PodTopologySpread(new PodTopologySpreadArgs(List.of(), "List"), h);
    Pod blueDefault = spreading("p", "default", "blue");
    Pod redDefault = spreading("q", "default", "red");
    Pod blueOther = spreading("r", "other", "blue");

    assertThat(zoneCounts(plugin, h, blueDefault)).isEqualTo(Map.of("z1", 1));
    assertThat(zoneCounts(plugin, h, redDefault)).isEqualTo(Map.of("z1", 1));
    assertThat(zoneCounts(plugin, h, blueOther)).isEqualTo(Map.of("z1", 1));

    h.snapshot().get("n1").addPod(h.compile(running("d", "default", "n1", "blue")));
    assertThat(zoneCounts(plugin, h, blueDefault)).isEqualTo(Map.of("z1", 2));
    assertThat(zoneCounts(plugin, h, redDefault)).isEqualTo(Map.of("z1", 1));
    assertThat(zoneCounts(plugin, h, blueOther)).isEqualTo(Map.of("z1", 1));
  }

  private static Pod spreading(String name, String ns, String color) {
    return pod(name).namespace(ns).label("color", color)
        .spreadConstraint(new TopologySpreadConstraint(1, "zone", "DoNotSchedule",
            LabelSelector.of(Map.of("color", color)), null, null, null, null))
        .build();
  }

  private static Map<String, Integer> zoneCounts(PodTopologySpread plugin, StaticHandle h, Pod p) {
    CycleState state = new CycleState();
    assertThat(plugin.preFilter(state, h.compile(p), h.snapshot().list()).status().isSuccess()).isTrue();
    return PodTopologySpread.preFilterState(state).matchNumbers(0);
  }
}
