package io.schedlab.framework;

/** Invalid plugin args; the message names the field and what was expected, upstream style. */
public final class PluginArgsException extends RuntimeException {
  private final String field;

  public PluginArgsException(String field, String message) {
    super(field + ": " + message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
