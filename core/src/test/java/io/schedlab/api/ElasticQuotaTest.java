package io.schedlab.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.schedlab.api.codec.KubeCodec;
import io.schedlab.api.codec.ManifestException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ElasticQuotaTest {
  private static String manifest(String spec) {
    return "apiVersion: scheduling.x-k8s.io/v1alpha1\nkind: ElasticQuota\nmetadata:\n"
        + "  name: q\n  namespace: team-a\nspec:\n" + spec;
  }

  @Test
  void readsMinAndMaxAsResourceListsAndKeepsAnAbsentListAbsent() {
    List<KubeObject> objects =
        KubeCodec.readAllText(manifest("  max:\n    cpu: 500m\n    memory: 1Gi\n"), "eq.yaml");
    assertThat(objects).hasSize(1);
    ElasticQuota eq = (ElasticQuota) objects.get(0);
    assertThat(eq.spec().min()).isNull();
    assertThat(eq.spec().max().get("cpu").milliValue()).isEqualTo(500);
    assertThat(eq.spec().max().get("memory").value()).isEqualTo(1L << 30);
    assertThat(eq.metadata().namespace()).isEqualTo("team-a");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "negative min | '  min:\n    cpu: \"-1\"\n' | ElasticQuota team-a/q: spec.min[cpu]: Invalid value: \"-1\": must be greater than or equal to 0",
        "negative max | '  max:\n    memory: -1Gi\n' | ElasticQuota team-a/q: spec.max[memory]: Invalid value: \"-1Gi\": must be greater than or equal to 0",
        "min above max | '  min:\n    cpu: \"3\"\n  max:\n    cpu: \"2\"\n' | ElasticQuota team-a/q: spec.min[cpu]: Invalid value: \"3\": must be less than or equal to spec.max[cpu] of 2",
      })
  void badQuotasAreOneLineErrorsNamingTheObjectAndField(String name, String spec, String expected) {
    assertThatThrownBy(() -> KubeCodec.readAllText(manifest(spec), "eq.yaml"))
        .isInstanceOf(ManifestException.class)
        .hasMessageContaining(expected)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  @Test
  void minBelowMaxAndResourcesOnlyInOneListAreFine() {
    ElasticQuota eq =
        (ElasticQuota)
            KubeCodec.readAllText(
                    manifest("  min:\n    cpu: \"2\"\n    pods: \"3\"\n  max:\n    cpu: \"2\"\n    memory: 1Gi\n"),
                    "eq.yaml")
                .get(0);
    assertThat(eq.spec().min()).containsKeys("cpu", "pods");
  }
}
