package io.schedlab.traces;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TraceFormatsTest {
  @Test
  void registersTheRecordedFormatsByName() {
    Map<String, TraceFormat> all = TraceFormats.all();
    assertThat(all).containsKeys("google-2011", "alibaba-gpu-2020", "alibaba-gpu-2025", "philly-2017");
    all.forEach((name, format) -> {
      assertThat(format.name()).isEqualTo(name);
      assertThat(format.description()).isNotBlank().doesNotContain("\n");
    });
  }
}
