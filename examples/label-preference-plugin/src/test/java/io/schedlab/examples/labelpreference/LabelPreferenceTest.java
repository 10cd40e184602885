package io.schedlab.examples.labelpreference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.schedlab.api.Node;
import io.schedlab.framework.NodeInfo;
import io.schedlab.framework.PluginArgsException;
import io.schedlab.framework.Registry;
import io.schedlab.framework.ScorePlugin;
import io.schedlab.framework.StaticHandle;
import io.schedlab.testing.NodeBuilder;
import io.schedlab.testing.TestHandles;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LabelPreferenceTest {
  private static final String ARGS =
      "{\"labelKey\": \"disk\", \"valueScores\": {\"ssd\": 100, \"hdd\": 40}, \"otherScore\": 10}";

  private static Registry registry() {
    Registry registry = new Registry();
    new LabelPreferenceProvider().register(registry);
    return registry;
  }

  private static JsonNode json(String text) throws Exception {
    return new ObjectMapper().readTree(text);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      a listed value takes its score      | ssd   | 100
      another listed value                | hdd   | 40
      an unlisted value takes otherScore  | nvme  | 10
      no label takes otherScore           |       | 10
      """)
  void scoresANodeByItsLabelValue(String name, String value, long expected) throws Exception {
    NodeBuilder b = NodeBuilder.node("n1").capacity("cpu", "4");
    Node node = value == null ? b.build() : b.label("disk", value).build();
    StaticHandle handle = TestHandles.of(List.of(node));
    NodeInfo info = handle.snapshot().list().get(0);
    ScorePlugin plugin = (ScorePlugin) registry().create(LabelPreference.NAME, json(ARGS), handle);
    assertThat(plugin.score(null, null, info)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      no labelKey        | {}                                                  | plugin LabelPreference args: labelKey: Required value: a node label key
      a score above 100  | {"labelKey": "disk", "valueScores": {"ssd": 101}}   | plugin LabelPreference args: valueScores.ssd: Invalid value: 101: must be in [0, 100]
      a negative other   | {"labelKey": "disk", "otherScore": -1}              | plugin LabelPreference args: otherScore: Invalid value: -1: must be in [0, 100]
      an unknown field   | {"labelKey": "disk", "weight": 3}                   | plugin LabelPreference args: weight: Unrecognized field "weight" (class io.schedlab.examples.labelpreference.LabelPreferenceArgs), not marked as ignorable
      """)
  void badArgsNameTheField(String name, String args, String message) {
    assertThatThrownBy(() -> registry().create(LabelPreference.NAME, json(args), null))
        .isInstanceOf(PluginArgsException.class)
        .hasMessage(message);
  }
}
