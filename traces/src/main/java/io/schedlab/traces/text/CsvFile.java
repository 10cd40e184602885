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
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * A comma-separated file read one line at a time, plain or gzip'd (by the {@code .gz} suffix).
 *
 * <p>Implementation note: the recorded traces schedlab reads never quote fields, so a line is
 * split on every comma; fields keep their text as written except for surrounding blanks, which
 * are trimmed (Philly's machine list puts a space after each comma).
 */
public final class CsvFile implements AutoCloseable {
  private final Path path;
  private final String name;
  private final BufferedReader reader;
  private final List<String> fields = new ArrayList<>();
  private long line;
  private String text;

  private CsvFile(Path path, BufferedReader reader) {
    this.path = path;
    this.name = path.getFileName() == null ? path.toString() : path.getFileName().toString();
    this.reader = reader;
  }

  public static CsvFile open(Path path) {
    try {
      InputStream in = Files.newInputStream(path);
      if (path.toString().endsWith(".gz")) {
        in = new GZIPInputStream(in, 1 << 16);
      }
      return new CsvFile(path, new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16));
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
          fields.clear();
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
      throw new TraceFormatException(name, line, "cannot read: " + e.getMessage());
    } catch (UncheckedIOException e) {
      throw new TraceFormatException(name, line, "cannot read: " + e.getCause().getMessage());
    }
  }

  private void split(String s) {
    fields.clear();
    int start = 0;
    int comma;
    while ((comma = s.indexOf(',', start)) >= 0) {
      fields.add(s.substring(start, comma).strip());
      start = comma + 1;
    }
    fields.add(s.substring(start).strip());
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

  public String text() {
    return text;
  }

  public int size() {
    return fields.size();
  }

  public String field(int index) {
    return fields.get(index);
  }

  /** A copy of the current line's fields. */
  public String[] fields() {
    return fields.toArray(new String[0]);
  }

  public TraceFormatException error(String message) {
    return new TraceFormatException(name, line, message);
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
