package io.schedlab.api.codec;

/**
 * A manifest that cannot be read: a missing file, malformed YAML or JSON, a value of the wrong
 * type, an invalid quantity. The message is one line naming the file and where in it, e.g.
 * {@code pods.yaml: document 2, spec.containers[0].resources.requests.cpu: quantities must match
 * ...} or {@code nodes.yaml:14:3: malformed YAML: ...}.
 */
public final class ManifestException extends RuntimeException {
  private final String file;
  private final String location;

  /**
   * @param file the file as the user named it, or null for text not read from a file
   * @param location {@code line:column}, or {@code document N, json.path}, or null
   * @param detail what is wrong, one line
   */
  public ManifestException(String file, String location, String detail) {
    this(file, location, detail, null);
  }

  public ManifestException(String file, String location, String detail, Throwable cause) {
    super(compose(file, location, detail), cause);
    this.file = file;
    this.location = location;
  }

  /** The file, or null for text not read from a file. */
  public String file() {
    return file;
  }

  /** Where in the file: {@code line:column} or {@code document N, path}; may be null. */
  public String location() {
    return location;
  }

  private static String compose(String file, String location, String detail) {
    StringBuilder sb = new StringBuilder();
    if (file != null) {
      sb.append(file);
    }
    if (location != null && !location.isEmpty()) {
      if (sb.length() > 0) {
        // "file:14:3" for a position, "file: document 2, ..." for a path.
        sb.append(Character.isDigit(location.charAt(0)) ? ":" : ": ");
      }
      sb.append(location);
    }
    if (sb.length() > 0) {
      sb.append(": ");
    }
    sb.append(oneLine(detail));
    return sb.toString();
  }

  static String oneLine(String s) {
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    return (nl < 0 ? s : s.substring(0, nl)).strip();
  }
}
