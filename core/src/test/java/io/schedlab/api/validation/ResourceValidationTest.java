package io.schedlab.api.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.schedlab.testing.NodeBuilder;
import io.schedlab.testing.PodBuilder;
import org.junit.jupiter.api.Test;

class ResourceValidationTest {
  @Test
  void validPodAndNodePass() {
    assertThat(ResourceValidation.podSpec(
        PodBuilder.pod("p").req("cpu", "1").limit("cpu", "2").build().spec(), "spec")).isNull();
    assertThat(ResourceValidation.node(NodeBuilder.node("n").capacity("cpu", "4").build())).isNull();
  }

  @Test
  void negativeRequestNamesTheField() {
    assertThat(ResourceValidation.podSpec(PodBuilder.pod("p").req("cpu", "-1").build().spec(), "spec"))
        .isEqualTo("spec.containers[0].resources.requests[cpu]: Invalid value: \"-1\": must be greater than or equal to 0");
  }

  @Test
  void negativeOverheadAndInitContainerAreCaught() {
    assertThat(ResourceValidation.podSpec(PodBuilder.pod("p").overhead("memory", "-1Mi").build().spec(), "spec"))
        .startsWith("spec.overhead[memory]: Invalid value: \"-1Mi\"");
    assertThat(ResourceValidation.podSpec(
        PodBuilder.pod("p").initContainer("init", false).req("cpu", "-100m").build().spec(), "spec"))
        .contains("requests[cpu]: Invalid value: \"-100m\"");
  }

  @Test
  void requestAboveLimitIsRejected() {
    assertThat(ResourceValidation.podSpec(
        PodBuilder.pod("p").req("memory", "2Gi").limit("memory", "1Gi").build().spec(), "spec"))
        .isEqualTo("spec.containers[0].resources.requests[memory]: Invalid value: \"2Gi\": must be less than or equal to memory limit of 1Gi");
  }

  @Test
  void negativeNodeCapacityIsRejected() {
    assertThat(ResourceValidation.node(NodeBuilder.node("n").capacity("cpu", "-4").build()))
        .startsWith("status.capacity[cpu]: Invalid value: \"-4\"");
  }
}
