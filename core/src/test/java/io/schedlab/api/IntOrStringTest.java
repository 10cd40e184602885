package io.schedlab.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.schedlab.api.codec.KubeCodec;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Cases from apimachinery's util/intstr/intstr_test.go. */
class IntOrStringTest {

  /** Upstream TestGetValueFromIntOrPercent, the rows without an error. */
  static Stream<Arguments> scaledValues() {
    return Stream.of(
        Arguments.of(IntOrString.ofInt(123), 0, false, 123),
        Arguments.of(IntOrString.ofString("90%"), 100, true, 90),
        Arguments.of(IntOrString.ofString("90%"), 95, true, 86),
        Arguments.of(IntOrString.ofString("90%"), 95, false, 85),
        Arguments.of(IntOrString.ofString("25%"), 10, true, 3),
        Arguments.of(IntOrString.ofString("25%"), 10, false, 2),
        Arguments.of(IntOrString.ofString("0%"), 10, true, 0),
        Arguments.of(IntOrString.ofString("100%"), 7, false, 7));
  }

  @ParameterizedTest(name = "{0} of {1}, up={2}")
  @MethodSource("scaledValues")
  void scaled(IntOrString v, int total, boolean roundUp, int expect) {
    assertThat(v.scaled(total, roundUp)).isEqualTo(expect);
  }

  /** Upstream TestGetValueFromIntOrPercent, the rows with an error. */
  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(strings = {"%", "90#", "#%", "1.5%", "abc"})
  void invalidPercentages(String s) {
    assertThatThrownBy(() -> IntOrString.ofString(s).scaled(10, true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(s);
  }

  /** Upstream TestInt32OrStringUnmarshalJSON and TestInt32OrStringMarshalJSON. */
  @Test
  void jsonKeepsTheForm() {
    assertThat(KubeCodec.read("123", IntOrString.class)).isEqualTo(IntOrString.ofInt(123));
    assertThat(KubeCodec.read("\"123\"", IntOrString.class)).isEqualTo(IntOrString.ofString("123"));
    assertThat(KubeCodec.toJson(IntOrString.ofInt(123))).isEqualTo("123");
    assertThat(KubeCodec.toJson(IntOrString.ofString("123"))).isEqualTo("\"123\"");
  }

  @Test
  void exactlyOneComponent() {
    assertThatThrownBy(() -> new IntOrString(null, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new IntOrString(1, "1"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
