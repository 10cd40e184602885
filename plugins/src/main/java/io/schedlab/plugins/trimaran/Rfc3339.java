package io.schedlab.plugins.trimaran;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Unix seconds of an API timestamp. Score reads one per pod per node per cycle, so the form the
 * store writes ({@code 2026-01-01T00:00:05Z}) is decoded by hand; anything else goes through
 * {@link Instant#parse}.
 */
final class Rfc3339 {
  /** Returned for text that is not a timestamp. */
  static final long INVALID = Long.MIN_VALUE;

  private Rfc3339() {}

  static long epochSeconds(String text) {
    if (text == null) {
      return INVALID;
    }
    if (text.length() == 20 && text.charAt(4) == '-' && text.charAt(7) == '-'
        && text.charAt(10) == 'T' && text.charAt(13) == ':' && text.charAt(16) == ':'
        && text.charAt(19) == 'Z') {
      int y = digits(text, 0, 4);
      int mo = digits(text, 5, 2);
      int d = digits(text, 8, 2);
      int h = digits(text, 11, 2);
      int mi = digits(text, 14, 2);
      int s = digits(text, 17, 2);
      if (y >= 0 && mo >= 1 && mo <= 12 && d >= 1 && d <= monthLength(y, mo) && h >= 0 && h < 24
          && mi >= 0 && mi < 60 && s >= 0 && s < 60) {
        return daysFromCivil(y, mo, d) * 86_400L + h * 3600L + mi * 60L + s;
      }
    }
    try {
      return Instant.parse(text).getEpochSecond();
    } catch (DateTimeParseException e) {
      return INVALID;
    }
  }

  private static int digits(String t, int from, int n) {
    int v = 0;
    for (int i = from; i < from + n; i++) {
      char c = t.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }

  private static int monthLength(int y, int m) {
    if (m == 2) {
      boolean leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
      return leap ? 29 : 28;
    }
    return m == 4 || m == 6 || m == 9 || m == 11 ? 30 : 31;
  }

  /** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
  private static long daysFromCivil(int y, int m, int d) {
    y -= m <= 2 ? 1 : 0;
    long era = Math.floorDiv(y, 400);
    long yoe = y - era * 400;
    long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146_097 + doe - 719_468;
  }
}
