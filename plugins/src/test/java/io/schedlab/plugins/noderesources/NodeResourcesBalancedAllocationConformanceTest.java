package io.schedlab.plugins.noderesources;

import static org.assertj.core.api.Assertions.assertThat;

import io.schedlab.plugins.testsupport.ConformanceCases;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every case of NodeResourcesBalancedAllocation.json: upstream's own test expectations. */
class NodeResourcesBalancedAllocationConformanceTest {
  static List<ConformanceCases.Case> cases() {
    return ConformanceCases.load("NodeResourcesBalancedAllocation.json");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void meetsUpstreamExpectations(ConformanceCases.Case c) {
    assertThat(ConformanceCases.run(c)).as(c.file() + ": " + c.name()).isEmpty();
  }
}
