package io.schedlab.traces.text;

import io.schedlab.traces.TraceFormatException;
import java.math.BigDecimal;

/**
 * Typed access to the fields of one row of a recorded trace. Every failure is a
 * {@link TraceFormatException} at the row's file and line reading
 * {@code column: expected ..., got "..."}, so all readers word bad fields alike.
 */
public interface TypedFields {

  /** Field {@code index} (0-based) of the row, as written without surrounding blanks. */
  String field(int index);

  /** An error at the row's file and line. */
  TraceFormatException error(String message);

  /** An error about one column: {@code column: expected what, got "got"}. */
  default TraceFormatException expected(String column, String what, String got) {
    return error(column + ": expected " + what + ", got \"" + got + "\"");
  }

  default boolean isEmpty(int index) {
    return field(index).isEmpty();
  }

  /** A required column ("expected a value" when empty). */
  default String required(int index, String column) {
    return nonEmpty(index, column, "a value");
  }

  /** A required column ("expected a non-empty value" when empty). */
  default String nonEmpty(int index, String column) {
    return nonEmpty(index, column, "a non-empty value");
  }

  private String nonEmpty(int index, String column, String what) {
    String s = field(index);
    if (s.isEmpty()) {
      throw expected(column, what, s);
    }
    return s;
  }

  default long longValue(int index, String column) {
    String s = field(index);
    try {
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      throw expected(column, "an integer", s);
    }
  }

  default long nonNegativeLong(int index, String column) {
    String s = field(index);
    try {
      long v = Long.parseLong(s);
      if (v >= 0) {
        return v;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw expected(column, "a non-negative integer", s);
  }

  default int intInRange(int index, String column, int min, int max) {
    String s = field(index);
    try {
      int v = Integer.parseInt(s);
      if (v >= min && v <= max) {
        return v;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw expected(column, "an integer in " + min + ".." + max, s);
  }

  /** An optional finite decimal column: NaN when empty. */
  default double doubleOrNaN(int index, String column) {
    String s = field(index);
    if (s.isEmpty()) {
      return Double.NaN;
    }
    try {
      double v = Double.parseDouble(s);
      if (!Double.isNaN(v) && !Double.isInfinite(v)) {
        return v;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw expected(column, "a number", s);
  }

  /** A non-negative decimal number (integers and {@code 12.0} alike), exactly as written. */
  default BigDecimal decimal(int index, String column) {
    String s = field(index);
    try {
      BigDecimal v = new BigDecimal(s);
      if (v.signum() >= 0) {
        return v;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw expected(column, "a non-negative number", s);
  }

  /** Like {@link #decimal} but an empty field is null. */
  default BigDecimal optionalDecimal(int index, String column) {
    return isEmpty(index) ? null : decimal(index, column);
  }
}
