package io.schedlab.traces.text;

import io.schedlab.traces.TraceFormatException;
import java.math.BigDecimal;

/**
 * One split line of a recorded trace with its file and line, and typed access to its fields
 * that fails with {@code file:line: column: expected ..., got "..."}.
 */
public record Row(String file, long line, String[] fields) {

  public static Row of(CsvFile csv) {
    return new Row(csv.name(), csv.line(), csv.fields());
  }

  public TraceFormatException error(String message) {
    return new TraceFormatException(file, line, message);
  }

  public TraceFormatException expected(String column, String what, String got) {
    return error(column + ": expected " + what + ", got \"" + got + "\"");
  }

  /** Fails unless the row has exactly {@code count} fields. */
  public void requireFields(int count) {
    if (fields.length != count) {
      throw error("expected " + count + " fields, got " + fields.length);
    }
  }

  public String text(int index) {
    return fields[index];
  }

  public boolean isEmpty(int index) {
    return fields[index].isEmpty();
  }

  public String required(int index, String column) {
    String s = fields[index];
    if (s.isEmpty()) {
      throw expected(column, "a value", s);
    }
    return s;
  }

  public long longValue(int index, String column) {
    String s = fields[index];
    try {
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      throw expected(column, "an integer", s);
    }
  }

  public long nonNegativeLong(int index, String column) {
    long v;
    try {
      v = Long.parseLong(fields[index]);
    } catch (NumberFormatException e) {
      throw expected(column, "a non-negative integer", fields[index]);
    }
    if (v < 0) {
      throw expected(column, "a non-negative integer", fields[index]);
    }
    return v;
  }

  /** A non-negative decimal number (integers and {@code 12.0} alike), exactly as written. */
  public BigDecimal decimal(int index, String column) {
    String s = fields[index];
    BigDecimal v;
    try {
      v = new BigDecimal(s);
    } catch (NumberFormatException e) {
      throw expected(column, "a non-negative number", s);
    }
    if (v.signum() < 0) {
      throw expected(column, "a non-negative number", s);
    }
    return v;
  }

  /** Like {@link #decimal} but an empty field is null. */
  public BigDecimal optionalDecimal(int index, String column) {
    return fields[index].isEmpty() ? null : decimal(index, column);
  }

  public int intInRange(int index, String column, int min, int max) {
    String s = fields[index];
    int v;
    try {
      v = Integer.parseInt(s);
    } catch (NumberFormatException e) {
      throw expected(column, "an integer in " + min + ".." + max, s);
    }
    if (v < min || v > max) {
      throw expected(column, "an integer in " + min + ".." + max, s);
    }
    return v;
  }
}
