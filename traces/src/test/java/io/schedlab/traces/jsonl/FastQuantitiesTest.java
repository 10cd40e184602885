package io.schedlab.traces.jsonl;

import static org.assertj.core.api.Assertions.assertThat;

import io.schedlab.api.Quantity;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FastQuantitiesTest {
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"0", "7", "100m", "1500m", "0m", "3k", "12M", "2G", "999999999G", "1Ki",
      "64Mi", "0Mi", "1024Mi", "3Gi", "2Ti", "000123", "999999999999999"})
  void simpleQuantitiesEqualTheGeneralParser(String text) {
    Quantity fast = FastQuantities.simple(text.toCharArray(), 0, text.length());
    Quantity general = Quantity.parse(text);
    assertThat(fast).isEqualTo(general);
    assertThat(fast.format()).isEqualTo(general.format());
    assertThat(fast.toString()).isEqualTo(general.toString());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"", "m", "1.5", "-1", "+1", "1e3", "1Pi", "1Ei", "1n", "1u", "1T",
      "1000000000G", "1000000000000000", " 1", "1 ", "1Mx", "1KI"})
  void anythingElseIsLeftToTheGeneralParser(String text) {
    assertThat(FastQuantities.simple(text.toCharArray(), 0, text.length())).isNull();
  }
}
