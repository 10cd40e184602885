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
import java.util.Arrays;
import java.util.zip.GZIPInputStream;

/**
 * A comma-separated file read one non-blank line at a time, plain or gzip'd (by the {@code .gz}
 * suffix), keeping the file name and line number for error messages.
 *
 * <p>Implementation note: the recorded traces schedlab reads never quote fields, so a line is
 * split on every comma; a field keeps its text as written except for surrounding blanks (Philly's
 * machine list puts a space after each comma). Only field bounds are recorded per line, in
 * reused arrays, so reading a row allocates the line and the fields asked for. Opened with a
 * column count, the count is checked by the first field read rather than by {@link #next}, so a
 * reader skipping bad rows catches it like any other field error.
 */
public final class CsvFile implements AutoCloseable, TypedFields {
  private static final int BUFFER = 1 << 16;
  private final Path path;
  private final String name;
  private final BufferedReader reader;
  private final int columns;
  private int[] starts = new int[16];
  private int[] ends = new int[16];
  private int fieldCount;
  private long line;
  private String text;

  private CsvFile(Path path, BufferedReader reader, int columns) {
    this.path = path;
    this.name = path.getFileName() == null ? path.toString() : path.getFileName().toString();
    this.reader = reader;
    this.columns = columns;
  }

  /** Opens a file whose lines may have any number of fields. */
  public static CsvFile open(Path path) {
    return open(path, -1);
  }

  /** Opens a table whose rows must have exactly {@code columns} fields. */
  public static CsvFile open(Path path, int columns) {
    try {
      InputStream in = Files.newInputStream(path);
      if (path.toString().endsWith(".gz")) {
        in = new GZIPInputStream(in, BUFFER);
      }
      return new CsvFile(path, new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), BUFFER), columns);
    } catch (IOException e) {
      throw new TraceFormatException(path.toString(), 0, "cannot read: " + e.getMessage());
    }
  }

  /** Reads the next non-blank line; false at the end of the file. */
  public boolean next() {
    try {
      while (true) {
        String s = reader.readLine();
        if (s == null) {
          text = null;
          fieldCount = 0;
          return false;
        }
        line++;
        if (!s.isBlank()) {
          text = s;
          split(s);
          return true;
        }
      }
    } catch (IOException e) {
      throw error("cannot read: " + e.getMessage());
    } catch (UncheckedIOException e) {
      throw error("cannot read: " + e.getCause().getMessage());
    }
  }

  private void split(String s) {
    int n = 0;
    int start = 0;
    int comma;
    while (true) {
      comma = s.indexOf(',', start);
      if (n == starts.length) {
        starts = Arrays.copyOf(starts, n * 2);
        ends = Arrays.copyOf(ends, n * 2);
      }
      starts[n] = start;
      ends[n] = comma < 0 ? s.length() : comma;
      n++;
      if (comma < 0) {
        break;
      }
      start = comma + 1;
    }
    fieldCount = n;
  }

  public Path path() {
    return path;
  }

  /** The file name used in error messages. */
  public String name() {
    return name;
  }

  /** The 1-based number of the current line. */
  public long line() {
    return line;
  }

  /** The current line as read. */
  public String text() {
    return text;
  }

  public int size() {
    return fieldCount;
  }

  /** Field {@code index} (0-based) of the current line, without surrounding blanks. */
  @Override
  public String field(int index) {
    if (columns >= 0 && fieldCount != columns) {
      throw error("expected " + columns + " comma-separated fields, got " + fieldCount);
    }
    if (index >= fieldCount) {
      throw new IndexOutOfBoundsException("field " + index + " of " + fieldCount);
    }
    return text.substring(starts[index], ends[index]).strip();
  }

  /** A copy of the current line's fields. */
  public String[] fields() {
    String[] out = new String[fieldCount];
    for (int i = 0; i < fieldCount; i++) {
      out[i] = text.substring(starts[i], ends[i]).strip();
    }
    return out;
  }

  /** An error at the current line. */
  @Override
  public TraceFormatException error(String message) {
    return new TraceFormatException(name, line, message);
  }

  /** The error for a first line that is not the {@code expected} header (or is missing). */
  public TraceFormatException headerError(String expected) {
    return error("header: expected \"" + expected + "\", got \"" + (text == null ? "" : text) + "\"");
  }

  @Override
  public void close() {
    try {
      reader.close();
    } catch (IOException e) {
      throw new TraceFormatException(name, 0, "cannot close: " + e.getMessage());
    }
  }
}
