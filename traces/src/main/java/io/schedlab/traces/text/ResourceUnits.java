package io.schedlab.traces.text;

import io.schedlab.api.Quantity;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** Unit conversions shared by the recorded-trace readers (CPU, memory, time). */
public final class ResourceUnits {
  private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);
  private static final BigDecimal GIB = BigDecimal.valueOf(1L << 30);

  private ResourceUnits() {}

  /**
   * Normalised memory {@code value} (where {@code full} stands for {@code totalGiB} GiB) in bytes,
   * rounded half-up to a whole byte, binary SI. Computed in decimal so that e.g. 1.56 % of 512 GiB
   * is exact before the one rounding.
   */
  public static Quantity memoryBytes(double value, double full, double totalGiB) {
    BigDecimal bytes = BigDecimal.valueOf(value).multiply(BigDecimal.valueOf(totalGiB)).multiply(GIB)
        .divide(BigDecimal.valueOf(full), 0, RoundingMode.HALF_UP);
    return Quantity.of(bytes.longValueExact(), Quantity.Format.BINARY_SI);
  }

  /**
   * CPU written as {@code value} units of {@code milliPerUnit} millicores each (10 for the
   * hundredths of a core of the v2018 tables, 1000 for cores), rounded half-up to millicores;
   * whole cores print without the {@code m}.
   */
  public static Quantity cpu(double value, int milliPerUnit) {
    long milli = BigDecimal.valueOf(value).multiply(BigDecimal.valueOf(milliPerUnit))
        .setScale(0, RoundingMode.HALF_UP).longValueExact();
    return milli % 1000 == 0 ? Quantity.of(milli / 1000, Quantity.Format.DECIMAL_SI) : Quantity.ofMilli(milli);
  }

  /** {@code cores} CPUs as a millicore quantity, rounded half up to the millicore. */
  public static Quantity milliCpu(BigDecimal cores) {
    return Quantity.ofMilli(cores.multiply(THOUSAND).setScale(0, RoundingMode.HALF_UP).longValueExact());
  }

  /** {@code gib} GiB as a byte quantity (binary SI), rounded half up to the byte. */
  public static Quantity gib(BigDecimal gib) {
    return Quantity.of(gib.multiply(GIB).setScale(0, RoundingMode.HALF_UP).longValueExact(), Quantity.Format.BINARY_SI);
  }

  /** Seconds (possibly fractional) as nanoseconds, rounded half up. */
  public static long secondsToNanos(BigDecimal seconds) {
    return seconds.movePointRight(9).setScale(0, RoundingMode.HALF_UP).longValueExact();
  }
}
