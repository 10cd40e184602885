package io.schedlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.schedlab.api.codec.ManifestException;
import io.schedlab.framework.PluginArgsException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FailuresTest {

  static Stream<Arguments> failures() {
    return Stream.of(
        Arguments.of("manifest error", new ManifestException("a.yaml", "3:1", "malformed YAML: x"),
            2, "a.yaml:3:1: malformed YAML: x"),
        Arguments.of("manifest error wrapped",
            new IllegalStateException("outer", new ManifestException("a.yaml", null, "bad")),
            2, "a.yaml: bad"),
        Arguments.of("plugin args", new PluginArgsException("X.args.y", "Invalid value: 1"),
            2, "X.args.y: Invalid value: 1"),
        Arguments.of("missing file", new UncheckedIOException(new NoSuchFileException("f.yaml")),
            2, "f.yaml: no such file or directory"),
        Arguments.of("bad input with a multi-line message",
            new BadInputException("first line\nsecond line"), 2, "first line"),
        Arguments.of("bug", new NullPointerException("x is null"), 1,
            "internal error: java.lang.NullPointerException: x is null "
                + "(rerun with --debug for the stack trace)"),
        Arguments.of("bug without message", new IllegalStateException(), 1,
            "internal error: java.lang.IllegalStateException "
                + "(rerun with --debug for the stack trace)"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("failures")
  void classifiesAndWords(String name, Throwable t, int exitCode, String message) {
    assertThat(Failures.exitCode(t)).isEqualTo(exitCode);
    assertThat(Failures.message(t)).isEqualTo(message);
  }
}
