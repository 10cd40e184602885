package io.schedlab.traces.text;

import io.schedlab.traces.TraceFormatException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Reads a header-less comma-separated table one row at a time, keeping the file name and line
 * number for error messages. The recorded traces it serves never quote fields, so a row is split
 * on every comma; blank lines are skipped. A {@code .gz} file is decompressed on the fly.
 *
 * <p>Implementation note: the field array is reused between rows ({@link #field} copies out), so
 * reading a row allocates only the line and the substrings asked for.
 */
public final class CsvRows implements AutoCloseable {
  private final String fileName;
  private final BufferedReader reader;
  private final int columns;
  private final int[] starts;
  private final int[] ends;
  private String line;
  private long lineNumber;
  private int fieldCount;

  private CsvRows(String fileName, BufferedReader reader, int columns) {
    this.fileName = fileName;
    this.reader = reader;
    this.columns = columns;
    this.starts = new int[columns];
    this.ends = new int[columns];
  }

  /** Opens a table whose rows must have exactly {@code columns} fields. */
  public static CsvRows open(Path file, int columns) {
    String name = file.getFileName().toString();
    try {
      InputStream in = Files.newInputStream(file);
      if (name.endsWith(".gz")) {
        in = new GZIPInputStream(in, 1 << 16);
      }
      return new CsvRows(name, new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16), columns);
    } catch (IOException e) {
      throw new TraceFormatException(name, 0, "cannot read: " + e.getMessage());
    }
  }

  public String fileName() {
    return fileName;
  }

  /** The 1-based line of the current row. */
  public long lineNumber() {
    return lineNumber;
  }

  /** The current row's text. */
  public String line() {
    return line;
  }

  /**
   * Moves to the next non-blank row; false at the end. The row's field count is checked by the
   * first field read, so that a reader skipping bad rows can catch it like any other error.
   */
  public boolean next() {
    try {
      do {
        line = reader.readLine();
        if (line == null) {
          return false;
        }
        lineNumber++;
      } while (line.isBlank());
    } catch (IOException e) {
      throw new TraceFormatException(fileName, lineNumber, "cannot read: " + e.getMessage());
    }
    int n = 0;
    int start = 0;
    int length = line.endsWith("\r") ? line.length() - 1 : line.length();
    for (int i = 0; i <= length; i++) {
      if (i == length || line.charAt(i) == ',') {
        if (n < columns) {
          starts[n] = start;
          ends[n] = i;
        }
        n++;
        start = i + 1;
      }
    }
    fieldCount = n;
    return true;
  }

  /** Field {@code index} (0-based) of the current row, trimmed. */
  public String field(int index) {
    if (fieldCount != columns) {
      throw error("expected " + columns + " comma-separated fields, got " + fieldCount);
    }
    return line.substring(starts[index], ends[index]).trim();
  }

  /** An error at the current row. */
  public TraceFormatException error(String message) {
    return new TraceFormatException(fileName, lineNumber, message);
  }

  /** An error at the current row about one column. */
  public TraceFormatException error(String column, String expected, String got) {
    return error(column + ": expected " + expected + ", got \"" + got + "\"");
  }

  /** A required integer column. */
  public long longField(int index, String column) {
    String text = field(index);
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw error(column, "an integer", text);
    }
  }

  /** A required integer column that must be at least zero. */
  public long nonNegativeLong(int index, String column) {
    String text = field(index);
    try {
      long v = Long.parseLong(text);
      if (v >= 0) {
        return v;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw error(column, "a non-negative integer", text);
  }

  /** An optional decimal column: NaN when empty. */
  public double doubleOrNaN(int index, String column) {
    String text = field(index);
    if (text.isEmpty()) {
      return Double.NaN;
    }
    try {
      double v = Double.parseDouble(text);
      if (!Double.isNaN(v) && !Double.isInfinite(v)) {
        return v;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw error(column, "a number", text);
  }

  /** A required non-empty text column. */
  public String text(int index, String column) {
    String text = field(index);
    if (text.isEmpty()) {
      throw error(column, "a non-empty value", text);
    }
    return text;
  }

  @Override
  public void close() {
    try {
      reader.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
