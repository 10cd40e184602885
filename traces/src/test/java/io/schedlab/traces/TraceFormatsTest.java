package io.schedlab.traces;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TraceFormatsTest {
  @Test
  void everyFormatIsRegisteredByItsName() {
    assertThat(TraceFormats.names())
        .containsExactly(
            "jsonl", "alibaba-gpu-2023", "kube-dump", "alibaba-2018", "alibaba-2017",
            "google-2011", "alibaba-gpu-2020", "alibaba-gpu-2025", "philly-2017");
    for (TraceFormat format : TraceFormats.all()) {
      assertThat(TraceFormats.get(format.name())).isSameAs(format);
      assertThat(format.description()).isNotBlank().doesNotContain("\n");
    }
  }

  @Test
  void anUnknownNameListsTheKnownOnes() {
    assertThat(TraceFormats.find("nope")).isNull();
    assertThatThrownBy(() -> TraceFormats.get("nope"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("unknown trace format 'nope'; expected one of jsonl, alibaba-gpu-2023");
  }
}
