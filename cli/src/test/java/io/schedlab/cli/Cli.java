package io.schedlab.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Runs {@link Main} in-process with captured streams. */
record Cli(int exitCode, String out, String err) {

  static Cli run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
    return new Cli(code, out.toString(), err.toString());
  }

  List<String> outLines() {
    return out.lines().toList();
  }

  List<String> errLines() {
    return err.lines().toList();
  }

  /**
   * A path below the repository root. Surefire runs in the module folder, an IDE may run in the
   * root; both work.
   */
  static String repoPath(String relative) {
    Path fromModule = Path.of("..", relative);
    return (Files.exists(fromModule) ? fromModule : Path.of(relative)).toString();
  }

  /** A test fixture of this module. */
  static String fixture(String relative) {
    Path fromModule = Path.of("src/test/resources", relative);
    return (Files.exists(fromModule) ? fromModule : Path.of("cli/src/test/resources", relative))
        .toString();
  }
}
