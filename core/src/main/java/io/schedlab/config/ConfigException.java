package io.schedlab.config;

/**
 * A scheduler configuration that cannot be used. The message is one line: the source (a file
 * name), where in it (a field path such as {@code profiles[0].plugins.score.enabled[1].weight},
 * or {@code line:column} for syntax errors), and what was expected and found.
 */
public final class ConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String source;
  private final String location;
  private final String problem;

  private ConfigException(String source, String location, String problem, String message) {
    super(message);
    this.source = source;
    this.location = location;
    this.problem = problem;
  }

  /** A problem with the value at a field path; {@code field} may be empty for the whole document. */
  static ConfigException atField(String source, String field, String problem) {
    String message = field == null || field.isEmpty()
        ? source + ": " + problem
        : source + ": " + field + ": " + problem;
    return new ConfigException(source, field, problem, message);
  }

  /** A problem at a text position, 1-based, with the field path when it is known. */
  static ConfigException atPosition(
      String source, int line, int column, String field, String problem) {
    String position = line + ":" + column;
    String message = field == null || field.isEmpty()
        ? source + ":" + position + ": " + problem
        : source + ":" + position + ": " + field + ": " + problem;
    return new ConfigException(source, field == null || field.isEmpty() ? position : field,
        problem, message);
  }

  /** The file or other source the configuration came from. */
  public String source() {
    return source;
  }

  /** The field path, or {@code line:column} when only the position is known; may be null. */
  public String location() {
    return location;
  }

  /** What was wrong, without source and location. */
  public String problem() {
    return problem;
  }
}
