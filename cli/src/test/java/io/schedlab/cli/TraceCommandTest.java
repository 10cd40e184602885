package io.schedlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.schedlab.traces.TraceEvent;
import io.schedlab.traces.TraceOptions;
import io.schedlab.traces.TraceSource;
import io.schedlab.traces.jsonl.JsonlTraceReader;
import io.schedlab.traces.jsonl.JsonlTraceWriter;
import io.schedlab.traces.jsonl.RandomTraces;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TraceCommandTest {
  private static final String HEADER = "{\"format\":\"schedlab-trace\",\"version\":1}\n";

  @TempDir Path dir;

  private Path write(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, text);
    return p;
  }

  @Test
  void statsCountsTotalsAndHistograms() throws IOException {
    Path trace = write("t.jsonl", HEADER
        + "{\"t\":0,\"type\":\"NodeAdded\",\"node\":{\"metadata\":{\"name\":\"n1\"},"
        + "\"status\":{\"allocatable\":{\"cpu\":\"4\",\"memory\":\"8Gi\",\"nvidia.com/gpu\":\"2\"}}}}\n"
        + "{\"t\":1000000000,\"type\":\"PodSubmitted\",\"pod\":{\"metadata\":{\"name\":\"a\"},\"spec\":"
        + "{\"containers\":[{\"name\":\"c\",\"resources\":{\"requests\":{\"cpu\":\"500m\",\"memory\":\"1Gi\"}}},"
        + "{\"name\":\"d\",\"resources\":{\"requests\":{\"cpu\":\"250m\",\"nvidia.com/gpu\":\"1\"}}}]}},"
        + "\"durationNanos\":5}\n"
        + "{\"t\":3500000000,\"type\":\"PodDeleted\",\"name\":\"a\",\"reason\":\"FINISHED\"}\n");
    Cli r = Cli.run("trace", "stats", trace.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.outLines()).contains(
        "events          3",
        "  NodeAdded     1",
        "  PodSubmitted  1 (with duration 1, with usage 0, with dependencies 0)",
        "  PodDeleted    1 (FINISHED 1)",
        "time span       0.000s .. 3.500s (3.500s)",
        "  cpu                      4",
        "  memory                   8Gi",
        "  cpu                      750m",
        "  memory                   1Gi",
        "  nvidia.com/gpu           1",
        "cpu requests (1 pods)",
        "memory requests (1 pods)",
        "nvidia.com/gpu requests (1 pods)");
    assertThat(r.out()).contains("[512m, 1024m)").contains("[1Gi, 2Gi)").contains("[1, 2)");
  }

  @Test
  void statsSkipsAndCountsBadRows() throws IOException {
    Path trace = write("t.jsonl", HEADER + "{\"t\":1,\"type\":\"NodeRemoved\",\"name\":\"n\"}\nnope\n");
    Cli strict = Cli.run("trace", "stats", trace.toString());
    assertThat(strict.exitCode()).isEqualTo(2);
    assertThat(strict.errLines()).hasSize(1);
    assertThat(strict.errLines().get(0)).startsWith("schedlab: " + trace + ":3: malformed JSON");

    Cli lenient = Cli.run("trace", "stats", "--skip-bad-rows", trace.toString());
    assertThat(lenient.exitCode()).as(lenient.err()).isZero();
    assertThat(lenient.outLines()).contains("events          1", "bad rows        1 (skipped)");
  }

  @Test
  void convertCopiesEveryEvent() throws IOException {
    Path in = dir.resolve("in.jsonl");
    List<TraceEvent> events = RandomTraces.generate(7, 500);
    try (JsonlTraceWriter w = JsonlTraceWriter.open(in, RandomTraces.header(7))) {
      events.forEach(w::write);
    }
    for (String name : List.of("out.jsonl", "out.jsonl.gz")) {
      Path out = dir.resolve(name);
      Cli r = Cli.run("trace", "convert", "--from", "jsonl", "--to", "jsonl", "--out", out.toString(),
          "--progress", "200", in.toString());
      assertThat(r.exitCode()).as(r.err()).isZero();
      assertThat(r.errLines()).hasSize(3);
      assertThat(r.errLines().get(0)).startsWith("converting: 200 events (trace time ");
      assertThat(r.errLines().get(1)).startsWith("converting: 400 events (trace time ");
      assertThat(r.errLines().get(2)).startsWith("converted 500 events in ");
      List<TraceEvent> back = new ArrayList<>();
      try (TraceSource s = JsonlTraceReader.open(out, TraceOptions.DEFAULTS)) {
        s.forEachRemaining(back::add);
        assertThat(s.header()).isEqualTo(RandomTraces.header(7));
      }
      assertThat(back).containsExactlyElementsOf(events);
    }
  }

  @Test
  void convertOfBadInputLeavesNoOutput() throws IOException {
    Path in = write("in.jsonl", HEADER + "{\"t\":1,\"type\":\"NodeRemoved\",\"name\":\"n\"}\n{\"t\":0}\n");
    Path out = dir.resolve("out.jsonl");
    Cli r = Cli.run("trace", "convert", "--from", "jsonl", "--out", out.toString(), in.toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.errLines()).containsExactly("schedlab: " + in + ":3: missing \"type\"");
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("in.jsonl");
    }
  }

  @Test
  void unknownFormatsAreBadInput() {
    Cli from = Cli.run("trace", "convert", "--from", "csv", "x");
    assertThat(from.exitCode()).isEqualTo(2);
    assertThat(from.errLines()).containsExactly(
        "schedlab: --from: unknown trace format 'csv'; expected one of jsonl, alibaba-gpu-2023, kube-dump, alibaba-2018, alibaba-2017, google-2011, alibaba-gpu-2020, alibaba-gpu-2025, philly-2017");
    Cli to = Cli.run("trace", "convert", "--from", "jsonl", "--to", "csv", "x");
    assertThat(to.exitCode()).isEqualTo(2);
    assertThat(to.errLines()).containsExactly(
        "schedlab: --to: unsupported output format 'csv'; expected jsonl");
  }

  @Test
  void aMissingFileIsBadInput() {
    Cli r = Cli.run("trace", "stats", dir.resolve("none.jsonl").toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.errLines()).containsExactly("schedlab: " + dir.resolve("none.jsonl") + ": no such file");
  }

  @Test
  void traceWithoutSubcommandIsAnError() {
    Cli r = Cli.run("trace");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("missing trace command");
  }
}
