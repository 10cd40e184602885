package io.schedlab.traces;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TraceFormatsTest {
  @Test
  void theNativeFormatIsRegistered() {
    assertThat(TraceFormats.get("jsonl").name()).isEqualTo("jsonl");
    assertThat(TraceFormats.names()).contains("jsonl");
  }

  @Test
  void anUnknownNameListsTheKnownOnes() {
    assertThat(TraceFormats.find("nope")).isNull();
    assertThatThrownBy(() -> TraceFormats.get("nope"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("unknown trace format 'nope'; expected one of jsonl");
  }
}
