package io.schedlab.traces.jsonl;

import static io.schedlab.traces.jsonl.JsonlRoundTripTest.readAll;
import static io.schedlab.traces.jsonl.JsonlRoundTripTest.reader;
import static org.assertj.core.api.Assertions.assertThat;

import io.schedlab.traces.TraceEvent;
import io.schedlab.traces.TraceSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The example in traces/FORMAT.md is a valid trace and says what the document says. */
class FormatDocExampleTest {
  @Test
  void theDocumentedExampleReads() throws IOException {
    Path doc = Files.exists(Path.of("FORMAT.md")) ? Path.of("FORMAT.md") : Path.of("traces/FORMAT.md");
    String text = Files.readString(doc);
    int section = text.indexOf("## Example");
    int start = text.indexOf("```\n", section) + 4;
    int end = text.indexOf("```", start);
    try (TraceSource source = reader(text.substring(start, end))) {
      List<TraceEvent> events = readAll(source);
      assertThat(source.header().format()).isEqualTo("example");
      assertThat(events).hasSize(5);
      TraceEvent.PodSubmitted eval = (TraceEvent.PodSubmitted) events.get(2);
      assertThat(eval.dependsOn()).containsExactly("ml/train-0");
      assertThat(eval.durationNanos()).isEqualTo(TraceEvent.PodSubmitted.UNKNOWN_DURATION);
      TraceEvent.PodSubmitted train = (TraceEvent.PodSubmitted) events.get(1);
      assertThat(train.durationNanos()).isEqualTo(3_600_000_000_000L);
      assertThat(train.pod().spec().priority()).isEqualTo(1000);
      assertThat(events.get(4)).isEqualTo(new TraceEvent.NodeRemoved(7_200_000_000_000L, "n1"));
    }
  }
}
