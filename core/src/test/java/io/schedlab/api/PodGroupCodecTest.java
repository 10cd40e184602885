package io.schedlab.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.schedlab.api.codec.KubeCodec;
import io.schedlab.api.codec.ManifestException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Both PodGroup API groups, and a pod's spec.schedulingGroup, read from manifests. */
class PodGroupCodecTest {
  private static final String MANIFEST =
      """
      apiVersion: scheduling.x-k8s.io/v1alpha1
      kind: PodGroup
      metadata: {name: sigs, namespace: ns}
      spec:
        minMember: 4
        scheduleTimeoutSeconds: 30
        minResources: {cpu: "2"}
      ---
      apiVersion: scheduling.k8s.io/v1beta1
      kind: PodGroup
      metadata: {name: gang-0, namespace: ns}
      spec:
        schedulingPolicy:
          gang:
            minCount: 3
      ---
      apiVersion: v1
      kind: Pod
      metadata: {name: p, namespace: ns}
      spec:
        schedulingGroup:
          podGroupName: gang-0
        containers: [{name: c, image: pause}]
      """;

  @Test
  void readsBothShapesOfPodGroupAndTheirMinMember() {
    List<KubeObject> objects = KubeCodec.readAllText(MANIFEST, "test");

    PodGroup sigs = (PodGroup) objects.get(0);
    PodGroup upstream = (PodGroup) objects.get(1);
    assertThat(sigs.upstreamKind()).isFalse();
    assertThat(sigs.minMember()).isEqualTo(4);
    assertThat(sigs.spec().scheduleTimeoutSeconds()).isEqualTo(30);
    assertThat(sigs.spec().minResources().get("cpu")).isEqualTo(Quantity.parse("2"));
    assertThat(upstream.upstreamKind()).isTrue();
    assertThat(upstream.apiVersion()).isEqualTo("scheduling.k8s.io/v1beta1");
    assertThat(upstream.minMember()).isEqualTo(3);
  }

  @Test
  void aPodKeepsItsSchedulingGroupThroughAWriteAndARead() {
    Pod pod = (Pod) KubeCodec.readAllText(MANIFEST, "test").get(2);

    Pod again = (Pod) KubeCodec.readAllText(KubeCodec.toYaml(pod), "again").get(0);

    assertThat(pod.spec().schedulingGroup()).isEqualTo(new PodSchedulingGroup("gang-0"));
    assertThat(again.spec()).isEqualTo(pod.spec());
    assertThat(pod.spec().withNodeName("n1").schedulingGroup()).isEqualTo(new PodSchedulingGroup("gang-0"));
  }

  @Test
  void aPodGroupWithoutTheFieldsOfItsGroupNeedsNoMembers() {
    PodGroup empty = new PodGroup("scheduling.k8s.io/v1alpha3", null, ObjectMeta.named("ns", "g"), null);

    assertThat(empty.minMember()).isZero();
    assertThat(new PodGroup(null, null, null, null).apiVersion()).isEqualTo(PodGroup.SIGS_API_VERSION);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "negative minMember | scheduling.x-k8s.io/v1alpha1 | 'minMember: -3' | PodGroup ns/g: spec.minMember: Invalid value: -3: must be greater than or equal to 0",
        "negative timeout | scheduling.x-k8s.io/v1alpha1 | 'scheduleTimeoutSeconds: -1' | PodGroup ns/g: spec.scheduleTimeoutSeconds: Invalid value: -1: must be greater than or equal to 0",
        "negative minResources | scheduling.x-k8s.io/v1alpha1 | 'minResources: {cpu: -2}' | PodGroup ns/g: spec.minResources[cpu]: Invalid value: \"-2\": must be greater than or equal to 0",
        "negative minCount | scheduling.k8s.io/v1beta1 | 'schedulingPolicy: {gang: {minCount: -1}}' | PodGroup ns/g: spec.schedulingPolicy.gang.minCount: Invalid value: -1: must be greater than or equal to 0",
      })
  void negativeCountsAndResourcesAreOneLineErrors(String name, String apiVersion, String spec, String expected) {
    String manifest = "apiVersion: " + apiVersion + "\nkind: PodGroup\nmetadata: {name: g, namespace: ns}\n"
        + "spec: {" + spec + "}\n";
    assertThatThrownBy(() -> KubeCodec.readAllText(manifest, "pg.yaml"))
        .isInstanceOf(ManifestException.class)
        .hasMessageContaining(expected)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }
}
