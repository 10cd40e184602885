package io.schedlab.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class VirtualClockTest {
  @ParameterizedTest(name = "{0}ns -> {1} / {2}")
  @CsvSource(delimiter = '|', value = {
      "0              | 2026-01-01T00:00:00Z | 2026-01-01T00:00:00.000000Z",
      "1999999999     | 2026-01-01T00:00:01Z | 2026-01-01T00:00:01.999999Z",
      "5250000000     | 2026-01-01T00:00:05Z | 2026-01-01T00:00:05.250000Z",
      "90061000000000 | 2026-01-02T01:01:01Z | 2026-01-02T01:01:01.000000Z",
  })
  void rendersTimestampsFromTheDefaultEpoch(long nanos, String seconds, String micros) {
    EventLoop loop = new EventLoop();
    loop.runUntil(nanos);
    assertThat(loop.clock().rfc3339()).isEqualTo(seconds);
    assertThat(loop.clock().rfc3339Micro()).isEqualTo(micros);
  }

  @Test
  void startsAtZeroAndReportsSeconds() {
    VirtualClock clock = new VirtualClock();
    assertThat(clock.nowNanos()).isZero();
    clock.advanceTo(2_500_000_000L);
    assertThat(clock.nowSeconds()).isEqualTo(2.5);
    assertThat(clock.instant()).isEqualTo(Instant.parse("2026-01-01T00:00:02.5Z"));
  }

  @Test
  void usesAGivenEpoch() {
    VirtualClock clock = new VirtualClock(Instant.parse("2024-02-29T23:59:59Z"));
    clock.advanceTo(1_000_000_000L);
    assertThat(clock.rfc3339()).isEqualTo("2024-03-01T00:00:00Z");
  }
}
