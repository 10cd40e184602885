package io.schedlab.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the bundled sample files: under the installation ({@code schedlab.home}, which
 * {@code bin/schedlab} sets), else under the working directory.
 */
final class Samples {
  static final String HOME_PROPERTY = "schedlab.home";

  private Samples() {}

  /** The sample at {@code relative}, or null when neither place has it. */
  static Path find(String relative) {
    String home = System.getProperty(HOME_PROPERTY);
    if (home != null) {
      Path p = Path.of(home).resolve(relative);
      if (Files.exists(p)) {
        return p;
      }
    }
    Path p = Path.of(relative);
    return Files.exists(p) ? p : null;
  }

  /** The sample at {@code relative}; bad input when it is missing. */
  static Path resolve(String relative) {
    Path p = find(relative);
    if (p == null) {
      throw new BadInputException(relative + ": bundled sample not found (run from the schedlab"
          + " checkout or with bin/schedlab, or pass the file explicitly)");
    }
    return p;
  }
}
