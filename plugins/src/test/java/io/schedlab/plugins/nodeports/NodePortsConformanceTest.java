package io.schedlab.plugins.nodeports;

import static org.assertj.core.api.Assertions.assertThat;

import io.schedlab.plugins.testsupport.ConformanceCases;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every case of NodePorts.json: upstream's own test expectations. */
class NodePortsConformanceTest {
  static List<ConformanceCases.Case> cases() {
    return ConformanceCases.load("NodePorts.json");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void meetsUpstreamExpectations(ConformanceCases.Case c) {
    assertThat(ConformanceCases.run(c)).as(c.file() + ": " + c.name()).isEmpty();
  }
}
