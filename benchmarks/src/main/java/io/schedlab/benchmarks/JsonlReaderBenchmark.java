package io.schedlab.benchmarks;

import io.schedlab.traces.TraceEvent;
import io.schedlab.traces.TraceOptions;
import io.schedlab.traces.jsonl.JsonlTraceReader;
import io.schedlab.traces.jsonl.JsonlTraceWriter;
import io.schedlab.traces.jsonl.RandomTraces;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How fast the native trace reader parses: events per second reading a 1M-event trace from
 * {@link RandomTraces} (seed 1; pods with 1-3 containers, owners, affinity and tolerations),
 * written to a temporary file in setup. The score is events/s (one op = one event).
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar JsonlReaderBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgs = {"-Xmx1g"})
public class JsonlReaderBenchmark {
  static final int EVENTS = 1_000_000;

  private Path file;

  @Setup
  public void setup() throws IOException {
    file = Files.createTempFile("schedlab-bench", ".jsonl");
    RandomTraces g = new RandomTraces(1);
    try (JsonlTraceWriter w = JsonlTraceWriter.open(file, RandomTraces.header(1))) {
      for (int i = 0; i < EVENTS; i++) {
        w.write(g.next());
      }
    }
  }

  @TearDown
  public void tearDown() throws IOException {
    Files.deleteIfExists(file);
  }

  @Benchmark
  @OperationsPerInvocation(EVENTS)
  public long readAll() {
    long n = 0;
    long sum = 0;
    try (JsonlTraceReader r = JsonlTraceReader.open(file, TraceOptions.DEFAULTS)) {
      TraceEvent e;
      while ((e = r.next()) != null) {
        n++;
        sum += e.timeNanos();
      }
    }
    if (n != EVENTS) {
      throw new IllegalStateException("read " + n + " events, expected " + EVENTS);
    }
    return sum;
  }
}
