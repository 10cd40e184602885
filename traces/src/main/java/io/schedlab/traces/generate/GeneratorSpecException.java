package io.schedlab.traces.generate;

/**
 * A generator spec (or fitted document) that cannot be used: one line naming the file, the field
 * (e.g. {@code workloads[1].arrival.rate}) and what was expected.
 */
public final class GeneratorSpecException extends RuntimeException {
  private final String field;

  public GeneratorSpecException(String origin, String field, String message) {
    super(render(origin, field, message));
    this.field = field;
  }

  public GeneratorSpecException(String origin, String field, String message, Throwable cause) {
    super(render(origin, field, message), cause);
    this.field = field;
  }

  private static String render(String origin, String field, String message) {
    String where = field == null || field.isEmpty() ? "" : field + ": ";
    return (origin == null ? "" : origin + ": ") + where + message;
  }

  /** The field path the message names, e.g. {@code workloads[0].duration.sigma}; may be empty. */
  public String field() {
    return field;
  }
}
