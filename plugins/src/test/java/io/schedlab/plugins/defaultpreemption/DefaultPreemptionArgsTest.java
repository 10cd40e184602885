package io.schedlab.plugins.defaultpreemption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.schedlab.api.codec.KubeCodec;
import io.schedlab.framework.PluginArgsException;
import io.schedlab.framework.Registry;
import io.schedlab.plugins.InTreeRegistry;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DefaultPreemptionArgsTest {
  private static final Registry REGISTRY = InTreeRegistry.create();

  private static DefaultPreemption build(String userArgs) {
    try {
      JsonNode args = userArgs == null ? null : KubeCodec.jsonMapper().readTree(userArgs);
      return (DefaultPreemption) REGISTRY.create(DefaultPreemption.NAME, args, null);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  @Test
  void defaultsAreUpstreams() {
    assertThat(build(null).args()).isEqualTo(new DefaultPreemptionArgs(10, 100));
  }

  @Test
  void userArgsAreLaidOverDefaults() {
    assertThat(build("{\"kind\": \"DefaultPreemptionArgs\", \"minCandidateNodesAbsolute\": 0}").args())
        .isEqualTo(new DefaultPreemptionArgs(10, 0));
  }

  static Stream<Arguments> invalid() {
    return Stream.of(
        Arguments.of("percentage below 0", "{\"minCandidateNodesPercentage\": -1}",
            "minCandidateNodesPercentage", "Invalid value: -1: not in valid range [0, 100]"),
        Arguments.of("percentage above 100", "{\"minCandidateNodesPercentage\": 900}",
            "minCandidateNodesPercentage", "Invalid value: 900: not in valid range [0, 100]"),
        Arguments.of("negative absolute", "{\"minCandidateNodesAbsolute\": -1}",
            "minCandidateNodesAbsolute", "Invalid value: -1: not in valid range [0, inf)"),
        Arguments.of("both zero",
            "{\"minCandidateNodesPercentage\": 0, \"minCandidateNodesAbsolute\": 0}",
            "minCandidateNodesPercentage",
            "Invalid value: 0: cannot be zero at the same time as minCandidateNodesAbsolute"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalid")
  void invalidArgsNameTheField(String name, String args, String field, String detail) {
    assertThatThrownBy(() -> build(args))
        .isInstanceOfSatisfying(PluginArgsException.class, e -> {
          assertThat(e.field()).isEqualTo(field);
          assertThat(e.detail()).isEqualTo(detail);
          assertThat(e.getMessage()).startsWith("plugin DefaultPreemption args: " + field + ": ");
        });
  }

  static Stream<Arguments> numCandidates() {
    return Stream.of(
        // name, nodes, percentage, absolute, candidates
        Arguments.of("no nodes", 0, 10, 100, 0),
        Arguments.of("fewer nodes than the absolute floor", 50, 10, 100, 50),
        Arguments.of("the floor wins over 10%", 1000, 10, 100, 100),
        Arguments.of("10% wins over the floor", 10000, 10, 100, 1000),
        Arguments.of("percentage rounds down", 5, 40, 1, 2),
        Arguments.of("all nodes", 7, 100, 0, 7),
        Arguments.of("absolute above the node count", 3, 0, 5, 3));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("numCandidates")
  void calculateNumCandidates(String name, int nodes, int percentage, int absolute, int want) {
    DefaultPreemption p = new DefaultPreemption(new DefaultPreemptionArgs(percentage, absolute), null);
    assertThat(p.calculateNumCandidates(nodes)).isEqualTo(want);
  }
}
