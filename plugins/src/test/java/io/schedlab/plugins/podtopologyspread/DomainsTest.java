package io.schedlab.plugins.podtopologyspread;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DomainsTest {
  @ParameterizedTest(name = "{0} values, expected {1}")
  @CsvSource({"1, 1", "5, 4", "100, 8", "5000, 5000"})
  void numbersValuesInFirstSeenOrderThroughGrowth(int values, int expected) {
    Domains d = new Domains(expected);
    // Ids spread over a wide range, added twice: the second pass must find, not add.
    for (int pass = 0; pass < 2; pass++) {
      for (int i = 0; i < values; i++) {
        assertThat(d.add(i * 7919)).isEqualTo(i);
      }
    }
    assertThat(d.size()).isEqualTo(values);
    for (int i = 0; i < values; i++) {
      assertThat(d.find(i * 7919)).isEqualTo(i);
      assertThat(d.value(i)).isEqualTo(i * 7919);
    }
    assertThat(d.find(-5)).isEqualTo(-1);
    assertThat(d.find(values * 7919 + 1)).isEqualTo(-1);
  }

  @ParameterizedTest(name = "copy with {0} values")
  @CsvSource({"3", "40"})
  void withLeavesTheOriginalAlone(int values) {
    Domains d = new Domains(4);
    for (int i = 0; i < values; i++) {
      d.add(i);
    }
    Domains more = d.with(1000);
    assertThat(more.size()).isEqualTo(values + 1);
    assertThat(more.find(1000)).isEqualTo(values);
    assertThat(d.size()).isEqualTo(values);
    assertThat(d.find(1000)).isEqualTo(-1);
  }
}
