package io.schedlab.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A report directory that appears only once it is complete: the files are written into a hidden
 * sibling directory and moved into place at the end, so a failed command leaves no half-written
 * report.
 */
final class OutputDir {
  /** Writes the report's files into the directory it is given. */
  @FunctionalInterface
  interface Body {
    void write(Path dir) throws IOException;
  }

  private OutputDir() {}

  /** Fails with a one-line message when {@code out} cannot become a report directory. */
  static Path check(String option, Path out) {
    Path target = out.toAbsolutePath().normalize();
    if (Files.exists(target) && !Files.isDirectory(target)) {
      throw new BadInputException(option + " " + out + ": exists and is not a directory");
    }
    if (!Files.isDirectory(target.getParent())) {
      throw new BadInputException(option + " " + out + ": no such directory: "
          + target.getParent());
    }
    return target;
  }

  static void write(String option, Path out, Body body) {
    Path target = check(option, out);
    Path tmp = target.resolveSibling("." + target.getFileName() + "."
        + ProcessHandle.current().pid() + ".part");
    try {
      deleteTree(tmp);
      Files.createDirectories(tmp);
      body.write(tmp);
      Files.createDirectories(target);
      try (Stream<Path> files = Files.walk(tmp)) {
        for (Path p : files.sorted().toList()) {
          Path dest = target.resolve(tmp.relativize(p).toString());
          if (Files.isDirectory(p)) {
            Files.createDirectories(dest);
          } else {
            Files.move(p, dest, StandardCopyOption.REPLACE_EXISTING);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(out + ": cannot write: " + e.getMessage(), e);
    } finally {
      try {
        deleteTree(tmp);
      } catch (IOException ignored) {
        // The report is in place, or the command failed already; a hidden leftover is harmless.
      }
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
