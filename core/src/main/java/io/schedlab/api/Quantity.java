package io.schedlab.api;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.node.TreeTraversingParser;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * {@code resource.Quantity} of k8s.io/apimachinery: an exact decimal number written with an SI,
 * binary-SI or exponent suffix ({@code 100m}, {@code 1.5Gi}, {@code 1e3}).
 *
 * <p>Semantics follow upstream exactly where the scheduler can observe them: the parse grammar
 * and its quirks (a bare suffix such as {@code "Ki"} or a lone sign parses as zero), rounding of
 * non-zero values finer than 1n up to 1n (away from zero), the silent cap of binary-SI values at
 * 2^63-1, binary-SI values below 1 switching to decimal SI, the canonical form of {@code String()}
 * (largest suffix that keeps the value exact, {@code "1.5Gi"} → {@code "1536Mi"}) and
 * {@link #value()}/{@link #milliValue()} rounding up away from zero.
 *
 * <p>Deliberate differences: {@code value()} and {@code milliValue()} saturate at the int64 range
 * where upstream silently overflows; an exponent outside the 32-bit range is rejected where
 * upstream truncates it; a binary value above 1024Ei (reachable only by arithmetic) keeps the Ei
 * suffix where upstream drops its magnitude; a JSON/YAML number read through a document tree
 * (as {@code KubeCodec} does) that has both a fraction and a negative exponent, {@code 1.5e-3},
 * keeps its value but prints in decimal SI ({@code 1500u}, upstream {@code 1500e-6}).
 *
 * <p>Implementation note: the exact amount is a BigDecimal, but {@link #value()} and {@link
 * #milliValue()} are computed once at construction because the scheduler reads them on every fit
 * check. Equality and ordering are numeric: {@code 1Gi} equals {@code 1024Mi}, and {@code 1k}
 * equals {@code 1000} although the two print differently.
 */
@JsonDeserialize(using = Quantity.JsonReader.class)
public final class Quantity implements Comparable<Quantity> {

  /** How a quantity prints: the suffix family it was written with. */
  public enum Format {
    /** Powers of 1000: n u m "" k M G T P E. */
    DECIMAL_SI,
    /** Powers of 1024: Ki Mi Gi Ti Pi Ei. */
    BINARY_SI,
    /** Powers of ten written as e/E followed by an exponent. */
    DECIMAL_EXPONENT
  }

  /** The regular expression upstream names in its error message for a malformed quantity. */
  public static final String GRAMMAR = "^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$";

  public static final Quantity ZERO = new Quantity(BigDecimal.ZERO, Format.DECIMAL_SI);

  private static final BigDecimal ONE_NANO = BigDecimal.valueOf(1, 9);
  private static final BigDecimal MAX_INT64 = BigDecimal.valueOf(Long.MAX_VALUE);
  private static final BigDecimal BINARY_STEP = BigDecimal.valueOf(1024);
  private static final String SUFFIX_CHARS = "eEinumkKMGTP";
  private static final String[] BINARY_SUFFIXES = {"", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"};

  private final BigDecimal amount;
  private final Format format;
  private final long value;
  private final long milliValue;
  // Lazily computed; a racy single check is safe because String is immutable.
  private String canonical;

  private Quantity(BigDecimal amount, Format format) {
    this.amount = amount;
    this.format = format;
    this.value = ceilingScaled(amount, 0);
    this.milliValue = ceilingScaled(amount, 3);
  }

  /**
   * Parses a quantity string.
   *
   * @throws IllegalArgumentException naming {@code text} when it does not follow the grammar or
   *     its suffix is unknown
   */
  public static Quantity parse(String text) {
    if (text == null) {
      throw new IllegalArgumentException("quantity must not be null");
    }
    if (text.isEmpty()) {
      throw formatError(text);
    }
    if (text.equals("0")) {
      return ZERO;
    }
    int end = text.length();
    int pos = 0;
    boolean negative = false;
    char first = text.charAt(0);
    if (first == '-') {
      negative = true;
      pos++;
    } else if (first == '+') {
      pos++;
    }
    while (pos < end && text.charAt(pos) == '0') {
      pos++;
    }
    if (pos == end) {
      // Only zeros, or a lone sign: upstream's scanner reads either as zero.
      return ZERO;
    }
    int numStart = pos;
    while (pos < end && isDigit(text.charAt(pos))) {
      pos++;
    }
    String num = text.substring(numStart, pos);
    String denom = "";
    if (pos < end && text.charAt(pos) == '.') {
      pos++;
      int denomStart = pos;
      while (pos < end && isDigit(text.charAt(pos))) {
        pos++;
      }
      denom = text.substring(denomStart, pos);
    }
    int suffixStart = pos;
    while (pos < end && SUFFIX_CHARS.indexOf(text.charAt(pos)) >= 0) {
      pos++;
    }
    if (pos < end && (text.charAt(pos) == '-' || text.charAt(pos) == '+')) {
      pos++;
    }
    while (pos < end && isDigit(text.charAt(pos))) {
      pos++;
    }
    if (pos < end) {
      throw formatError(text);
    }
    String suffix = text.substring(suffixStart);

    int base;
    int exponent;
    Format format;
    switch (suffix) {
      case "" -> { base = 10; exponent = 0; format = Format.DECIMAL_SI; }
      case "n" -> { base = 10; exponent = -9; format = Format.DECIMAL_SI; }
      case "u" -> { base = 10; exponent = -6; format = Format.DECIMAL_SI; }
      case "m" -> { base = 10; exponent = -3; format = Format.DECIMAL_SI; }
      case "k" -> { base = 10; exponent = 3; format = Format.DECIMAL_SI; }
      case "M" -> { base = 10; exponent = 6; format = Format.DECIMAL_SI; }
      case "G" -> { base = 10; exponent = 9; format = Format.DECIMAL_SI; }
      case "T" -> { base = 10; exponent = 12; format = Format.DECIMAL_SI; }
      case "P" -> { base = 10; exponent = 15; format = Format.DECIMAL_SI; }
      case "E" -> { base = 10; exponent = 18; format = Format.DECIMAL_SI; }
      case "Ki" -> { base = 2; exponent = 10; format = Format.BINARY_SI; }
      case "Mi" -> { base = 2; exponent = 20; format = Format.BINARY_SI; }
      case "Gi" -> { base = 2; exponent = 30; format = Format.BINARY_SI; }
      case "Ti" -> { base = 2; exponent = 40; format = Format.BINARY_SI; }
      case "Pi" -> { base = 2; exponent = 50; format = Format.BINARY_SI; }
      case "Ei" -> { base = 2; exponent = 60; format = Format.BINARY_SI; }
      default -> {
        base = 10;
        exponent = parseExponent(suffix, text);
        format = Format.DECIMAL_EXPONENT;
      }
    }

    String digits = num + denom;
    BigInteger unscaled = digits.isEmpty() ? BigInteger.ZERO : new BigInteger(digits);
    BigDecimal amount;
    if (base == 10) {
      long scale = (long) denom.length() - exponent;
      if (scale != (int) scale) {
        throw suffixError(text);
      }
      amount = new BigDecimal(unscaled, (int) scale);
    } else {
      amount = new BigDecimal(unscaled.shiftLeft(exponent), denom.length());
    }
    if (negative) {
      amount = amount.negate();
    }
    BigDecimal normalized = normalize(amount, format);
    return new Quantity(normalized, normalizedFormat(normalized, format));
  }

  /** {@code resource.NewQuantity}: {@code value} units in the given format. */
  public static Quantity of(long value, Format format) {
    return new Quantity(BigDecimal.valueOf(value), format);
  }

  /**
   * {@code resource.NewDecimalQuantity}: this exact value in the given format, not rounded (only
   * parsing rounds to nano).
   */
  public static Quantity of(BigDecimal value, Format format) {
    return new Quantity(value, format);
  }

  /** {@code resource.NewMilliQuantity(value, DecimalSI)}: {@code value} thousandths. */
  public static Quantity ofMilli(long milli) {
    return ofMilli(milli, Format.DECIMAL_SI);
  }

  /** {@code resource.NewMilliQuantity}: {@code value} thousandths in the given format. */
  public static Quantity ofMilli(long milli, Format format) {
    return new Quantity(BigDecimal.valueOf(milli, 3), format);
  }

  /** {@code resource.NewScaledQuantity}: {@code value * 10^scale}, decimal SI. */
  public static Quantity ofScaled(long value, int scale) {
    return new Quantity(BigDecimal.valueOf(value, -scale), Format.DECIMAL_SI);
  }

  /** {@link #value()} of {@code q}, or 0 when it is absent (null, as a map lookup that found none). */
  public static long valueOrZero(Quantity q) {
    return q == null ? 0 : q.value();
  }

  /** {@link #milliValue()} of {@code q}, or 0 when it is absent. */
  public static long milliValueOrZero(Quantity q) {
    return q == null ? 0 : q.milliValue();
  }

  /** The value rounded up away from zero to an integer, saturated to the int64 range. */
  public long value() {
    return value;
  }

  /** The value in thousandths, rounded up away from zero, saturated to the int64 range. */
  public long milliValue() {
    return milliValue;
  }

  public int signum() {
    return amount.signum();
  }

  public boolean isZero() {
    return amount.signum() == 0;
  }

  public Format format() {
    return format;
  }

  /** The exact value. */
  public BigDecimal toBigDecimal() {
    return amount;
  }

  /**
   * The sum; keeps this quantity's format unless this is zero, then takes {@code other}'s (as
   * upstream's {@code Add}).
   */
  public Quantity add(Quantity other) {
    return new Quantity(amount.add(other.amount), isZero() ? other.format : format);
  }

  /** The difference, with the format rule of {@link #add}. */
  public Quantity subtract(Quantity other) {
    return new Quantity(amount.subtract(other.amount), isZero() ? other.format : format);
  }

  public Quantity negate() {
    return new Quantity(amount.negate(), format);
  }

  @Override
  public int compareTo(Quantity other) {
    return amount.compareTo(other.amount);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Quantity q && amount.compareTo(q.amount) == 0;
  }

  @Override
  public int hashCode() {
    return amount.signum() == 0 ? 0 : amount.stripTrailingZeros().hashCode();
  }

  /** The canonical form, as upstream's {@code String()}. */
  @JsonValue
  @Override
  public String toString() {
    String s = canonical;
    if (s == null) {
      s = canonicalize();
      canonical = s;
    }
    return s;
  }

  private String canonicalize() {
    if (amount.signum() == 0) {
      return "0";
    }
    Format f = format;
    if (f == Format.BINARY_SI) {
      // Small or fractional binary values print in decimal SI so that no precision is lost.
      if (amount.abs().compareTo(BINARY_STEP) < 0 || !isInteger(amount)) {
        f = Format.DECIMAL_SI;
      } else {
        BigInteger v = amount.toBigIntegerExact();
        int power = 0;
        while (power < BINARY_SUFFIXES.length - 1 && v.getLowestSetBit() >= 10) {
          v = v.shiftRight(10);
          power++;
        }
        return v + BINARY_SUFFIXES[power];
      }
    }
    BigDecimal stripped = amount.stripTrailingZeros();
    BigInteger mantissa = stripped.unscaledValue();
    long exponent = -(long) stripped.scale();
    int down = (int) Math.floorMod(exponent, 3L);
    if (down != 0) {
      mantissa = mantissa.multiply(BigInteger.TEN.pow(down));
      exponent -= down;
    }
    String suffix = f == Format.DECIMAL_SI ? decimalSuffix(exponent) : null;
    if (suffix == null) {
      // Exponent notation, also for decimal SI beyond E where no suffix exists.
      suffix = exponent == 0 ? "" : "e" + exponent;
    }
    return mantissa + suffix;
  }

  private static String decimalSuffix(long exponent) {
    return switch ((int) Math.max(Math.min(exponent, 100), -100)) {
      case -9 -> "n";
      case -6 -> "u";
      case -3 -> "m";
      case 0 -> "";
      case 3 -> "k";
      case 6 -> "M";
      case 9 -> "G";
      case 12 -> "T";
      case 15 -> "P";
      case 18 -> "E";
      default -> null;
    };
  }

  private static boolean isInteger(BigDecimal d) {
    return d.scale() <= 0 || d.stripTrailingZeros().scale() <= 0;
  }

  /** Rounds finer-than-nano values up to nano and caps binary values, as ParseQuantity does. */
  private static BigDecimal normalize(BigDecimal amount, Format format) {
    int sign = amount.signum();
    if (sign == 0) {
      return amount;
    }
    if (amount.scale() > 9) {
      if ((long) amount.precision() - amount.scale() <= -9) {
        // |amount| < 1n: the rounding unit itself.
        amount = sign > 0 ? ONE_NANO : ONE_NANO.negate();
      } else {
        amount = amount.setScale(9, RoundingMode.UP);
      }
    }
    if (format == Format.BINARY_SI && amount.abs().compareTo(MAX_INT64) > 0) {
      amount = sign > 0 ? MAX_INT64 : MAX_INT64.negate();
    }
    return amount;
  }

  private static Format normalizedFormat(BigDecimal amount, Format format) {
    if (format == Format.BINARY_SI
        && amount.signum() != 0
        && amount.abs().compareTo(BigDecimal.ONE) < 0) {
      return Format.DECIMAL_SI;
    }
    return format;
  }

  private static int parseExponent(String suffix, String text) {
    char c = suffix.charAt(0);
    if (suffix.length() < 2 || (c != 'e' && c != 'E')) {
      throw suffixError(text);
    }
    int i = 1;
    boolean negative = false;
    if (suffix.charAt(i) == '+' || suffix.charAt(i) == '-') {
      negative = suffix.charAt(i) == '-';
      i++;
    }
    if (i == suffix.length()) {
      throw suffixError(text);
    }
    long exp = 0;
    for (; i < suffix.length(); i++) {
      char d = suffix.charAt(i);
      if (!isDigit(d)) {
        throw suffixError(text);
      }
      exp = exp * 10 + (d - '0');
      if (exp > Integer.MAX_VALUE) {
        throw suffixError(text);
      }
    }
    return (int) (negative ? -exp : exp);
  }

  private static long ceilingScaled(BigDecimal amount, int decimals) {
    int sign = amount.signum();
    if (sign == 0) {
      return 0;
    }
    BigDecimal x = decimals == 0 ? amount : amount.scaleByPowerOfTen(decimals);
    if ((long) x.precision() - x.scale() > 19) {
      return sign > 0 ? Long.MAX_VALUE : Long.MIN_VALUE;
    }
    BigInteger rounded = x.setScale(0, RoundingMode.UP).unscaledValue();
    if (rounded.bitLength() > 63) {
      return sign > 0 ? Long.MAX_VALUE : Long.MIN_VALUE;
    }
    return rounded.longValue();
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static IllegalArgumentException formatError(String text) {
    return new IllegalArgumentException(
        "quantities must match the regular expression '" + GRAMMAR + "', got \"" + text + "\"");
  }

  private static IllegalArgumentException suffixError(String text) {
    return new IllegalArgumentException(
        "unable to parse quantity's suffix, got \"" + text + "\"");
  }

  /**
   * Reads a quantity from a JSON/YAML string or number ({@code cpu: 64}, {@code cpu: 0.5}); the
   * number's literal text is parsed, so no float rounding creeps in.
   */
  static final class JsonReader extends StdDeserializer<Quantity> {
    JsonReader() {
      super(Quantity.class);
    }

    @Override
    public Quantity deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      JsonToken t = p.currentToken();
      String text;
      if (t == JsonToken.VALUE_STRING) {
        // Upstream's UnmarshalJSON trims surrounding whitespace.
        text = p.getText().strip();
      } else if (t == JsonToken.VALUE_NUMBER_INT) {
        text = p.getText();
      } else if (t == JsonToken.VALUE_NUMBER_FLOAT) {
        text = numberText(p);
      } else {
        return (Quantity) ctxt.handleUnexpectedToken(Quantity.class, p);
      }
      try {
        return parse(text);
      } catch (IllegalArgumentException e) {
        throw InvalidFormatException.from(p, e.getMessage(), text, Quantity.class);
      }
    }

    /**
     * The literal as written when the parser reads text. A parser over an already built tree
     * only has the BigDecimal, whose toString turns 0.0000001 into 1E-7; a plain rendering
     * keeps such a value in decimal SI, while a negative scale can only come from an exponent.
     */
    private static String numberText(JsonParser p) throws IOException {
      if (!(p instanceof TreeTraversingParser)) {
        return p.getText();
      }
      BigDecimal d = p.getDecimalValue();
      return d.scale() >= 0 ? d.toPlainString() : d.toString();
    }
  }
}
