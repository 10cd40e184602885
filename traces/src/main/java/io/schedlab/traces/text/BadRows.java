package io.schedlab.traces.text;

import io.schedlab.traces.TraceFormatException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Counts the malformed rows a reader skipped, or rethrows the first one when not skipping. */
public final class BadRows {
  private final boolean skip;
  private long count;

  public BadRows(boolean skip) {
    this.skip = skip;
  }

  /** Parses the current row of a table into a value, or throws {@link TraceFormatException}. */
  @FunctionalInterface
  public interface RowParser<T> {
    T parse(CsvFile csv, int parsedSoFar);
  }

  /** Skips the row that failed (counting it) or throws its error. */
  public void handle(TraceFormatException e) {
    if (!skip) {
      throw e;
    }
    count++;
  }

  /**
   * Every row of a small header-less table with {@code columns} fields, parsed in file order;
   * bad rows go to {@link #handle}.
   */
  public <T> List<T> readAll(Path file, int columns, RowParser<T> parser) {
    List<T> rows = new ArrayList<>();
    try (CsvFile csv = CsvFile.open(file, columns)) {
      while (csv.next()) {
        try {
          rows.add(parser.parse(csv, rows.size()));
        } catch (TraceFormatException e) {
          handle(e);
        }
      }
    }
    return rows;
  }

  public long count() {
    return count;
  }
}
