package io.schedlab.traces.google2011;

import static org.assertj.core.api.Assertions.assertThat;

import io.schedlab.api.Node;
import io.schedlab.api.Pod;
import io.schedlab.api.match.NodeSelectors;
import io.schedlab.traces.TraceEvent;
import io.schedlab.traces.TraceOptions;
import io.schedlab.traces.TraceSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Constraints on hashed attributes, checked with core's own node-affinity matcher. */
class ConstraintMatchingTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "'', ''",
      "123, 123",
      "plain-word, plain-word",
      "GxU4PEN2PsTz+ljAcfJ8/Ji9I6eDcp9ANfoRcX3VnYk=, hGxU4PEN2PsTz-ljAcfJ8_Ji9I6eDcp9ANfoRcX3VnYkh",
      "-starts-with-dash, h-starts-with-dashh",
      "a b, ha.bh"})
  void hashesBecomeValidLabelText(String text, String label) {
    assertThat(LabelText.encode(text)).isEqualTo(label);
    assertThat(LabelText.isValidValue(LabelText.encode(text))).isTrue();
  }

  @Test
  void constraintsOnHashedAttributesMatchTheRightMachines(@TempDir Path dir) throws IOException {
    write(dir, "machine_events", "0,1,0,P+/=,1,1\n0,2,0,P+/=,1,1\n");
    write(dir, "machine_attributes",
        "0,1,Abc+/d=,Vx/y=,0\n0,1,NUM=,4,0\n0,2,Abc+/d=,other=,0\n0,2,NUM=,12,0\n");
    write(dir, "task_constraints", String.join("\n",
        "5,1,0,0,Abc+/d=,Vx/y=",
        "5,1,1,3,NUM=,8",
        "5,1,2,2,NUM=,8",
        "5,1,2,1,Abc+/d=,other=",
        "5,1,3,0,Missing=,",
        "5,1,4,1,Abc+/d=,") + "\n");
    StringBuilder tasks = new StringBuilder();
    for (int i = 0; i <= 4; i++) {
      tasks.append("5,,1,").append(i).append(",,0,U,,0,0.1,0.1,,\n");
    }
    write(dir, "task_events", tasks.toString());

    Map<String, Node> nodes = new LinkedHashMap<>();
    List<Pod> pods = new ArrayList<>();
    try (TraceSource s = new GoogleClusterData2011Format().open(List.of(dir), TraceOptions.DEFAULTS)) {
      TraceEvent e;
      while ((e = s.next()) != null) {
        switch (e) {
          case TraceEvent.NodeAdded a -> nodes.put(a.node().metadata().name(), a.node());
          case TraceEvent.NodeUpdated u -> nodes.put(u.node().metadata().name(), u.node());
          case TraceEvent.PodSubmitted p -> pods.add(p.pod());
          default -> { }
        }
      }
    }
    List<String> matches = new ArrayList<>();
    for (Pod pod : pods) {
      StringBuilder m = new StringBuilder(pod.metadata().name()).append(':');
      for (Node node : nodes.values()) {
        if (NodeSelectors.podMatchesNode(pod, node)) {
          m.append(' ').append(node.metadata().name());
        }
      }
      matches.add(m.toString());
    }
    assertThat(matches).containsExactly(
        "1-0: m-1",        // EQUAL on a hashed value
        "1-1: m-2",        // GREATER_THAN 8
        "1-2: m-1",        // LESS_THAN 8 and NOT_EQUAL other
        "1-3: m-1 m-2",    // EQUAL "" on an attribute no machine has: DoesNotExist
        "1-4: m-1 m-2");   // NOT_EQUAL "": Exists
    assertThat(nodes.get("m-1").metadata().labels())
        .containsEntry("google.com/attr-hAbc-_dh", "hVx_yh")
        .containsEntry("google.com/attr-hNUMh", "4")
        .containsEntry("google.com/platform", "hP-_h");
  }

  private static void write(Path dir, String table, String rows) throws IOException {
    Files.writeString(Files.createDirectories(dir.resolve(table)).resolve("part-00000-of-00001.csv"), rows);
  }
}
