package io.schedlab.plugins.defaultpreemption;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.schedlab.api.codec.KubeCodec;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every case of upstream's preemption tests, transcribed in conformance/DefaultPreemption.json. */
class DefaultPreemptionConformanceTest {
  private static final JsonNode FILE = load();

  private static JsonNode load() {
    try (InputStream in =
        DefaultPreemptionConformanceTest.class.getResourceAsStream("/conformance/DefaultPreemption.json")) {
      return KubeCodec.jsonMapper().readTree(in);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read conformance/DefaultPreemption.json", e);
    }
  }

  static List<Arguments> cases() {
    List<Arguments> out = new ArrayList<>();
    for (JsonNode c : FILE.get("cases")) {
      out.add(Arguments.of(c.get("name").asText(), c));
    }
    return out;
  }

  @Test
  void fileHoldsTheTranscribedCases() {
    assertThat(FILE.get("plugin").asText()).isEqualTo(DefaultPreemption.NAME);
    assertThat(FILE.get("cases")).hasSize(34);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void conforms(String name, JsonNode testCase) {
    List<String> mismatches;
    try {
      mismatches = PreemptionScenario.run(FILE, testCase);
    } catch (PreemptionScenario.Unsupported e) {
      Assumptions.abort(e.getMessage());
      return;
    }
    assertThat(mismatches).as(name).isEmpty();
  }
}
