package io.schedlab.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ClusterSamplerTest {
  @Test
  void aNonPositivePeriodIsAnError() {
    assertThatThrownBy(() -> new ClusterSampler(0)).hasMessageContaining("sample period");
  }

  @Test
  void anUnknownSeriesIsAnError() {
    assertThat(new ClusterSampler().names()).isEmpty();
    assertThatThrownBy(() -> new ClusterSampler().values("allocation_cpu"))
        .hasMessageContaining("\"allocation_cpu\"");
  }
}
