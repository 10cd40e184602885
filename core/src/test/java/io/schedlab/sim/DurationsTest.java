package io.schedlab.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DurationsTest {
  @ParameterizedTest(name = "{0} -> {1}ns")
  @CsvSource(delimiter = '|', value = {
      "0                           | 0",
      "+0                          | 0",
      "0s                          | 0",
      "10s                         | 10000000000",
      "5m                          | 300000000000",
      "2h                          | 7200000000000",
      "1.5s                        | 1500000000",
      ".5s                         | 500000000",
      "1.s                         | 1000000000",
      "300ms                       | 300000000",
      "1h30m                       | 5400000000000",
      "2h45m30.5s                  | 9930500000000",
      "1us                         | 1000",
      "1\u00b5s                    | 1000",
      "1\u03bcs                    | 1000",
      "100ns                       | 100",
      "-1.5h                       | -5400000000000",
      "+5s                         | 5000000000",
      "1.000000001s                | 1000000001",
      "0.1ms                       | 100000",
      "9223372036854775807ns       | 9223372036854775807",
      "-9223372036854775808ns      | -9223372036854775808",
      "2562047h47m16.854775807s    | 9223372036854775807",
  })
  void parses(String text, long nanos) {
    assertThat(Durations.parse(text)).isEqualTo(nanos);
  }

  @ParameterizedTest(name = "\"{0}\" fails: {1}")
  @CsvSource(delimiter = '|', value = {
      "''                      | expected a number",
      "-                       | expected a number",
      "s                       | expected a digit at offset 0",
      "10                      | missing unit",
      "1.                      | missing unit",
      ".s                      | expected digits around '.'",
      "1x                      | unknown unit \"x\"",
      "1h-1m                   | unknown unit \"h-\"",
      "--1s                    | expected a digit at offset 1",
      "9223372036854775808ns   | value out of range",
      "2562048h                | value out of range",
      "2562047h47m16.9s        | value out of range",
      "99999999999999999999s   | value out of range",
  })
  void rejects(String text, String why) {
    assertThatThrownBy(() -> Durations.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("invalid duration \"" + text + "\": ")
        .hasMessageContaining(why);
  }

  @Test
  void rejectsNull() {
    assertThatThrownBy(() -> Durations.parse(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("got null");
  }

  @ParameterizedTest(name = "{0}ns -> {1}")
  @CsvSource(delimiter = '|', value = {
      "0                     | 0s",
      "1                     | 1ns",
      "999                   | 999ns",
      "1500                  | 1.5\u00b5s",
      "1000001               | 1.000001ms",
      "300000000             | 300ms",
      "1500000000            | 1.5s",
      "1000000000            | 1s",
      "90000000000           | 1m30s",
      "3600000000000         | 1h0m0s",
      "5400000000000         | 1h30m0s",
      "9930500000000         | 2h45m30.5s",
      "-1500000000           | -1.5s",
      "-1                    | -1ns",
      "9223372036854775807   | 2562047h47m16.854775807s",
      "-9223372036854775808  | -2562047h47m16.854775808s",
  })
  void formatsLikeGo(long nanos, String text) {
    assertThat(Durations.format(nanos)).isEqualTo(text);
  }

  @Test
  void formatThenParseIsIdentity() {
    Random random = new Random(20260101L);
    for (int i = 0; i < 10_000; i++) {
      long nanos = switch (i % 4) {
        case 0 -> random.nextLong();
        case 1 -> random.nextInt(1_000_000_000);
        case 2 -> (long) random.nextInt(100_000) * Durations.MILLISECOND;
        default -> (long) random.nextInt(1000) * Durations.MINUTE;
      };
      assertThat(Durations.parse(Durations.format(nanos))).as("nanos %d", nanos).isEqualTo(nanos);
    }
  }

  @Test
  void helpers() {
    assertThat(Durations.seconds(1.5)).isEqualTo(1_500_000_000L);
    assertThat(Durations.millis(250)).isEqualTo(250_000_000L);
  }
}
