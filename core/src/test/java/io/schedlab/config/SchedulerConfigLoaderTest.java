package io.schedlab.config;

import static io.schedlab.config.DefaultConfigTest.names;
import static io.schedlab.config.ExtensionPoint.FILTER;
import static io.schedlab.config.ExtensionPoint.PRE_FILTER;
import static io.schedlab.config.ExtensionPoint.PRE_SCORE;
import static io.schedlab.config.ExtensionPoint.SCORE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Whole configuration files, as a user would write them, loaded from disk. */
class SchedulerConfigLoaderTest {
  private static final Path FIXTURES = Path.of("src/test/resources/config");
  private static final PluginCatalog CATALOG = InTreeCatalog.modelled();
  private static final ProfileConfig DEFAULT_PROFILE =
      SchedulerConfig.defaults(CATALOG).profiles().get(0);

  @Test
  void globalSettingsAreRead() {
    SchedulerConfig config = load("profiles.yaml");
    assertThat(config.parallelism()).isEqualTo(8);
    assertThat(config.percentageOfNodesToScore()).isEqualTo(40);
    assertThat(config.podInitialBackoffSeconds()).isEqualTo(2);
    assertThat(config.podMaxBackoffSeconds()).isEqualTo(30);
  }

  @Test
  void profilesAreKeptInOrderByName() {
    SchedulerConfig config = load("profiles.yaml");
    assertThat(config.profiles()).extracting(ProfileConfig::schedulerName)
        .containsExactly("default-scheduler", "no-scoring-scheduler", "bin-packing");
    assertThat(config.profile("bin-packing")).containsSame(config.profiles().get(2));
    assertThat(config.profile("nobody")).isEmpty();
  }

  @Test
  void percentageOfNodesToScoreFallsBackToTheGlobalValue() {
    SchedulerConfig config = load("profiles.yaml");
    assertThat(config.profiles()).extracting(ProfileConfig::percentageOfNodesToScore)
        .containsExactly(40, 70, 40);
  }

  @Test
  void aProfileWithoutPluginsGetsTheDefaults() {
    ProfileConfig profile = load("profiles.yaml").profiles().get(0);
    assertThat(profile.plugins()).isEqualTo(DEFAULT_PROFILE.plugins());
  }

  @Test
  void disablingStarEmptiesAnExtensionPoint() {
    ProfileConfig profile = load("profiles.yaml").profiles().get(1);
    assertThat(profile.pluginsAt(PRE_SCORE)).isEmpty();
    assertThat(profile.pluginsAt(SCORE)).isEmpty();
    assertThat(profile.pluginsAt(FILTER)).isEqualTo(DEFAULT_PROFILE.pluginsAt(FILTER));
  }

  @Test
  void aReconfiguredScorePluginMovesFirstWithItsWeight() {
    ProfileConfig profile = load("profiles.yaml").profiles().get(2);
    assertThat(profile.pluginsAt(SCORE)).containsExactly(
        new PluginRef("NodeResourcesFit", 5),
        new PluginRef("TaintToleration", 3),
        new PluginRef("NodeAffinity", 2),
        new PluginRef("PodTopologySpread", 2),
        new PluginRef("InterPodAffinity", 2),
        new PluginRef("ImageLocality", 1));
    // Disabled for score only: its preScore half still runs.
    assertThat(names(profile, PRE_SCORE)).contains("NodeResourcesBalancedAllocation");
  }

  @Test
  void pluginArgsAreKeptAsWritten() {
    ProfileConfig profile = load("profiles.yaml").profiles().get(2);
    assertThat(profile.pluginArgs().keySet())
        .containsExactly("NodeResourcesFit", "DefaultPreemption");
    assertThat(profile.argsOf("NodeResourcesFit").orElseThrow()
        .at("/scoringStrategy/type").asText()).isEqualTo("MostAllocated");
    assertThat(profile.argsOf("NodeResourcesFit").orElseThrow()
        .at("/scoringStrategy/resources/1/name").asText()).isEqualTo("memory");
    assertThat(profile.argsOf("DefaultPreemption").orElseThrow()
        .get("minCandidateNodesAbsolute").asInt()).isEqualTo(50);
    assertThat(profile.argsOf("ImageLocality")).isEmpty();
  }

  @Test
  void multiPointWeightsAndDisablesApplyEverywhere() {
    SchedulerConfig config = load("multipoint.yaml");
    ProfileConfig profile = config.profiles().get(0);
    assertThat(profile.schedulerName()).isEqualTo("spread-first");
    assertThat(profile.pluginsAt(SCORE)).containsExactly(
        new PluginRef("TaintToleration", 1),
        new PluginRef("NodeAffinity", 2),
        new PluginRef("NodeResourcesFit", 1),
        new PluginRef("PodTopologySpread", 5),
        new PluginRef("InterPodAffinity", 2),
        new PluginRef("NodeResourcesBalancedAllocation", 1));
    assertThat(names(profile, FILTER)).containsExactly(
        "NodeUnschedulable", "NodeName", "TaintToleration", "NodeAffinity", "NodeResourcesFit",
        "PodTopologySpread", "InterPodAffinity");
    assertThat(names(profile, PRE_FILTER)).contains("NodePorts");
    assertThat(profile.argsOf("PodTopologySpread").orElseThrow()
        .at("/defaultConstraints/0/topologyKey").asText())
        .isEqualTo("topology.kubernetes.io/zone");
    // The user disabled VolumeBinding, so it was not dropped from anything.
    assertThat(config.droppedDefaults()).containsExactly(
        "VolumeRestrictions", "NodeVolumeLimits", "VolumeZone", "DynamicResources");
  }

  @Test
  void jsonIsReadToo() {
    SchedulerConfig config = load("profiles.json");
    assertThat(config.parallelism()).isEqualTo(4);
    assertThat(config.podInitialBackoffSeconds()).isEqualTo(1);
    assertThat(config.podMaxBackoffSeconds()).isEqualTo(60);
    ProfileConfig profile = config.profiles().get(0);
    assertThat(profile.schedulerName()).isEqualTo("json-scheduler");
    assertThat(profile.percentageOfNodesToScore()).isEqualTo(100);
    assertThat(profile.pluginsAt(SCORE)).startsWith(new PluginRef("ImageLocality", 10));
  }

  @Test
  void yamlSyntaxErrorsCarryLineAndColumn() {
    assertThatThrownBy(() -> load("syntax-error.yaml"))
        .isInstanceOf(ConfigException.class)
        .hasMessage(FIXTURES.resolve("syntax-error.yaml")
            + ":6:21: invalid YAML: mapping values are not allowed here");
  }

  @Test
  void wrongTypesCarryTheFieldPath() {
    assertThatThrownBy(() -> load("wrong-type.yaml"))
        .isInstanceOf(ConfigException.class)
        .hasMessage(FIXTURES.resolve("wrong-type.yaml") + ":9:21: profiles[0].plugins.score"
            + ".enabled[0].weight: expected an integer, got \"heavy\"");
  }

  @Test
  void olderApiVersionsAreRejected() {
    assertThatThrownBy(() -> load("v1beta3.yaml"))
        .isInstanceOf(ConfigException.class)
        .hasMessage(FIXTURES.resolve("v1beta3.yaml") + ": apiVersion:"
            + " \"kubescheduler.config.k8s.io/v1beta3\" is no longer supported;"
            + " use \"kubescheduler.config.k8s.io/v1\"");
  }

  @Test
  void aMissingFileIsAConfigError() {
    assertThatThrownBy(() -> load("nope.yaml"))
        .isInstanceOf(ConfigException.class)
        .hasMessage(FIXTURES.resolve("nope.yaml") + ": no such file");
  }

  private static SchedulerConfig load(String fixture) {
    return SchedulerConfigLoader.load(FIXTURES.resolve(fixture), CATALOG);
  }
}
