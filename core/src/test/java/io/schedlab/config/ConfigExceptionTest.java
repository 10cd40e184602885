package io.schedlab.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The parts of a ConfigException, and configurations resolved from records built in code. */
class ConfigExceptionTest {

  @Test
  void fieldErrorsExposeSourceFieldAndProblem() {
    ConfigException e = catchThrowableOfType(ConfigException.class,
        () -> SchedulerConfigLoader.resolve(new KubeSchedulerConfiguration(
            null, null, null, null, 5L, 4L, List.of()), "code", InTreeCatalog.modelled()));
    assertThat(e.source()).isEqualTo("code");
    assertThat(e.location()).isEqualTo("podMaxBackoffSeconds");
    assertThat(e.problem())
        .isEqualTo("must be greater than or equal to podInitialBackoffSeconds (5), got 4");
  }

  @Test
  void syntaxErrorsExposeTheirPosition() {
    ConfigException e = catchThrowableOfType(ConfigException.class,
        () -> SchedulerConfigLoader.parse("a: b: c\n", "bad.yaml", InTreeCatalog.modelled()));
    assertThat(e.source()).isEqualTo("bad.yaml");
    assertThat(e.location()).isEqualTo("1:5");
    assertThat(e.problem()).isEqualTo("invalid YAML: mapping values are not allowed here");
  }

  @Test
  void recordsBuiltInCodeResolveLikeAFile() {
    KubeSchedulerProfile profile = new KubeSchedulerProfile("packer", 30,
        new Plugins(null, null, null, null, null, null,
            new PluginSet(List.of(new PluginRef("ImageLocality", 4)), null),
            null, null, null, null, null, null),
        null);
    SchedulerConfig config = SchedulerConfigLoader.resolve(new KubeSchedulerConfiguration(
        null, null, 2, null, null, null, List.of(profile)), "code", InTreeCatalog.modelled());
    assertThat(config.parallelism()).isEqualTo(2);
    assertThat(config.profiles().get(0).percentageOfNodesToScore()).isEqualTo(30);
    assertThat(config.profiles().get(0).pluginsAt(ExtensionPoint.SCORE))
        .startsWith(new PluginRef("ImageLocality", 4));
  }
}
