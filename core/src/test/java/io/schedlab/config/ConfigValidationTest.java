package io.schedlab.config;

import static io.schedlab.config.ExtensionPoint.POST_FILTER;
import static io.schedlab.config.ExtensionPoint.PRE_FILTER;
import static io.schedlab.config.ExtensionPoint.QUEUE_SORT;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every validation rule, each with the one-line message it gives: source, field path, what was
 * expected and what was found. Each case is a document body after apiVersion and kind.
 */
class ConfigValidationTest {
  private static final PluginCatalog CATALOG = InTreeCatalog.modelled()
      .with("Coscheduling", QUEUE_SORT, PRE_FILTER, POST_FILTER);

  static Stream<Arguments> invalid() {
    return Stream.of(
        Arguments.of("parallelism must be positive", """
            parallelism: 0
            """, "parallelism: must be greater than 0, got 0"),
        Arguments.of("global percentageOfNodesToScore above 100", """
            percentageOfNodesToScore: 101
            """, "percentageOfNodesToScore: must be between 0 and 100 (0 = adaptive), got 101"),
        Arguments.of("profile percentageOfNodesToScore below 0", """
            profiles:
              - schedulerName: a
                percentageOfNodesToScore: -1
            """, "profiles[0].percentageOfNodesToScore: must be between 0 and 100"
            + " (0 = adaptive), got -1"),
        Arguments.of("initial backoff must be positive", """
            podInitialBackoffSeconds: 0
            """, "podInitialBackoffSeconds: must be greater than 0, got 0"),
        Arguments.of("max backoff must be positive", """
            podMaxBackoffSeconds: -10
            """, "podMaxBackoffSeconds: must be greater than 0, got -10"),
        Arguments.of("max backoff below initial backoff", """
            podInitialBackoffSeconds: 5
            podMaxBackoffSeconds: 3
            """, "podMaxBackoffSeconds: must be greater than or equal to podInitialBackoffSeconds"
            + " (5), got 3"),
        Arguments.of("profile names are unique", """
            profiles:
              - schedulerName: a
              - schedulerName: b
              - schedulerName: a
            """, "profiles[2].schedulerName: duplicate scheduler name \"a\""
            + " (also profiles[0].schedulerName)"),
        Arguments.of("only a lone profile is named by default", """
            profiles:
              - schedulerName: a
              - percentageOfNodesToScore: 50
            """, "profiles[1].schedulerName: required when there is more than one profile"),
        Arguments.of("a profile name is not empty", """
            profiles:
              - schedulerName: ""
            """, "profiles[0].schedulerName: must not be empty"),
        Arguments.of("a profile is not null", """
            profiles:
              -
            """, "profiles[0]: must be a mapping, got null"),
        Arguments.of("unknown plugin", """
            profiles:
              - plugins:
                  filter:
                    enabled:
                      - name: Foo
            """, "profiles[0].plugins.filter.enabled[0].name: unknown plugin \"Foo\""),
        Arguments.of("unknown plugin close to a known one", """
            profiles:
              - plugins:
                  score:
                    enabled:
                      - name: NodeAfinity
            """, "profiles[0].plugins.score.enabled[0].name: unknown plugin \"NodeAfinity\";"
            + " did you mean \"NodeAffinity\"?"),
        Arguments.of("unknown plugin where few are valid", """
            profiles:
              - plugins:
                  bind:
                    enabled:
                      - name: MyBinder
            """, "profiles[0].plugins.bind.enabled[0].name: unknown plugin \"MyBinder\";"
            + " known bind plugins: DefaultBinder"),
        Arguments.of("plugin schedlab does not model", """
            profiles:
              - plugins:
                  multiPoint:
                    enabled:
                      - name: VolumeBinding
            """, "profiles[0].plugins.multiPoint.enabled[0].name: unknown plugin"
            + " \"VolumeBinding\" (not modelled by schedlab yet)"),
        Arguments.of("plugin upstream removed", """
            profiles:
              - plugins:
                  filter:
                    enabled:
                      - name: EBSLimits
            """, "profiles[0].plugins.filter.enabled[0].name: unknown plugin \"EBSLimits\""
            + " (removed from upstream kube-scheduler; NodeVolumeLimits enforces volume limits)"),
        Arguments.of("plugin at a point it does not implement", """
            profiles:
              - plugins:
                  filter:
                    enabled:
                      - name: ImageLocality
            """, "profiles[0].plugins.filter.enabled[0].name: plugin \"ImageLocality\" does not"
            + " extend filter; it implements score"),
        Arguments.of("plugin enabled twice at one point", """
            profiles:
              - plugins:
                  score:
                    enabled:
                      - name: ImageLocality
                      - name: NodeAffinity
                      - name: ImageLocality
                        weight: 2
            """, "profiles[0].plugins.score.enabled[2].name: plugin \"ImageLocality\" is enabled"
            + " twice (also enabled[0])"),
        Arguments.of("plugin enabled twice in multiPoint", """
            profiles:
              - plugins:
                  multiPoint:
                    enabled:
                      - name: Coscheduling
                      - name: Coscheduling
            """, "profiles[0].plugins.multiPoint.enabled[1].name: plugin \"Coscheduling\" is"
            + " enabled twice (also enabled[0])"),
        Arguments.of("score weight zero", """
            profiles:
              - plugins:
                  score:
                    enabled:
                      - name: ImageLocality
                        weight: 2
                      - name: NodeAffinity
                        weight: 0
            """, "profiles[0].plugins.score.enabled[1].weight: must be a positive integer, got 0"),
        Arguments.of("negative weight on a scoring multiPoint plugin", """
            profiles:
              - plugins:
                  multiPoint:
                    enabled:
                      - name: TaintToleration
                        weight: -3
            """, "profiles[0].plugins.multiPoint.enabled[0].weight: must be a positive integer,"
            + " got -3"),
        Arguments.of("star is for disabled only", """
            profiles:
              - plugins:
                  filter:
                    enabled:
                      - name: '*'
            """, "profiles[0].plugins.filter.enabled[0].name: \"*\" is only allowed in disabled"),
        Arguments.of("plugin without a name", """
            profiles:
              - plugins:
                  score:
                    enabled:
                      - weight: 3
            """, "profiles[0].plugins.score.enabled[0].name: required"),
        Arguments.of("null plugin entry", """
            profiles:
              - plugins:
                  score:
                    disabled:
                      -
            """, "profiles[0].plugins.score.disabled[0]: must be a mapping with a name, got null"),
        Arguments.of("unknown disabled plugin", """
            profiles:
              - plugins:
                  preScore:
                    disabled:
                      - name: NodeAffinityy
            """, "profiles[0].plugins.preScore.disabled[0].name: unknown plugin"
            + " \"NodeAffinityy\"; did you mean \"NodeAffinity\"?"),
        Arguments.of("pluginConfig for an unknown plugin", """
            profiles:
              - pluginConfig:
                  - name: Foo
                    args: {}
            """, "profiles[0].pluginConfig[0].name: unknown plugin \"Foo\""),
        Arguments.of("pluginConfig for a plugin schedlab does not model", """
            profiles:
              - pluginConfig:
                  - name: VolumeBinding
                    args:
                      bindTimeoutSeconds: 600
            """, "profiles[0].pluginConfig[0].name: unknown plugin \"VolumeBinding\""
            + " (not modelled by schedlab yet)"),
        Arguments.of("pluginConfig twice for one plugin", """
            profiles:
              - pluginConfig:
                  - name: InterPodAffinity
                    args: {hardPodAffinityWeight: 2}
                  - name: InterPodAffinity
                    args: {hardPodAffinityWeight: 3}
            """, "profiles[0].pluginConfig[1].name: duplicate config for plugin"
            + " \"InterPodAffinity\" (also pluginConfig[0])"),
        Arguments.of("pluginConfig without a name", """
            profiles:
              - pluginConfig:
                  - args: {}
            """, "profiles[0].pluginConfig[0].name: required"),
        Arguments.of("pluginConfig args that are not a mapping", """
            profiles:
              - pluginConfig:
                  - name: NodeResourcesFit
                    args: [cpu, memory]
            """, "profiles[0].pluginConfig[0].args: must be a mapping, got a list"),
        Arguments.of("no queue sort plugin", """
            profiles:
              - plugins:
                  multiPoint:
                    disabled:
                      - name: PrioritySort
            """, "profiles[0].plugins.queueSort: exactly one queue sort plugin is required,"
            + " got 0"),
        Arguments.of("two queue sort plugins", """
            profiles:
              - plugins:
                  queueSort:
                    enabled:
                      - name: Coscheduling
            """, "profiles[0].plugins.queueSort: exactly one queue sort plugin is required,"
            + " got 2 (PrioritySort, Coscheduling)"),
        Arguments.of("no bind plugin", """
            profiles:
              - plugins:
                  bind:
                    disabled:
                      - name: '*'
            """, "profiles[0].plugins.bind: at least one bind plugin is required, got none"),
        Arguments.of("profiles sort the one queue differently", """
            profiles:
              - schedulerName: a
              - schedulerName: b
                plugins:
                  multiPoint:
                    enabled:
                      - name: Coscheduling
                    disabled:
                      - name: PrioritySort
            """, "profiles[1].plugins.queueSort: must be the same for all profiles: profiles[0]"
            + " uses \"PrioritySort\", this profile \"Coscheduling\""),
        Arguments.of("profiles configure the queue sort plugin differently", """
            profiles:
              - schedulerName: a
              - schedulerName: b
                pluginConfig:
                  - name: PrioritySort
                    args: {reverse: true}
            """, "profiles[1].pluginConfig: args of queue sort plugin \"PrioritySort\" must be"
            + " the same for all profiles"),
        Arguments.of("scheduler extenders", """
            extenders:
              - urlPrefix: http://127.0.0.1:8888/
                filterVerb: filter
            """, "extenders: not supported by schedlab (extenders are HTTP services outside the"
            + " scheduler)"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalid")
  void rejectsWithAMessageNamingTheField(String name, String body, String message) {
    assertThatThrownBy(() -> parse(body))
        .isInstanceOf(ConfigException.class)
        .hasMessage("test.yaml: " + message);
  }

  static Stream<Arguments> valid() {
    return Stream.of(
        Arguments.of("percentages at both ends", """
            percentageOfNodesToScore: 0
            profiles:
              - schedulerName: a
                percentageOfNodesToScore: 100
            """),
        Arguments.of("equal backoffs", """
            podInitialBackoffSeconds: 7
            podMaxBackoffSeconds: 7
            """),
        Arguments.of("disabling what schedlab does not model or upstream removed", """
            profiles:
              - plugins:
                  filter:
                    disabled:
                      - name: VolumeZone
                      - name: EBSLimits
            """),
        Arguments.of("same queue sort args in every profile", """
            profiles:
              - schedulerName: a
                pluginConfig:
                  - name: PrioritySort
                    args: {}
              - schedulerName: b
            """),
        Arguments.of("a weight on a multiPoint plugin that does not score is ignored", """
            profiles:
              - plugins:
                  multiPoint:
                    enabled:
                      - name: NodeName
                        weight: 0
            """),
        Arguments.of("an explicit null args is no args", """
            profiles:
              - pluginConfig:
                  - name: NodeAffinity
                    args: null
            """),
        Arguments.of("empty extenders", """
            extenders: []
            """));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("valid")
  void accepts(String name, String body) {
    assertThatCode(() -> parse(body)).doesNotThrowAnyException();
  }

  private static SchedulerConfig parse(String body) {
    return SchedulerConfigLoader.parse("""
        apiVersion: kubescheduler.config.k8s.io/v1
        kind: KubeSchedulerConfiguration
        """ + body, "test.yaml", CATALOG);
  }
}
