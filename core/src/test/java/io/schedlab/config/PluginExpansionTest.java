package io.schedlab.config;

import static io.schedlab.config.ExtensionPoint.BIND;
import static io.schedlab.config.ExtensionPoint.FILTER;
import static io.schedlab.config.ExtensionPoint.PERMIT;
import static io.schedlab.config.ExtensionPoint.POST_FILTER;
import static io.schedlab.config.ExtensionPoint.PRE_ENQUEUE;
import static io.schedlab.config.ExtensionPoint.PRE_FILTER;
import static io.schedlab.config.ExtensionPoint.PRE_SCORE;
import static io.schedlab.config.ExtensionPoint.QUEUE_SORT;
import static io.schedlab.config.ExtensionPoint.RESERVE;
import static io.schedlab.config.ExtensionPoint.SCORE;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The user's plugin sets merged into the defaults and multiPoint expanded, as upstream's
 * mergePluginSet and expandMultiPointPlugins do. Each case is the {@code plugins:} block of one
 * profile and the resulting plugins at one extension point ({@code Name:weight} for score).
 */
class PluginExpansionTest {
  /** The modelled in-tree plugins plus an out-of-tree gang scheduler with its own queue sort. */
  private static final PluginCatalog CATALOG = InTreeCatalog.modelled()
      .with("Coscheduling", QUEUE_SORT, PRE_FILTER, POST_FILTER, RESERVE, PERMIT);

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("a default re-enabled at its own point runs first there", """
            filter:
              enabled:
                - name: NodePorts
            """, FILTER, List.of("NodePorts", "NodeUnschedulable", "NodeName", "TaintToleration",
            "NodeAffinity", "NodeResourcesFit", "PodTopologySpread", "InterPodAffinity")),
        Arguments.of("disabled and enabled again at a point moves a default last there", """
            filter:
              disabled:
                - name: NodeName
              enabled:
                - name: NodeName
            """, FILTER, List.of("NodeUnschedulable", "TaintToleration", "NodeAffinity",
            "NodePorts", "NodeResourcesFit", "PodTopologySpread", "InterPodAffinity",
            "NodeName")),
        Arguments.of("star disables every default at that point only", """
            score:
              disabled:
                - name: '*'
              enabled:
                - name: ImageLocality
                  weight: 5
            """, SCORE, List.of("ImageLocality:5")),
        Arguments.of("star at score leaves preScore alone", """
            score:
              disabled:
                - name: '*'
            """, PRE_SCORE, List.of("TaintToleration", "NodeAffinity", "NodeResourcesFit",
            "PodTopologySpread", "InterPodAffinity", "NodeResourcesBalancedAllocation")),
        Arguments.of("a weight set at score wins over the multiPoint weight", """
            score:
              enabled:
                - name: TaintToleration
                  weight: 7
            """, SCORE, List.of("TaintToleration:7", "NodeAffinity:2", "NodeResourcesFit:1",
            "PodTopologySpread:2", "InterPodAffinity:2", "NodeResourcesBalancedAllocation:1",
            "ImageLocality:1")),
        Arguments.of("a score entry without weight scores 1 even if multiPoint says more", """
            score:
              enabled:
                - name: NodeAffinity
            """, SCORE, List.of("NodeAffinity:1", "TaintToleration:3", "NodeResourcesFit:1",
            "PodTopologySpread:2", "InterPodAffinity:2", "NodeResourcesBalancedAllocation:1",
            "ImageLocality:1")),
        Arguments.of("a multiPoint weight replaces the default one in place", """
            multiPoint:
              enabled:
                - name: InterPodAffinity
                  weight: 9
            """, SCORE, List.of("TaintToleration:3", "NodeAffinity:2", "NodeResourcesFit:1",
            "PodTopologySpread:2", "InterPodAffinity:9", "NodeResourcesBalancedAllocation:1",
            "ImageLocality:1")),
        Arguments.of("disabled and enabled again in multiPoint moves a default last", """
            multiPoint:
              disabled:
                - name: TaintToleration
              enabled:
                - name: TaintToleration
            """, SCORE, List.of("NodeAffinity:2", "NodeResourcesFit:1", "PodTopologySpread:2",
            "InterPodAffinity:2", "NodeResourcesBalancedAllocation:1", "ImageLocality:1",
            "TaintToleration:1")),
        Arguments.of("a multiPoint plugin disabled at one point still runs at the others", """
            preFilter:
              disabled:
                - name: InterPodAffinity
            """, FILTER, List.of("NodeUnschedulable", "NodeName", "TaintToleration",
            "NodeAffinity", "NodePorts", "NodeResourcesFit", "PodTopologySpread",
            "InterPodAffinity")),
        Arguments.of("...and is gone from that point", """
            preFilter:
              disabled:
                - name: InterPodAffinity
            """, PRE_FILTER, List.of("NodeAffinity", "NodePorts", "NodeResourcesFit",
            "PodTopologySpread")),
        Arguments.of("star in multiPoint keeps only the user's multiPoint plugins", """
            multiPoint:
              disabled:
                - name: '*'
              enabled:
                - name: PrioritySort
                - name: NodeName
                - name: ImageLocality
                  weight: 4
                - name: DefaultBinder
            """, SCORE, List.of("ImageLocality:4")),
        Arguments.of("...at every point", """
            multiPoint:
              disabled:
                - name: '*'
              enabled:
                - name: PrioritySort
                - name: NodeName
                - name: DefaultBinder
            """, PRE_ENQUEUE, List.of()),
        Arguments.of("a custom multiPoint plugin replaces the queue sort", """
            multiPoint:
              disabled:
                - name: PrioritySort
              enabled:
                - name: Coscheduling
            """, QUEUE_SORT, List.of("Coscheduling")),
        Arguments.of("...and joins after the defaults where they overlap", """
            multiPoint:
              disabled:
                - name: PrioritySort
              enabled:
                - name: Coscheduling
            """, POST_FILTER, List.of("DefaultPreemption", "Coscheduling")),
        Arguments.of("...and fills points no default uses", """
            multiPoint:
              disabled:
                - name: PrioritySort
              enabled:
                - name: Coscheduling
            """, PERMIT, List.of("Coscheduling")),
        Arguments.of("a plugin enabled at a single point stays out of the others", """
            queueSort:
              disabled:
                - name: '*'
              enabled:
                - name: Coscheduling
            """, RESERVE, List.of()),
        Arguments.of("a point-specific plugin goes after the multiPoint ones", """
            postFilter:
              enabled:
                - name: Coscheduling
            """, POST_FILTER, List.of("DefaultPreemption", "Coscheduling")),
        Arguments.of("bind can be left to the defaults while others change", """
            score:
              disabled:
                - name: '*'
            """, BIND, List.of("DefaultBinder")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void expandsLikeUpstream(
      String name, String plugins, ExtensionPoint point, List<String> expected) {
    String yaml = """
        apiVersion: kubescheduler.config.k8s.io/v1
        kind: KubeSchedulerConfiguration
        profiles:
          - schedulerName: test
            plugins:
        """ + plugins.indent(6);
    ProfileConfig profile =
        SchedulerConfigLoader.parse(yaml, "test.yaml", CATALOG).profiles().get(0);
    List<String> actual = new ArrayList<>();
    for (PluginRef ref : profile.pluginsAt(point)) {
      actual.add(ref.weight() == null ? ref.name() : ref.name() + ":" + ref.weight());
    }
    assertThat(actual).containsExactlyElementsOf(expected);
  }
}
