package io.schedlab.config;

import static io.schedlab.config.ExtensionPoint.BIND;
import static io.schedlab.config.ExtensionPoint.FILTER;
import static io.schedlab.config.ExtensionPoint.PERMIT;
import static io.schedlab.config.ExtensionPoint.POST_BIND;
import static io.schedlab.config.ExtensionPoint.POST_FILTER;
import static io.schedlab.config.ExtensionPoint.PRE_BIND;
import static io.schedlab.config.ExtensionPoint.PRE_ENQUEUE;
import static io.schedlab.config.ExtensionPoint.PRE_FILTER;
import static io.schedlab.config.ExtensionPoint.PRE_SCORE;
import static io.schedlab.config.ExtensionPoint.QUEUE_SORT;
import static io.schedlab.config.ExtensionPoint.RESERVE;
import static io.schedlab.config.ExtensionPoint.SCORE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The configuration of a scheduler without a config file: upstream's defaults, expanded. */
class DefaultConfigTest {

  private static final SchedulerConfig DEFAULTS =
      SchedulerConfig.defaults(InTreeCatalog.modelled());

  @Test
  void globalDefaultsAreUpstreams() {
    assertThat(DEFAULTS.parallelism()).isEqualTo(16);
    assertThat(DEFAULTS.percentageOfNodesToScore()).isZero();
    assertThat(DEFAULTS.podInitialBackoffSeconds()).isEqualTo(1);
    assertThat(DEFAULTS.podMaxBackoffSeconds()).isEqualTo(10);
    assertThat(DEFAULTS.profiles()).extracting(ProfileConfig::schedulerName)
        .containsExactly("default-scheduler");
    ProfileConfig profile = DEFAULTS.profiles().get(0);
    assertThat(profile.percentageOfNodesToScore()).isZero();
    assertThat(profile.pluginArgs()).isEmpty();
  }

  @Test
  void defaultPluginsPerExtensionPoint() {
    ProfileConfig profile = DEFAULTS.profiles().get(0);
    assertThat(names(profile, PRE_ENQUEUE)).containsExactly("SchedulingGates", "DefaultPreemption");
    assertThat(names(profile, QUEUE_SORT)).containsExactly("PrioritySort");
    assertThat(names(profile, PRE_FILTER)).containsExactly(
        "NodeAffinity", "NodePorts", "NodeResourcesFit", "PodTopologySpread", "InterPodAffinity");
    assertThat(names(profile, FILTER)).containsExactly(
        "NodeUnschedulable", "NodeName", "TaintToleration", "NodeAffinity", "NodePorts",
        "NodeResourcesFit", "PodTopologySpread", "InterPodAffinity");
    assertThat(names(profile, POST_FILTER)).containsExactly("DefaultPreemption");
    assertThat(names(profile, PRE_SCORE)).containsExactly(
        "TaintToleration", "NodeAffinity", "NodeResourcesFit", "PodTopologySpread",
        "InterPodAffinity", "NodeResourcesBalancedAllocation");
    assertThat(profile.pluginsAt(SCORE)).containsExactly(
        new PluginRef("TaintToleration", 3),
        new PluginRef("NodeAffinity", 2),
        new PluginRef("NodeResourcesFit", 1),
        new PluginRef("PodTopologySpread", 2),
        new PluginRef("InterPodAffinity", 2),
        new PluginRef("NodeResourcesBalancedAllocation", 1),
        new PluginRef("ImageLocality", 1));
    assertThat(names(profile, BIND)).containsExactly("DefaultBinder");
    assertThat(profile.pluginsAt(RESERVE)).isEmpty();
    assertThat(profile.pluginsAt(PERMIT)).isEmpty();
    assertThat(profile.pluginsAt(PRE_BIND)).isEmpty();
    assertThat(profile.pluginsAt(POST_BIND)).isEmpty();
  }

  @Test
  void onlyScorePluginsCarryWeights() {
    ProfileConfig profile = DEFAULTS.profiles().get(0);
    for (ExtensionPoint point : ExtensionPoint.values()) {
      for (PluginRef ref : profile.pluginsAt(point)) {
        if (point == SCORE) {
          assertThat(ref.weight()).as(ref.name()).isPositive();
        } else {
          assertThat(ref.weight()).as(point + " " + ref.name()).isNull();
        }
      }
    }
  }

  @Test
  void unmodelledDefaultsAreDroppedAndListed() {
    assertThat(DEFAULTS.droppedDefaults()).containsExactly(
        "VolumeRestrictions", "NodeVolumeLimits", "VolumeBinding", "VolumeZone",
        "DynamicResources");
    assertThat(SchedulerConfig.NOT_MODELLED).containsExactlyInAnyOrderElementsOf(
        DEFAULTS.droppedDefaults());
  }

  @Test
  void aCatalogWithVolumeAndDraPluginsKeepsThem() {
    SchedulerConfig config = SchedulerConfig.defaults(InTreeCatalog.upstream());
    ProfileConfig profile = config.profiles().get(0);
    assertThat(config.droppedDefaults()).isEmpty();
    assertThat(names(profile, PRE_ENQUEUE))
        .containsExactly("SchedulingGates", "DynamicResources", "DefaultPreemption");
    assertThat(names(profile, PRE_FILTER)).containsExactly(
        "NodeAffinity", "NodePorts", "NodeResourcesFit", "VolumeRestrictions", "NodeVolumeLimits",
        "VolumeBinding", "VolumeZone", "PodTopologySpread", "InterPodAffinity",
        "DynamicResources");
    assertThat(names(profile, FILTER)).containsExactly(
        "NodeUnschedulable", "NodeName", "TaintToleration", "NodeAffinity", "NodePorts",
        "NodeResourcesFit", "VolumeRestrictions", "NodeVolumeLimits", "VolumeBinding",
        "VolumeZone", "PodTopologySpread", "InterPodAffinity", "DynamicResources");
    assertThat(names(profile, POST_FILTER)).containsExactly("DynamicResources", "DefaultPreemption");
    assertThat(profile.pluginsAt(SCORE)).containsExactly(
        new PluginRef("TaintToleration", 3),
        new PluginRef("NodeAffinity", 2),
        new PluginRef("NodeResourcesFit", 1),
        new PluginRef("VolumeBinding", 1),
        new PluginRef("PodTopologySpread", 2),
        new PluginRef("InterPodAffinity", 2),
        new PluginRef("DynamicResources", 1),
        new PluginRef("NodeResourcesBalancedAllocation", 1),
        new PluginRef("ImageLocality", 1));
    assertThat(names(profile, RESERVE)).containsExactly("VolumeBinding", "DynamicResources");
    assertThat(names(profile, PRE_BIND)).containsExactly("VolumeBinding", "DynamicResources");
  }

  @Test
  void aMinimalFileGivesTheDefaults() {
    SchedulerConfig parsed = SchedulerConfigLoader.parse("""
        apiVersion: kubescheduler.config.k8s.io/v1
        kind: KubeSchedulerConfiguration
        """, "minimal.yaml", InTreeCatalog.modelled());
    assertThat(parsed).isEqualTo(DEFAULTS);
  }

  @Test
  void aCatalogMissingADefaultDropsItAndSaysSo() {
    SchedulerConfig config = SchedulerConfig.defaults(InTreeCatalog.modelled().without("ImageLocality"));
    assertThat(config.droppedDefaults()).contains("ImageLocality");
    assertThat(names(config.profiles().get(0), SCORE)).doesNotContain("ImageLocality");
  }

  @Test
  void resolvedConfigIsImmutable() {
    ProfileConfig profile = DEFAULTS.profiles().get(0);
    assertThatThrownBy(() -> profile.pluginsAt(FILTER).clear())
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> profile.plugins().put(FILTER, List.of()))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> DEFAULTS.profiles().clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }

  static List<String> names(ProfileConfig profile, ExtensionPoint point) {
    List<String> names = new ArrayList<>();
    for (PluginRef ref : profile.pluginsAt(point)) {
      names.add(ref.name());
    }
    return names;
  }
}
