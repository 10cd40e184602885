package io.schedlab.traces.jsonl;

import static io.schedlab.traces.jsonl.JsonlRoundTripTest.readAll;
import static io.schedlab.traces.jsonl.JsonlRoundTripTest.reader;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.schedlab.traces.TraceEvent;
import io.schedlab.traces.TraceFormatException;
import io.schedlab.traces.TraceOptions;
import io.schedlab.traces.TraceSource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonlMalformedTest {
  private static final String HEADER = "{\"format\":\"schedlab-trace\",\"version\":1}\n";
  private static final String GOOD_1 = "{\"t\":10,\"type\":\"NodeRemoved\",\"name\":\"n1\"}\n";
  private static final String GOOD_2 = "{\"t\":20,\"type\":\"NodeRemoved\",\"name\":\"n2\"}\n";

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      not json             | {"t":15,                                               | t.jsonl:3: malformed JSON
      not an object        | [1,2]                                                  | t.jsonl:3: expected an event object
      two objects          | {"t":15,"type":"NodeRemoved","name":"x"} {}            | t.jsonl:3: expected one JSON object on the line
      missing t            | {"type":"NodeRemoved","name":"x"}                      | t.jsonl:3: missing "t" (event time in nanoseconds)
      negative t           | {"t":-1,"type":"NodeRemoved","name":"x"}               | t.jsonl:3: t: expected a non-negative integer (nanoseconds), got -1
      string t             | {"t":"5","type":"NodeRemoved","name":"x"}              | t.jsonl:3: t: expected a non-negative integer (nanoseconds), got 5
      missing type         | {"t":15,"name":"x"}                                    | t.jsonl:3: missing "type"
      unknown type         | {"t":15,"type":"PodExploded"}                          | t.jsonl:3: type: unknown event type "PodExploded"; expected one of NodeAdded
      missing pod          | {"t":15,"type":"PodSubmitted"}                         | t.jsonl:3: PodSubmitted: missing "pod"
      missing node         | {"t":15,"type":"NodeAdded"}                            | t.jsonl:3: NodeAdded: missing "node"
      bad reason           | {"t":15,"type":"PodDeleted","name":"p","reason":"X"}   | t.jsonl:3: reason: expected one of [DELETED, FINISHED, KILLED, FAILED, EVICTED, LOST], got "X"
      bad pod field        | {"t":15,"type":"PodSubmitted","pod":{"spec":{"priority":"high"}}} | t.jsonl:3: pod.spec.priority:
      bad usage quantity   | {"t":15,"type":"PodSubmitted","pod":{},"usage":{"cpu":"lots"}}   | t.jsonl:3: usage.cpu:
      bad dependsOn        | {"t":15,"type":"PodSubmitted","pod":{},"dependsOn":[1]} | t.jsonl:3: dependsOn[0]: expected a string, got 1
      out of time order    | {"t":5,"type":"NodeRemoved","name":"x"}                | t.jsonl:3: events out of time order: t=5 after t=10
      """)
  void aBadLineNamesFileAndLine(String name, String line, String expected) {
    try (TraceSource source = reader(HEADER + GOOD_1 + line + "\n" + GOOD_2)) {
      assertThat(source.next()).isEqualTo(new TraceEvent.NodeRemoved(10, "n1"));
      assertThatThrownBy(source::next)
          .isInstanceOf(TraceFormatException.class)
          .hasMessageStartingWith(expected)
          .hasMessageNotContaining("\n")
          .satisfies(e -> assertThat(((TraceFormatException) e).line()).isEqualTo(3));
    }
  }

  @Test
  void skipBadRowsCountsAndSkipsEveryBadLine() {
    String text = HEADER + GOOD_1 + "garbage\n" + "\n" + "{\"t\":3,\"type\":\"NodeRemoved\",\"name\":\"x\"}\n"
        + GOOD_2 + "{\"t\":30,\"type\":\"Nope\"}";
    try (TraceSource source = reader(text, new TraceOptions(true, Map.of()))) {
      assertThat(readAll(source)).containsExactly(
          new TraceEvent.NodeRemoved(10, "n1"), new TraceEvent.NodeRemoved(20, "n2"));
      assertThat(source.badRows()).isEqualTo(3);
    }
  }

  @Test
  void badRowsAcrossManyParseBatchesKeepTheirLineNumbersAndOrder() {
    StringBuilder text = new StringBuilder(HEADER);
    int good = 0;
    for (int line = 2; line <= 3001; line++) {
      if (line % 97 == 0) {
        text.append("{\"t\":").append(line).append(",\"type\":\"Bad\"}\n");
      } else {
        text.append("{\"t\":").append(line).append(",\"type\":\"NodeRemoved\",\"name\":\"n\"}\n");
        good++;
      }
    }
    try (TraceSource source = reader(text.toString(), new TraceOptions(true, Map.of()))) {
      List<TraceEvent> events = readAll(source);
      assertThat(events).hasSize(good);
      assertThat(events).isSortedAccordingTo(java.util.Comparator.comparingLong(TraceEvent::timeNanos));
      assertThat(source.badRows()).isEqualTo(3001 / 97);
    }
    try (TraceSource source = reader(text.toString())) {
      for (int i = 0; i < 95; i++) {
        assertThat(source.next().timeNanos()).isEqualTo(i + 2);
      }
      assertThatThrownBy(source::next).hasMessageStartingWith("t.jsonl:97: type: unknown event type");
    }
  }

  @Test
  void blankLinesAndCrlfAreAccepted() {
    String text = HEADER.replace("\n", "\r\n") + "\n  \n" + GOOD_1.replace("\n", "\r\n") + GOOD_2;
    try (TraceSource source = reader(text)) {
      assertThat(readAll(source)).hasSize(2);
    }
  }

  @Test
  void unknownFieldsAreIgnored() {
    try (TraceSource source = reader(HEADER + "{\"t\":1,\"type\":\"NodeRemoved\",\"name\":\"n\",\"x\":{\"y\":[1]}}")) {
      assertThat(readAll(source)).containsExactly(new TraceEvent.NodeRemoved(1, "n"));
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      blank first line | ' '                                                | t.jsonl:2: not a schedlab trace
      no header        | {"t":1,"type":"NodeRemoved","name":"n"}            | t.jsonl:1: not a schedlab trace
      other format     | {"format":"csv","version":1}                       | t.jsonl:1: not a schedlab trace
      newer version    | {"format":"schedlab-trace","version":2}            | t.jsonl:1: trace format version 2 is not supported; this schedlab reads version 1
      missing version  | {"format":"schedlab-trace"}                        | t.jsonl:1: header: missing version
      """)
  void aBadHeaderFailsEvenWhenSkippingBadRows(String name, String header, String expected) {
    assertThatThrownBy(() -> reader(header + "\n" + GOOD_1, new TraceOptions(true, Map.of())))
        .isInstanceOf(TraceFormatException.class)
        .hasMessageStartingWith(expected);
  }

  @Test
  void anEmptyFileHasNoHeader() {
    assertThatThrownBy(() -> reader("\n\n"))
        .isInstanceOf(TraceFormatException.class)
        .hasMessageStartingWith("t.jsonl: empty file; expected the header line");
  }

  @Test
  void aMissingFileIsNamed() {
    assertThatThrownBy(() -> new JsonlFormat().open(List.of(java.nio.file.Path.of("no/such.jsonl")),
        TraceOptions.DEFAULTS))
        .isInstanceOf(TraceFormatException.class)
        .hasMessage("no/such.jsonl: no such file");
  }

  @Test
  void longLinesGrowTheBuffer() {
    String big = "n".repeat(200_000);
    try (TraceSource source = reader(HEADER + "{\"t\":1,\"type\":\"NodeRemoved\",\"name\":\"" + big + "\"}\n" + GOOD_1)) {
      assertThat(readAll(source)).containsExactly(
          new TraceEvent.NodeRemoved(1, big), new TraceEvent.NodeRemoved(10, "n1"));
    }
  }
}
