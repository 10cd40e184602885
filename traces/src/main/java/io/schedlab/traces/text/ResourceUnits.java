package io.schedlab.traces.text;

import io.schedlab.api.Quantity;
import io.schedlab.traces.TraceFormatException;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** Conversions shared by readers of traces with normalised memory and fractional CPU. */
public final class ResourceUnits {
  private static final BigDecimal GIB = BigDecimal.valueOf(1L << 30);

  private ResourceUnits() {}

  /** {@code fraction} of {@code totalGiB} GiB, rounded half-up to whole bytes, in binary SI. */
  public static Quantity memoryBytes(double fraction, double totalGiB) {
    BigDecimal bytes =
        BigDecimal.valueOf(fraction).multiply(BigDecimal.valueOf(totalGiB)).multiply(GIB);
    return Quantity.of(bytes.setScale(0, RoundingMode.HALF_UP).longValueExact(), Quantity.Format.BINARY_SI);
  }

  /** CPU given in cores (possibly fractional), rounded half-up to millicores. */
  public static Quantity cores(double cores) {
    long milli = BigDecimal.valueOf(cores).movePointRight(3).setScale(0, RoundingMode.HALF_UP).longValueExact();
    return milli % 1000 == 0 ? Quantity.of(milli / 1000, Quantity.Format.DECIMAL_SI) : Quantity.ofMilli(milli);
  }

  /** A positive number parameter, e.g. {@code memoryGiB}. */
  public static double positiveParam(String format, String name, String text) {
    try {
      double v = Double.parseDouble(text);
      if (v > 0 && !Double.isInfinite(v)) {
        return v;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new TraceFormatException(format, 0, "parameter " + name + ": expected a positive number, got \"" + text + "\"");
  }
}
