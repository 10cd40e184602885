package io.schedlab.traces.text;

import io.schedlab.traces.TraceFormatException;

/**
 * One split line of a recorded trace with its file and line, kept after the reader moved on
 * (e.g. a row waiting in a merge); typed access comes from {@link TypedFields}.
 */
public record Row(String file, long line, String[] fields) implements TypedFields {

  public static Row of(CsvFile csv) {
    return new Row(csv.name(), csv.line(), csv.fields());
  }

  @Override
  public String field(int index) {
    return fields[index];
  }

  @Override
  public TraceFormatException error(String message) {
    return new TraceFormatException(file, line, message);
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
}
