package io.schedlab.sim;

/**
 * Go {@code time.Duration} text, as Kubernetes configuration and traces use it: parsing
 * {@code "1h30m"}, {@code "1.5s"}, {@code "300ms"} into nanoseconds and formatting nanoseconds the
 * way Go's {@code Duration.String} does ({@code "1h30m0s"}, {@code "1.5s"}, {@code "300ms"}).
 *
 * <p>Parsing follows {@code time.ParseDuration}: an optional sign, then one or more
 * decimal-number-plus-unit terms with units ns, us (or µs), ms, s, m, h; a bare {@code "0"} is the
 * only unit-less value. The fractional part is applied in floating point, as Go does, so results
 * match Go's to the nanosecond.
 */
public final class Durations {
  public static final long NANOSECOND = 1L;
  public static final long MICROSECOND = 1_000L;
  public static final long MILLISECOND = 1_000_000L;
  public static final long SECOND = 1_000_000_000L;
  public static final long MINUTE = 60 * SECOND;
  public static final long HOUR = 60 * MINUTE;

  private Durations() {}

  public static long seconds(double s) {
    return Math.round(s * SECOND);
  }

  public static long millis(long ms) {
    return Math.multiplyExact(ms, MILLISECOND);
  }

  /**
   * Parses Go duration syntax into nanoseconds.
   *
   * @throws IllegalArgumentException naming the text and what was wrong with it
   */
  public static long parse(String text) {
    if (text == null) {
      throw new IllegalArgumentException("duration: expected text like \"10s\", got null");
    }
    String s = text;
    int i = 0;
    boolean negative = false;
    if (i < s.length() && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
      negative = s.charAt(i) == '-';
      i++;
    }
    if (s.substring(i).equals("0")) {
      return 0;
    }
    if (i == s.length()) {
      throw invalid(text, "expected a number followed by a unit (ns, us, ms, s, m, h)");
    }
    // Accumulate the magnitude as unsigned so that "-2562047h47m16.854775808s" (Long.MIN_VALUE)
    // parses, like Go.
    long total = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (!(c == '.' || isDigit(c))) {
        throw invalid(text, "expected a digit at offset " + i + ", got '" + c + "'");
      }
      int intStart = i;
      long whole = 0;
      while (i < s.length() && isDigit(s.charAt(i))) {
        if (Long.compareUnsigned(whole, Long.divideUnsigned(1L << 63, 10)) > 0) {
          throw invalid(text, "value out of range");
        }
        whole = whole * 10 + (s.charAt(i) - '0');
        if (Long.compareUnsigned(whole, 1L << 63) > 0) {
          throw invalid(text, "value out of range");
        }
        i++;
      }
      boolean hadWhole = i > intStart;
      long fraction = 0;
      double scale = 1;
      boolean hadFraction = false;
      if (i < s.length() && s.charAt(i) == '.') {
        i++;
        int fracStart = i;
        boolean overflow = false;
        while (i < s.length() && isDigit(s.charAt(i))) {
          // Like Go: digits beyond what a long can hold are read but ignored.
          if (!overflow) {
            int digit = s.charAt(i) - '0';
            if (fraction > (Long.MAX_VALUE - digit) / 10) {
              overflow = true;
            } else {
              fraction = fraction * 10 + digit;
              scale *= 10;
            }
          }
          i++;
        }
        hadFraction = i > fracStart;
      }
      if (!hadWhole && !hadFraction) {
        throw invalid(text, "expected digits around '.' at offset " + (i - 1));
      }
      int unitStart = i;
      while (i < s.length() && s.charAt(i) != '.' && !isDigit(s.charAt(i))) {
        i++;
      }
      if (unitStart == i) {
        throw invalid(text, "missing unit after number at offset " + unitStart
            + " (expected ns, us, ms, s, m or h)");
      }
      String unitText = s.substring(unitStart, i);
      long unit = unit(unitText);
      if (unit == 0) {
        throw invalid(text, "unknown unit \"" + unitText + "\" (expected ns, us, ms, s, m or h)");
      }
      if (Long.compareUnsigned(whole, Long.divideUnsigned(1L << 63, unit)) > 0) {
        throw invalid(text, "value out of range");
      }
      long term = whole * unit;
      if (hadFraction && fraction > 0) {
        term += (long) ((double) fraction * ((double) unit / scale));
        if (Long.compareUnsigned(term, 1L << 63) > 0) {
          throw invalid(text, "value out of range");
        }
      }
      if (Long.compareUnsigned(term, (1L << 63) - total) > 0) {
        throw invalid(text, "value out of range");
      }
      total += term;
    }
    if (negative) {
      return -total;
    }
    if (total == Long.MIN_VALUE) {
      throw invalid(text, "value out of range");
    }
    return total;
  }

  /** Formats nanoseconds as Go's {@code Duration.String} does. */
  public static String format(long nanos) {
    if (nanos == 0) {
      return "0s";
    }
    boolean negative = nanos < 0;
    long u = negative ? -nanos : nanos; // unsigned magnitude; Long.MIN_VALUE stays 1<<63
    StringBuilder out = new StringBuilder(24);
    if (negative) {
      out.append('-');
    }
    if (Long.compareUnsigned(u, SECOND) < 0) {
      if (u < MICROSECOND) {
        return out.append(u).append("ns").toString();
      } else if (u < MILLISECOND) {
        appendDecimal(out, u, 3);
        return out.append("\u00b5s").toString();
      } else {
        appendDecimal(out, u, 6);
        return out.append("ms").toString();
      }
    }
    long secondsTotal = Long.divideUnsigned(u, SECOND);
    long subSecond = Long.remainderUnsigned(u, SECOND);
    long hours = secondsTotal / 3600;
    long minutes = secondsTotal / 60 % 60;
    long seconds = secondsTotal % 60;
    if (hours > 0) {
      out.append(hours).append('h');
    }
    if (hours > 0 || minutes > 0) {
      out.append(minutes).append('m');
    }
    out.append(seconds);
    appendFraction(out, subSecond, 9);
    return out.append('s').toString();
  }

  private static void appendDecimal(StringBuilder out, long value, int fractionDigits) {
    long pow = 1;
    for (int d = 0; d < fractionDigits; d++) {
      pow *= 10;
    }
    out.append(value / pow);
    appendFraction(out, value % pow, fractionDigits);
  }

  /** Appends ".ddd" for {@code fraction / 10^digits} with trailing zeros dropped; nothing if 0. */
  private static void appendFraction(StringBuilder out, long fraction, int digits) {
    if (fraction == 0) {
      return;
    }
    String padded = Long.toString(fraction);
    int end = padded.length();
    while (padded.charAt(end - 1) == '0') {
      end--;
    }
    out.append('.');
    for (int pad = padded.length(); pad < digits; pad++) {
      out.append('0');
    }
    out.append(padded, 0, end);
  }

  private static long unit(String unit) {
    return switch (unit) {
      case "ns" -> NANOSECOND;
      case "us", "\u00b5s", "\u03bcs" -> MICROSECOND;
      case "ms" -> MILLISECOND;
      case "s" -> SECOND;
      case "m" -> MINUTE;
      case "h" -> HOUR;
      default -> 0;
    };
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static IllegalArgumentException invalid(String text, String why) {
    return new IllegalArgumentException("invalid duration \"" + text + "\": " + why);
  }
}
