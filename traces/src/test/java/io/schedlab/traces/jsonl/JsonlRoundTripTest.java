package io.schedlab.traces.jsonl;

import static org.assertj.core.api.Assertions.assertThat;

import io.schedlab.traces.TraceEvent;
import io.schedlab.traces.TraceHeader;
import io.schedlab.traces.TraceOptions;
import io.schedlab.traces.TraceSource;
import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonlRoundTripTest {
  @TempDir Path dir;

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 144, 233, 377, 610, 987, 1597})
  void writeThenReadReturnsTheSameEvents(long seed) {
    List<TraceEvent> events = RandomTraces.generate(seed, 400);
    TraceHeader header = RandomTraces.header(seed);
    String text = write(header, events);

    try (TraceSource source = reader(text)) {
      assertThat(source.header()).isEqualTo(header);
      assertThat(readAll(source)).containsExactlyElementsOf(events);
      assertThat(source.badRows()).isZero();
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"trace.jsonl", "trace.jsonl.gz"})
  void roundTripsThroughFilesPlainAndGzipped(String name) {
    List<TraceEvent> events = RandomTraces.generate(42, 2_000);
    Path file = dir.resolve(name);
    try (JsonlTraceWriter w = JsonlTraceWriter.open(file, RandomTraces.header(42))) {
      events.forEach(w::write);
    }
    try (TraceSource source = new JsonlFormat().open(List.of(file), TraceOptions.DEFAULTS)) {
      assertThat(readAll(source)).containsExactlyElementsOf(events);
    }
  }

  @Test
  void severalFilesMergeByTimeWithTiesInInputOrder() {
    Path a = dir.resolve("a.jsonl");
    Path b = dir.resolve("b.jsonl");
    TraceHeader header = new TraceHeader(1, "test", "a", Map.of());
    try (JsonlTraceWriter w = JsonlTraceWriter.open(a, header)) {
      w.write(new TraceEvent.NodeRemoved(1, "a1"));
      w.write(new TraceEvent.NodeRemoved(5, "a5"));
    }
    try (JsonlTraceWriter w = JsonlTraceWriter.open(b, header)) {
      w.write(new TraceEvent.NodeRemoved(0, "b0"));
      w.write(new TraceEvent.NodeRemoved(5, "b5"));
      w.write(new TraceEvent.NodeRemoved(7, "b7"));
    }
    try (TraceSource source = new JsonlFormat().open(List.of(a, b), TraceOptions.DEFAULTS)) {
      List<String> names = new ArrayList<>();
      for (TraceEvent e : readAll(source)) {
        names.add(((TraceEvent.NodeRemoved) e).nodeName());
      }
      assertThat(names).containsExactly("b0", "a1", "a5", "b5", "b7");
    }
  }

  @Test
  void headerWithoutOptionalFieldsRoundTrips() {
    TraceHeader header = new TraceHeader(1, null, null, Map.of());
    try (TraceSource source = reader(write(header, List.of()))) {
      assertThat(source.header()).isEqualTo(header);
      assertThat(source.next()).isNull();
    }
  }

  static String write(TraceHeader header, List<TraceEvent> events) {
    StringWriter out = new StringWriter();
    try (JsonlTraceWriter w = new JsonlTraceWriter(out, header)) {
      events.forEach(w::write);
    }
    return out.toString();
  }

  static JsonlTraceReader reader(String text) {
    return reader(text, TraceOptions.DEFAULTS);
  }

  static JsonlTraceReader reader(String text, TraceOptions options) {
    return new JsonlTraceReader(
        new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "t.jsonl", options);
  }

  static List<TraceEvent> readAll(TraceSource source) {
    List<TraceEvent> out = new ArrayList<>();
    source.forEachRemaining(out::add);
    return out;
  }
}
