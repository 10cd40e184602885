package io.schedlab.traces;

/**
 * A trace input that cannot be read: the message is one line naming the file, the line (when
 * known) and what was expected, e.g. {@code openb_pod_list_default.csv:17: num_gpu: expected a
 * non-negative integer, got "x"}.
 */
public final class TraceFormatException extends RuntimeException {
  private final String file;
  private final long line;

  public TraceFormatException(String file, long line, String message) {
    super(render(file, line, message));
    this.file = file;
    this.line = line;
  }

  public TraceFormatException(String file, long line, String message, Throwable cause) {
    super(render(file, line, message), cause);
    this.file = file;
    this.line = line;
  }

  private static String render(String file, long line, String message) {
    return line > 0 ? file + ":" + line + ": " + message : file + ": " + message;
  }

  public String file() {
    return file;
  }

  /** The 1-based line, or 0 when the problem is not on one line. */
  public long line() {
    return line;
  }
}
