package io.schedlab.config;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Documents that are not a v1 KubeSchedulerConfiguration at all: broken YAML or JSON (reported
 * at line:column), values of the wrong type (reported at the field path, and position), and the
 * wrong apiVersion or kind.
 */
class ParseErrorTest {
  private static final String HEADER = """
      apiVersion: kubescheduler.config.k8s.io/v1
      kind: KubeSchedulerConfiguration
      """;

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("mapping value in a plain scalar", HEADER + """
            profiles:
              - schedulerName: a: b
            """, "test.yaml:4:21: invalid YAML: mapping values are not allowed here"),
        Arguments.of("tab indentation", HEADER + "profiles:\n\t- schedulerName: a\n",
            "test.yaml:4:1: invalid YAML: while scanning for the next token: found character"
            + " '\\t(TAB)' that cannot start any token. (Do not use \\t(TAB) for indentation)"),
        Arguments.of("unclosed flow sequence", HEADER + "profiles: [\n",
            "test.yaml:4:1: invalid YAML: while parsing a flow node: expected the node content,"
            + " but found '<stream end>'"),
        Arguments.of("duplicate key", HEADER + """
            parallelism: 4
            parallelism: 8
            """, "test.yaml:4:12: duplicate field \"parallelism\""),
        Arguments.of("JSON with a missing comma", """
            {"apiVersion": "kubescheduler.config.k8s.io/v1" "kind": "KubeSchedulerConfiguration"}
            """, "test.yaml:1:49: invalid YAML: while parsing a flow mapping: expected ',' or '}',"
            + " but got <scalar>"),
        Arguments.of("string for an integer", HEADER + """
            parallelism: lots
            """, "test.yaml:3:14: parallelism: expected an integer, got \"lots\""),
        Arguments.of("quoted number for an integer", HEADER + """
            podMaxBackoffSeconds: "10"
            """, "test.yaml:3:23: podMaxBackoffSeconds: expected an integer, got \"10\""),
        Arguments.of("fraction for an integer", HEADER + """
            profiles:
              - plugins:
                  score:
                    enabled:
                      - name: ImageLocality
                        weight: 1.5
            """, "test.yaml:8:21: profiles[0].plugins.score.enabled[0].weight: expected an"
            + " integer, got 1.5"),
        Arguments.of("integer out of range", HEADER + """
            parallelism: 99999999999
            """, "test.yaml:3:25: parallelism: expected an integer, got 99999999999"
            + " (out of range)"),
        Arguments.of("number for a string", HEADER + """
            profiles:
              - schedulerName: 42
            """, "test.yaml:4:20: profiles[0].schedulerName: expected a string, got 42"),
        Arguments.of("mapping for a list", HEADER + """
            profiles:
              schedulerName: a
            """, "test.yaml:4:3: profiles: expected a list, got a mapping"),
        Arguments.of("list for a mapping", HEADER + """
            profiles:
              - plugins: [score]
            """, "test.yaml:4:14: profiles[0].plugins: expected a mapping, got a list"),
        Arguments.of("scalar for a plugin entry", HEADER + """
            profiles:
              - plugins:
                  filter:
                    enabled: [NodeName]
            """, "test.yaml:6:19: profiles[0].plugins.filter.enabled[0]: expected a mapping,"
            + " got \"NodeName\""),
        Arguments.of("empty document", "# nothing here\n",
            "test.yaml: empty document; expected a KubeSchedulerConfiguration"),
        Arguments.of("list at the top", "- apiVersion: kubescheduler.config.k8s.io/v1\n",
            "test.yaml: expected a mapping at the top level, got a list"),
        Arguments.of("missing apiVersion", "kind: KubeSchedulerConfiguration\n",
            "test.yaml: apiVersion: required, expected \"kubescheduler.config.k8s.io/v1\""),
        Arguments.of("v1beta1", """
            apiVersion: kubescheduler.config.k8s.io/v1beta1
            kind: KubeSchedulerConfiguration
            """, "test.yaml: apiVersion: \"kubescheduler.config.k8s.io/v1beta1\" is no longer"
            + " supported; use \"kubescheduler.config.k8s.io/v1\""),
        Arguments.of("v1beta2", """
            apiVersion: kubescheduler.config.k8s.io/v1beta2
            kind: KubeSchedulerConfiguration
            """, "test.yaml: apiVersion: \"kubescheduler.config.k8s.io/v1beta2\" is no longer"
            + " supported; use \"kubescheduler.config.k8s.io/v1\""),
        Arguments.of("another group", """
            apiVersion: kubeproxy.config.k8s.io/v1alpha1
            kind: KubeProxyConfiguration
            """, "test.yaml: apiVersion: expected \"kubescheduler.config.k8s.io/v1\", got"
            + " \"kubeproxy.config.k8s.io/v1alpha1\""),
        Arguments.of("missing kind", """
            apiVersion: kubescheduler.config.k8s.io/v1
            """, "test.yaml: kind: required, expected \"KubeSchedulerConfiguration\""),
        Arguments.of("another kind", """
            apiVersion: kubescheduler.config.k8s.io/v1
            kind: Policy
            """, "test.yaml: kind: expected \"KubeSchedulerConfiguration\", got \"Policy\""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void reportsWhereAndWhat(String name, String document, String message) {
    assertThatThrownBy(() -> SchedulerConfigLoader.parse(
        document, "test.yaml", InTreeCatalog.modelled()))
        .isInstanceOf(ConfigException.class)
        .hasMessage(message);
  }
}
