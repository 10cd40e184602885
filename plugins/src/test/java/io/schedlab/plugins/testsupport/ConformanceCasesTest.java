package io.schedlab.plugins.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The runner must report a wrong expectation, or the conformance tests could not fail. */
class ConformanceCasesTest {
  private static ConformanceCases.Case find(String file, String name) {
    for (ConformanceCases.Case c : ConformanceCases.load(file)) {
      if (c.name().equals(name)) {
        return new ConformanceCases.Case(c.file(), c.plugin(), c.fileArgs(), c.json().deepCopy());
      }
    }
    throw new AssertionError("no case " + name + " in " + file);
  }

  @Test
  void reportsAWrongFilterCodeAndReason() {
    ConformanceCases.Case c = find("NodePorts.json", "same tcp port");
    assertThat(ConformanceCases.run(c)).isEmpty();
    ObjectNode expect = (ObjectNode) c.json().get("expect");
    ((ObjectNode) expect.get("filter")).put("m1", "Success");
    ((ObjectNode) expect.get("filterReasons")).putArray("m1").add("other");
    assertThat(ConformanceCases.run(c)).containsExactly(
        "filter[m1]: want Success, got Unschedulable",
        "filterReasons[m1]: want [other], got [node(s) didn't have free ports for the requested pod ports]");
  }

  @Test
  void reportsAWrongScoreAndPreFilterResult() {
    ConformanceCases.Case score = find("NodeAffinity.json", "added affinity");
    ((ObjectNode) score.json().get("expect").get("score")).put("node2", 7);
    assertThat(ConformanceCases.run(score)).isEqualTo(List.of("score[node2]: want 7, got 0"));

    ConformanceCases.Case preFilter = find("NodeAffinity.json", "Pod with two terms of node.Name affinity");
    ((ObjectNode) preFilter.json().get("expect").get("preFilterResult")).putArray("nodeNames").add("node1");
    assertThat(ConformanceCases.run(preFilter)).containsExactly("preFilterResult: want [node1], got [node1, node2]");
  }
}
