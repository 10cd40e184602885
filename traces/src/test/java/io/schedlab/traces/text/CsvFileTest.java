package io.schedlab.traces.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.schedlab.traces.TraceFormatException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CsvFileTest {
  @TempDir Path dir;

  @Test
  void gzipFileSkipsBlankLinesAndKeepsLineNumbers() throws IOException {
    Path file = dir.resolve("t.csv.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
      out.write("a, b ,c\n\n  \n1,,3\n".getBytes(StandardCharsets.UTF_8));
    }
    List<String> seen = new ArrayList<>();
    try (CsvFile csv = CsvFile.open(file)) {
      while (csv.next()) {
        seen.add(csv.line() + ":" + String.join("|", csv.fields()) + "/" + csv.size());
      }
    }
    assertThat(seen).containsExactly("1:a|b|c/3", "4:1||3/3");
  }

  static Stream<Arguments> badFields() {
    return Stream.of(
        Arguments.of("column count", "1,2", (Function<CsvFile, Object>) c -> c.field(0),
            "t.csv:1: expected 3 comma-separated fields, got 2"),
        Arguments.of("integer", "x,2,3", (Function<CsvFile, Object>) c -> c.longValue(0, "a"),
            "t.csv:1: a: expected an integer, got \"x\""),
        Arguments.of("negative", "1,-2,3", (Function<CsvFile, Object>) c -> c.nonNegativeLong(1, "b"),
            "t.csv:1: b: expected a non-negative integer, got \"-2\""),
        Arguments.of("empty", "1,,3", (Function<CsvFile, Object>) c -> c.nonEmpty(1, "b"),
            "t.csv:1: b: expected a non-empty value, got \"\""),
        Arguments.of("number", "1,2,NaN", (Function<CsvFile, Object>) c -> c.doubleOrNaN(2, "c"),
            "t.csv:1: c: expected a number, got \"NaN\""),
        Arguments.of("range", "1,12,3", (Function<CsvFile, Object>) c -> c.intInRange(1, "b", 0, 11),
            "t.csv:1: b: expected an integer in 0..11, got \"12\""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badFields")
  void badFieldNamesFileLineAndColumn(String name, String line, Function<CsvFile, Object> read, String message)
      throws IOException {
    Path file = Files.writeString(dir.resolve("t.csv"), line + "\n");
    try (CsvFile csv = CsvFile.open(file, 3)) {
      assertThat(csv.next()).isTrue();
      assertThatThrownBy(() -> read.apply(csv)).isInstanceOf(TraceFormatException.class).hasMessage(message);
    }
  }

  @Test
  void badRowsSkipsAndCountsWhenAskedElseThrows() throws IOException {
    Path file = Files.writeString(dir.resolve("t.csv"), "1,2\nx,2\n3\n4,5\n");
    BadRows skipping = new BadRows(true);
    List<Long> rows = skipping.readAll(file, 2, (csv, n) -> csv.longValue(0, "a"));
    assertThat(rows).containsExactly(1L, 4L);
    assertThat(skipping.count()).isEqualTo(2);
    assertThatThrownBy(() -> new BadRows(false).readAll(file, 2, (csv, n) -> csv.longValue(0, "a")))
        .hasMessage("t.csv:2: a: expected an integer, got \"x\"");
  }
}
