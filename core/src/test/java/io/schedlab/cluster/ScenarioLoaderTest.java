package io.schedlab.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.schedlab.api.Node;
import io.schedlab.api.ReplicaSet;
import io.schedlab.sim.Durations;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ScenarioLoaderTest {
  private static final String HEAD = "apiVersion: schedlab.io/v1alpha1\nkind: Scenario\n"
      + "metadata: {name: t}\n";

  @Test
  void readsClusterWorkloadsAndEventsInTimeOrder() {
    Scenario s = ScenarioLoader.parse(HEAD + """
        spec:
          seed: 7
          until: 10m
          cluster:
            objects:
            - {apiVersion: v1, kind: Node, metadata: {name: n1}, status: {capacity: {cpu: "4"}}}
          workloads:
          - at: 30s
            objects:
            - apiVersion: apps/v1
              kind: ReplicaSet
              metadata: {name: web, namespace: default}
              spec:
                replicas: 2
                selector: {matchLabels: {app: web}}
                template:
                  metadata: {labels: {app: web}}
                  spec: {containers: [{name: c, image: nginx}]}
          events:
          - {at: 60s, action: crash-node, node: n1}
          - {at: 10s, action: scale, kind: ReplicaSet, name: default/web, replicas: 3}
          - {at: 90s, action: delete-pod, pod: web-x}
        """, "s.yaml", null);
    assertThat(s.seed()).isEqualTo(7);
    assertThat(s.untilNanos()).isEqualTo(10 * Durations.MINUTE);
    assertThat(s.cluster()).singleElement().isInstanceOf(Node.class);
    assertThat(s.actions()).extracting(Scenario.Action::atNanos)
        .containsExactly(10 * Durations.SECOND, 30 * Durations.SECOND, 60 * Durations.SECOND,
            90 * Durations.SECOND);
    assertThat(((Scenario.Create) s.actions().get(1)).objects()).singleElement()
        .isInstanceOf(ReplicaSet.class);
    assertThat(s.actions().get(2)).isEqualTo(new Scenario.NodeFault(60 * Durations.SECOND,
        Scenario.NodeFault.Kind.CRASH, "n1"));
    assertThat(s.actions().get(3)).isEqualTo(new Scenario.DeletePod(90 * Durations.SECOND,
        "default", "web-x"));
    assertThat(s.settings()).isEqualTo(ClusterSettings.DEFAULTS);
  }

  static Stream<Arguments> bad() {
    return Stream.of(
        Arguments.of("wrong kind", "apiVersion: schedlab.io/v1alpha1\nkind: Pod\nspec: {}\n",
            "s.yaml: kind: expected Scenario, got 'Pod'"),
        Arguments.of("unknown field", HEAD + "spec: {util: 10m}\n",
            "s.yaml: spec.util: unknown field"),
        Arguments.of("bad duration", HEAD + "spec: {until: soon}\n",
            "s.yaml: spec.until: expected a duration such as 90s, 5m or 1h30m, got 'soon'"),
        Arguments.of("unknown action", HEAD + "spec:\n  events:\n  - {at: 1s, action: explode}\n",
            "s.yaml: spec.events[0].action: expected one of crash-node"),
        Arguments.of("fault without node", HEAD + "spec:\n  events:\n  - {at: 1s, action: crash-node}\n",
            "s.yaml: spec.events[0].node: expected a name"),
        Arguments.of("negative replicas", HEAD
            + "spec:\n  events:\n  - {at: 1s, action: scale, kind: Job, name: j, replicas: -1}\n",
            "s.yaml: spec.events[0].replicas: expected a count >= 0, got -1"),
        Arguments.of("missing manifest", HEAD + "spec:\n  cluster: {manifests: [nope.yaml]}\n",
            "s.yaml: spec.cluster.manifests[0]: no such file or folder"),
        Arguments.of("malformed YAML", HEAD + "spec: {seed: [\n", "s.yaml:"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("bad")
  void badScenariosNameFileAndField(String name, String text, String message) {
    assertThatThrownBy(() -> ScenarioLoader.parse(text, "s.yaml", java.nio.file.Path.of(".")))
        .isInstanceOf(ScenarioException.class).hasMessageStartingWith(message);
  }
}
