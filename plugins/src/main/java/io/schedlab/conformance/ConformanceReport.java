package io.schedlab.conformance;

import java.util.List;

/**
 * The outcome of a conformance run: cases passed and failed, one line per failed expectation
 * (in run order), and the same per file.
 */
public record ConformanceReport(int passed, int failed, List<String> failures, List<FileResult> files) {
  public ConformanceReport {
    failures = List.copyOf(failures);
    files = List.copyOf(files);
  }

  /** One case file: its name relative to the run's directory, the plugin it names, its counts. */
  public record FileResult(String file, String plugin, int passed, int failed, List<String> failures) {
    public FileResult {
      failures = List.copyOf(failures);
    }

    public int cases() {
      return passed + failed;
    }
  }

  /** The result for a file name such as {@code NodeName.json}, or null. */
  public FileResult file(String name) {
    for (FileResult f : files) {
      if (f.file().equals(name)) {
        return f;
      }
    }
    return null;
  }

  /** The last line a run prints: {@code N passed, N failed}. */
  public String summary() {
    return passed + " passed, " + failed + " failed";
  }
}
