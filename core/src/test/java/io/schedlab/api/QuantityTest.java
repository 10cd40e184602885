package io.schedlab.api;

import static io.schedlab.api.Quantity.Format.BINARY_SI;
import static io.schedlab.api.Quantity.Format.DECIMAL_EXPONENT;
import static io.schedlab.api.Quantity.Format.DECIMAL_SI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.schedlab.api.Quantity.Format;
import io.schedlab.api.codec.KubeCodec;
import java.math.BigDecimal;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Cases transcribed from apimachinery's pkg/api/resource/quantity_test.go; each table names the
 * upstream test it comes from. {@code dec(m, e, f)} is upstream's {@code decQuantity}: m * 10^e.
 */
class QuantityTest {

  private static final BigDecimal MAX_INT64 = BigDecimal.valueOf(Long.MAX_VALUE);

  private static Quantity dec(long mantissa, int exponent, Format format) {
    return Quantity.of(BigDecimal.valueOf(mantissa, -exponent), format);
  }

  private static Arguments parse(String input, long mantissa, int exponent, Format format) {
    return Arguments.of(input, BigDecimal.valueOf(mantissa, -exponent), format);
  }

  private static Arguments parseMax(String input, Format format) {
    return Arguments.of(input, MAX_INT64, format);
  }

  /** Upstream TestQuantityParse, the table of valid inputs. */
  static Stream<Arguments> quantityParse() {
    return Stream.of(
        parse("0", 0, 0, DECIMAL_SI),
        parse("0n", 0, 0, DECIMAL_SI),
        parse("0u", 0, 0, DECIMAL_SI),
        parse("0m", 0, 0, DECIMAL_SI),
        parse("0Ki", 0, 0, BINARY_SI),
        parse("0k", 0, 0, DECIMAL_SI),
        parse("0Mi", 0, 0, BINARY_SI),
        parse("0M", 0, 0, DECIMAL_SI),
        parse("0Gi", 0, 0, BINARY_SI),
        parse("0G", 0, 0, DECIMAL_SI),
        parse("0Ti", 0, 0, BINARY_SI),
        parse("0T", 0, 0, DECIMAL_SI),
        // Quantity less numbers are allowed
        parse("1", 1, 0, DECIMAL_SI),
        // Binary suffixes
        parse("1Ki", 1024, 0, BINARY_SI),
        parse("8Ki", 8 * 1024, 0, BINARY_SI),
        parse("7Mi", 7L * 1024 * 1024, 0, BINARY_SI),
        parse("6Gi", 6L * 1024 * 1024 * 1024, 0, BINARY_SI),
        parse("5Ti", 5L * 1024 * 1024 * 1024 * 1024, 0, BINARY_SI),
        parse("4Pi", 4L * 1024 * 1024 * 1024 * 1024 * 1024, 0, BINARY_SI),
        parse("3Ei", 3L * 1024 * 1024 * 1024 * 1024 * 1024 * 1024, 0, BINARY_SI),
        parse("10Ti", 10L * 1024 * 1024 * 1024 * 1024, 0, BINARY_SI),
        parse("100Ti", 100L * 1024 * 1024 * 1024 * 1024, 0, BINARY_SI),
        // Decimal suffixes
        parse("5n", 5, -9, DECIMAL_SI),
        parse("4u", 4, -6, DECIMAL_SI),
        parse("3m", 3, -3, DECIMAL_SI),
        parse("9", 9, 0, DECIMAL_SI),
        parse("8k", 8, 3, DECIMAL_SI),
        parse("50k", 5, 4, DECIMAL_SI),
        parse("7M", 7, 6, DECIMAL_SI),
        parse("6G", 6, 9, DECIMAL_SI),
        parse("5T", 5, 12, DECIMAL_SI),
        parse("40T", 4, 13, DECIMAL_SI),
        parse("300T", 3, 14, DECIMAL_SI),
        parse("2P", 2, 15, DECIMAL_SI),
        parse("1E", 1, 18, DECIMAL_SI),
        // Decimal exponents
        parse("1E-3", 1, -3, DECIMAL_EXPONENT),
        parse("1e3", 1, 3, DECIMAL_EXPONENT),
        parse("1E6", 1, 6, DECIMAL_EXPONENT),
        parse("1e9", 1, 9, DECIMAL_EXPONENT),
        parse("1E12", 1, 12, DECIMAL_EXPONENT),
        parse("1e15", 1, 15, DECIMAL_EXPONENT),
        parse("1E18", 1, 18, DECIMAL_EXPONENT),
        // Nonstandard but still parsable
        parse("1e14", 1, 14, DECIMAL_EXPONENT),
        parse("1e13", 1, 13, DECIMAL_EXPONENT),
        parse("100.035k", 100035, 0, DECIMAL_SI),
        // Things that look like floating point
        parse("0.001", 1, -3, DECIMAL_SI),
        parse("0.0005k", 5, -1, DECIMAL_SI),
        parse("0.005", 5, -3, DECIMAL_SI),
        parse("0.05", 5, -2, DECIMAL_SI),
        parse("0.5", 5, -1, DECIMAL_SI),
        parse("0.00050k", 5, -1, DECIMAL_SI),
        parse("0.00500", 5, -3, DECIMAL_SI),
        parse("0.05000", 5, -2, DECIMAL_SI),
        parse("0.50000", 5, -1, DECIMAL_SI),
        parse("0.5e0", 5, -1, DECIMAL_EXPONENT),
        parse("0.5e-1", 5, -2, DECIMAL_EXPONENT),
        parse("0.5e-2", 5, -3, DECIMAL_EXPONENT),
        parse("10.035M", 10035, 3, DECIMAL_SI),
        parse("1.2e3", 12, 2, DECIMAL_EXPONENT),
        parse("1.3E+6", 13, 5, DECIMAL_EXPONENT),
        parse("1.40e9", 14, 8, DECIMAL_EXPONENT),
        parse("1.53E12", 153, 10, DECIMAL_EXPONENT),
        parse("1.6e15", 16, 14, DECIMAL_EXPONENT),
        parse("1.7E18", 17, 17, DECIMAL_EXPONENT),
        parse("9.01", 901, -2, DECIMAL_SI),
        parse("8.1k", 81, 2, DECIMAL_SI),
        parse("7.123456M", 7123456, 0, DECIMAL_SI),
        parse("6.987654321G", 6987654321L, 0, DECIMAL_SI),
        parse("5.444T", 5444, 9, DECIMAL_SI),
        parse("40.1T", 401, 11, DECIMAL_SI),
        parse("300.2T", 3002, 11, DECIMAL_SI),
        parse("2.5P", 25, 14, DECIMAL_SI),
        parse("1.01E", 101, 16, DECIMAL_SI),
        // Things that saturate/round
        parse("3.001n", 4, -9, DECIMAL_SI),
        parse("1.1E-9", 2, -9, DECIMAL_EXPONENT),
        parse("0.0000000001", 1, -9, DECIMAL_SI),
        parse("0.0000000005", 1, -9, DECIMAL_SI),
        parse("0.00000000050", 1, -9, DECIMAL_SI),
        parse("0.5e-9", 1, -9, DECIMAL_EXPONENT),
        parse("0.9n", 1, -9, DECIMAL_SI),
        parse("0.00000012345", 124, -9, DECIMAL_SI),
        parse("0.00000012354", 124, -9, DECIMAL_SI),
        parseMax("9Ei", BINARY_SI),
        parseMax("9223372036854775807Ki", BINARY_SI),
        parse("12E", 12, 18, DECIMAL_SI),
        // We'll accept fractional binary stuff, too.
        parse("100.035Ki", 10243584, -2, BINARY_SI),
        parse("0.5Mi", 512 * 1024, 0, BINARY_SI),
        parse("0.05Gi", 536870912, -1, BINARY_SI),
        parse("0.025Ti", 274877906944L, -1, BINARY_SI),
        // Things written by trolls
        parse("0.000000000001Ki", 2, -9, DECIMAL_SI), // rounds up, changes format
        parse(".001", 1, -3, DECIMAL_SI),
        parse(".0001k", 100, -3, DECIMAL_SI),
        parse("1.", 1, 0, DECIMAL_SI),
        parse("1.G", 1, 9, DECIMAL_SI));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("quantityParse")
  void parsesValueAndFormat(String input, BigDecimal value, Format format) {
    Quantity q = Quantity.parse(input);
    assertThat(q.toBigDecimal()).isEqualByComparingTo(value);
    assertThat(q.format()).isEqualTo(format);
  }

  /** Upstream TestQuantityParse also parses every input with a leading "-" and "+". */
  @ParameterizedTest(name = "-{0}")
  @MethodSource("quantityParse")
  void parsesNegatedInput(String input, BigDecimal value, Format format) {
    Quantity q = Quantity.parse("-" + input);
    assertThat(q.toBigDecimal()).isEqualByComparingTo(value.negate());
    assertThat(q.format()).isEqualTo(format);
  }

  @ParameterizedTest(name = "+{0}")
  @MethodSource("quantityParse")
  void parsesExplicitPlus(String input, BigDecimal value, Format format) {
    Quantity q = Quantity.parse("+" + input);
    assertThat(q.toBigDecimal()).isEqualByComparingTo(value);
    assertThat(q.format()).isEqualTo(format);
  }

  /** Upstream TestQuantityParse invalid inputs, TestQuantityParseNonNumericPanic and "". */
  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(strings = {"1.1.M", "1+1.0M", "0.1mi", "0.1am", "aoeu", ".5i", "1i", "-3.01i",
      "-3.01e-", " 1", "1 ", "Non-Numeric", "", "1K", "1e", "1k3", "12x"})
  void rejectsMalformedInput(String input) {
    assertThatThrownBy(() -> Quantity.parse(input))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"" + input + "\"");
  }

  @Test
  void errorMessageNamesTheGrammarAndTheValue() {
    assertThatThrownBy(() -> Quantity.parse("12x"))
        .hasMessage("quantities must match the regular expression "
            + "'^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$', got \"12x\"");
    assertThatThrownBy(() -> Quantity.parse("0.1mi"))
        .hasMessage("unable to parse quantity's suffix, got \"0.1mi\"");
  }

  /** Upstream TestParseQuantityString: the scanner reads "." and "-." as zero. */
  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(strings = {".", "-.", "+", "-", "000", "Ki", "m"})
  void upstreamScannerReadsDegenerateInputAsZero(String input) {
    assertThat(Quantity.parse(input).isZero()).isTrue();
    assertThat(Quantity.parse(input).toString()).isEqualTo("0");
  }

  /** Upstream TestQuantityString: canonical form, and an alternate spelling of the same. */
  static Stream<Arguments> quantityString() {
    return Stream.of(
        Arguments.of(dec(1024 * 1024 * 1024, 0, BINARY_SI), "1Gi", "1024Mi"),
        Arguments.of(dec(300 * 1024 * 1024, 0, BINARY_SI), "300Mi", "307200Ki"),
        Arguments.of(dec(6 * 1024, 0, BINARY_SI), "6Ki", ""),
        Arguments.of(dec(1001L * 1024 * 1024 * 1024, 0, BINARY_SI), "1001Gi", "1025024Mi"),
        Arguments.of(dec(1024L * 1024 * 1024 * 1024, 0, BINARY_SI), "1Ti", "1024Gi"),
        Arguments.of(dec(5, 0, BINARY_SI), "5", "5000m"),
        Arguments.of(dec(500, -3, BINARY_SI), "500m", "0.5"),
        Arguments.of(dec(1, 9, DECIMAL_SI), "1G", "1000M"),
        Arguments.of(dec(1000, 6, DECIMAL_SI), "1G", "0.001T"),
        Arguments.of(dec(1000000, 3, DECIMAL_SI), "1G", ""),
        Arguments.of(dec(1000000000, 0, DECIMAL_SI), "1G", ""),
        Arguments.of(dec(1, -3, DECIMAL_SI), "1m", "1000u"),
        Arguments.of(dec(80, -3, DECIMAL_SI), "80m", ""),
        Arguments.of(dec(1080, -3, DECIMAL_SI), "1080m", "1.08"),
        Arguments.of(dec(108, -2, DECIMAL_SI), "1080m", "1080000000n"),
        Arguments.of(dec(10800, -4, DECIMAL_SI), "1080m", ""),
        Arguments.of(dec(300, 6, DECIMAL_SI), "300M", ""),
        Arguments.of(dec(1, 12, DECIMAL_SI), "1T", ""),
        Arguments.of(dec(1, 18, DECIMAL_SI), "1E", ""),
        Arguments.of(dec(1, 21, DECIMAL_SI), "1e21", "1000E"),
        Arguments.of(dec(5, 21, DECIMAL_SI), "5e21", "5000E"),
        Arguments.of(dec(1, 24, DECIMAL_SI), "1e24", "1000000E"),
        Arguments.of(dec(1234567, 6, DECIMAL_SI), "1234567M", ""),
        Arguments.of(dec(1234567, -3, BINARY_SI), "1234567m", ""),
        Arguments.of(dec(3, 3, DECIMAL_SI), "3k", ""),
        Arguments.of(dec(1025, 0, BINARY_SI), "1025", ""),
        Arguments.of(dec(0, 0, DECIMAL_SI), "0", ""),
        Arguments.of(dec(0, 0, BINARY_SI), "0", ""),
        Arguments.of(dec(1, 9, DECIMAL_EXPONENT), "1e9", ".001e12"),
        Arguments.of(dec(1, -3, DECIMAL_EXPONENT), "1e-3", "0.001e0"),
        Arguments.of(dec(1, -9, DECIMAL_EXPONENT), "1e-9", "1000e-12"),
        Arguments.of(dec(80, -3, DECIMAL_EXPONENT), "80e-3", ""),
        Arguments.of(dec(300, 6, DECIMAL_EXPONENT), "300e6", ""),
        Arguments.of(dec(1, 12, DECIMAL_EXPONENT), "1e12", ""),
        Arguments.of(dec(1, 3, DECIMAL_EXPONENT), "1e3", ""),
        Arguments.of(dec(3, 3, DECIMAL_EXPONENT), "3e3", ""),
        Arguments.of(dec(0, 0, DECIMAL_EXPONENT), "0", "00"),
        Arguments.of(dec(1, -9, DECIMAL_SI), "1n", ""),
        Arguments.of(dec(80, -9, DECIMAL_SI), "80n", ""),
        Arguments.of(dec(1080, -9, DECIMAL_SI), "1080n", ""),
        Arguments.of(dec(108, -8, DECIMAL_SI), "1080n", ""),
        Arguments.of(dec(10800, -10, DECIMAL_SI), "1080n", ""),
        Arguments.of(dec(1, -6, DECIMAL_SI), "1u", ""),
        Arguments.of(dec(80, -6, DECIMAL_SI), "80u", ""),
        Arguments.of(dec(1080, -6, DECIMAL_SI), "1080u", ""));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("quantityString")
  void printsCanonicalForm(Quantity q, String expect, String alternate) {
    assertThat(q.toString()).isEqualTo(expect);
    assertThat(Quantity.parse(expect).toString()).isEqualTo(expect);
    if (!alternate.isEmpty()) {
      assertThat(Quantity.parse(alternate).toString()).isEqualTo(expect);
    }
    if (!q.isZero()) {
      assertThat(q.negate().toString()).isEqualTo("-" + expect);
    }
  }

  /** Upstream TestQuantityParseEmit, with and without a leading "-". */
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({"1Ki, 1Ki", "1Mi, 1Mi", "1Gi, 1Gi", "1024Mi, 1Gi", "1000M, 1G", ".001Ki, 1024m",
      ".000001Ki, 1024u", ".000000001Ki, 1024n", ".000000000001Ki, 2n"})
  void parseThenEmit(String in, String expect) {
    assertThat(Quantity.parse(in).toString()).isEqualTo(expect);
    assertThat(Quantity.parse("-" + in).toString()).isEqualTo("-" + expect);
  }

  /** The examples of the model's brief and upstream's Quantity doc comment. */
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({"1.5Gi, 1536Mi", "1.5, 1500m", "0.1, 100m", "1000m, 1", "1000, 1k", "1e3, 1e3",
      "2048Ki, 2Mi", "64, 64", "256000Mi, 250Gi", "0.5Ki, 512", "12Mi, 12Mi"})
  void canonicalExamples(String in, String expect) {
    assertThat(Quantity.parse(in).toString()).isEqualTo(expect);
  }

  /** Upstream TestQuantityCmp. */
  @ParameterizedTest(name = "{0} vs {1}")
  @CsvSource({"0, 0, 0", "100m, 50m, 1", "50m, 100m, -1", "10000T, 100Gi, 1", "1Gi, 1024Mi, 0",
      "1k, 1000, 0", "1e3, 1k, 0"})
  void comparesNumerically(String x, String y, int expect) {
    Quantity a = Quantity.parse(x);
    Quantity b = Quantity.parse(y);
    assertThat(Integer.signum(a.compareTo(b))).isEqualTo(expect);
    assertThat(Integer.signum(b.compareTo(a))).isEqualTo(-expect);
    assertThat(a.equals(b)).isEqualTo(expect == 0);
    if (expect == 0) {
      assertThat(a.hashCode()).isEqualTo(b.hashCode());
    }
  }

  /** Upstream TestNewSet: NewQuantity(value, format).String(), and Value() after a round trip. */
  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({"1, DECIMAL_SI, 1", "1000, DECIMAL_SI, 1k", "1234000, DECIMAL_SI, 1234k",
      "1024, BINARY_SI, 1Ki", "1000000, DECIMAL_EXPONENT, 1e6", "1048576, BINARY_SI, 1Mi"})
  void newQuantity(long value, Format format, String expect) {
    Quantity q = Quantity.of(value, format);
    assertThat(q.toString()).isEqualTo(expect);
    assertThat(Quantity.parse(q.toString()).value()).isEqualTo(value);
  }

  /** Upstream TestMilliNewSet: NewMilliQuantity; exact rows survive a MilliValue round trip. */
  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({"1, DECIMAL_SI, 1m, true", "1000, DECIMAL_SI, 1, true",
      "1234000, DECIMAL_SI, 1234, true", "1024, BINARY_SI, 1024m, false",
      "1000000, DECIMAL_EXPONENT, 1e3, true", "1048576, BINARY_SI, 1048576m, false"})
  void newMilliQuantity(long milli, Format format, String expect, boolean exact) {
    Quantity q = Quantity.ofMilli(milli, format);
    assertThat(q.toString()).isEqualTo(expect);
    if (exact) {
      assertThat(Quantity.parse(q.toString()).milliValue()).isEqualTo(milli);
    }
  }

  /** Upstream TestNewScaledSet. */
  @ParameterizedTest(name = "{0}e{1}")
  @CsvSource({"1, -9, 1n", "1000, -9, 1u", "1, -6, 1u", "1000, -6, 1m", "1, -3, 1m",
      "1000, -3, 1", "1, 0, 1", "0, -9, 0", "0, -6, 0", "0, -3, 0", "0, 0, 0"})
  void newScaledQuantity(long value, int scale, String expect) {
    assertThat(Quantity.ofScaled(value, scale).toString()).isEqualTo(expect);
    assertThat(Quantity.ofScaled(value, scale)).isEqualTo(Quantity.parse(expect));
  }

  /**
   * Upstream TestScaledValue, the rows converting to scale 0 (Value) and Milli (MilliValue):
   * NewScaledQuantity(1, from) read at the target scale, rounded up.
   */
  @ParameterizedTest(name = "1e{0}")
  @CsvSource({"-9, 1, 1", "-6, 1, 1", "-3, 1, 1", "0, 1, 1000"})
  void scaledValueRoundsUp(int fromScale, long value, long milli) {
    Quantity q = Quantity.ofScaled(1, fromScale);
    assertThat(q.value()).isEqualTo(value);
    assertThat(q.milliValue()).isEqualTo(milli);
  }

  /**
   * Value and MilliValue round away from zero, as upstream's int64 path does; beyond int64 they
   * saturate where upstream overflows.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource({"0, 0, 0", "1.5, 2, 1500", "-1.5, -2, -1500", "100u, 1, 1", "-100u, -1, -1",
      "1.1n, 1, 1", "1Ki, 1024, 1024000", "250m, 1, 250", "3.0001, 4, 3001",
      "9Ei, 9223372036854775807, 9223372036854775807",
      "12E, 9223372036854775807, 9223372036854775807",
      "-12E, -9223372036854775808, -9223372036854775808",
      "9223372036854775, 9223372036854775, 9223372036854775000",
      "9223372036854776, 9223372036854776, 9223372036854775807"})
  void valueAndMilliValue(String in, long value, long milli) {
    Quantity q = Quantity.parse(in);
    assertThat(q.value()).isEqualTo(value);
    assertThat(q.milliValue()).isEqualTo(milli);
  }

  /** Upstream TestQuantityParseZero and TestQuantityCanocicalizeZero. */
  @Test
  void zeroPrintsWithoutSuffix() {
    assertThat(Quantity.parse("0").toString()).isEqualTo("0");
    assertThat(Quantity.parse("1000m").subtract(Quantity.parse("1")).toString()).isEqualTo("0");
    assertThat(Quantity.ZERO.signum()).isZero();
  }

  /** Upstream TestQuantityNeg. */
  @Test
  void negation() {
    assertThat(dec(901, -2, DECIMAL_SI).negate().toString()).isEqualTo("-9010m");
  }

  /** Upstream TestQuantityAddZeroPreservesSuffix and TestQuantitySubZeroPreservesSuffix. */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"100m", "1Gi"})
  void zeroOperandPreservesSuffix(String in) {
    Quantity value = Quantity.parse(in);
    Quantity zero = Quantity.parse("0");
    assertThat(value.add(zero).toString()).isEqualTo(in);
    assertThat(zero.add(value).toString()).isEqualTo(in);
    assertThat(value.subtract(zero).toString()).isEqualTo(in);
    assertThat(zero.subtract(value).toString()).isEqualTo(value.negate().toString());
  }

  /** Upstream TestAdd and TestSub: the receiver's format wins unless it is zero. */
  static Stream<Arguments> addSub() {
    Quantity zeroDecimal = dec(0, 0, DECIMAL_SI);
    return Stream.of(
        Arguments.of(dec(10, 0, DECIMAL_SI), dec(1, 1, DECIMAL_SI), dec(20, 0, DECIMAL_SI),
            dec(0, 0, DECIMAL_SI)),
        Arguments.of(dec(10, 0, DECIMAL_SI), dec(1, 0, BINARY_SI), dec(11, 0, DECIMAL_SI),
            dec(9, 0, DECIMAL_SI)),
        Arguments.of(dec(10, 0, BINARY_SI), dec(1, 0, DECIMAL_SI), dec(11, 0, BINARY_SI),
            dec(9, 0, BINARY_SI)),
        Arguments.of(zeroDecimal, dec(50, 0, DECIMAL_SI), dec(50, 0, DECIMAL_SI),
            dec(-50, 0, DECIMAL_SI)),
        Arguments.of(dec(50, 0, DECIMAL_SI), zeroDecimal, dec(50, 0, DECIMAL_SI),
            dec(50, 0, DECIMAL_SI)),
        Arguments.of(zeroDecimal, zeroDecimal, dec(0, 0, DECIMAL_SI), dec(0, 0, DECIMAL_SI)));
  }

  @ParameterizedTest
  @MethodSource("addSub")
  void addAndSubtract(Quantity a, Quantity b, Quantity sum, Quantity difference) {
    assertThat(a.add(b)).isEqualTo(sum);
    assertThat(a.add(b).format()).isEqualTo(sum.format());
    assertThat(a.subtract(b)).isEqualTo(difference);
  }

  @Test
  void binaryOnZeroTakesTheOtherFormat() {
    assertThat(Quantity.ZERO.add(Quantity.parse("1Gi")).format()).isEqualTo(BINARY_SI);
  }

  /** Upstream TestJSONWhitespace: surrounding whitespace in a JSON string is trimmed. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {"\" 1\"|1", "\"1 \"|1", "1|1", " 1|1", "1 |1", "10|10",
      "-1|-1", " -1|-1", "0.5|500m", "1e3|1e3", "\"100m\"|100m"})
  void readsJsonStringOrNumber(String json, String expect) throws Exception {
    ObjectMapper mapper = KubeCodec.jsonMapper();
    assertThat(mapper.readValue(json, Quantity.class).toString()).isEqualTo(expect);
  }

  @Test
  void writesCanonicalString() {
    assertThat(KubeCodec.toJson(Quantity.parse("1.5Gi"))).isEqualTo("\"1536Mi\"");
    assertThat(KubeCodec.toJson(Quantity.parse("64"))).isEqualTo("\"64\"");
  }

  @Test
  void exponentOutsideTheIntRangeIsRejected() {
    assertThatThrownBy(() -> Quantity.parse("1e99999999999"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1e99999999999");
  }

  @Test
  void hugeAndTinyExponentsStayCheap() {
    Quantity huge = Quantity.parse("1e999999999");
    assertThat(huge.value()).isEqualTo(Long.MAX_VALUE);
    assertThat(huge.toString()).isEqualTo("1e999999999");
    Quantity tiny = Quantity.parse("1e-999999999");
    assertThat(tiny.toString()).isEqualTo("1e-9");
    assertThat(tiny.milliValue()).isEqualTo(1);
  }
}
