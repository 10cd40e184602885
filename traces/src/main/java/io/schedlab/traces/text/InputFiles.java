package io.schedlab.traces.text;

import io.schedlab.traces.TraceFormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The files a reader's inputs name: files as given, folders by their files in name order. */
public final class InputFiles {
  private InputFiles() {}

  /** The regular files directly in {@code folder}, in name order. */
  public static List<Path> inFolder(Path folder) {
    List<Path> files = new ArrayList<>();
    try (Stream<Path> list = Files.list(folder)) {
      list.forEach(p -> {
        if (Files.isRegularFile(p)) {
          files.add(p);
        }
      });
    } catch (IOException e) {
      throw new TraceFormatException(folder.toString(), 0, "cannot list: " + e.getMessage());
    }
    files.sort(null);
    return files;
  }

  /**
   * A folder's regular files ({@link #inFolder}) or the file itself; an input that is neither
   * fails with {@code missing}.
   */
  public static List<Path> filesOf(Path input, String missing) {
    if (Files.isDirectory(input)) {
      return inFolder(input);
    }
    if (Files.isRegularFile(input)) {
      return List.of(input);
    }
    throw new TraceFormatException(input.toString(), 0, missing);
  }

  /** Adds {@code folder/name} to {@code files} when it is a regular file; whether it was. */
  public static boolean addIfPresent(Path folder, String name, List<Path> files) {
    Path file = folder.resolve(name);
    if (!Files.isRegularFile(file)) {
      return false;
    }
    files.add(file);
    return true;
  }

  /** Whether a file name is a plain or gzip'd CSV table ({@code .csv}, {@code .csv.gz}). */
  public static boolean isCsv(String fileName) {
    return fileName.endsWith(".csv") || fileName.endsWith(".csv.gz");
  }
}
