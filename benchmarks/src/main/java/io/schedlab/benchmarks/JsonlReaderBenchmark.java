package io.schedlab.benchmarks;

import io.schedlab.traces.TraceEvent;
import io.schedlab.traces.TraceOptions;
import io.schedlab.traces.jsonl.JsonlTraceReader;
import io.schedlab.traces.jsonl.JsonlTraceWriter;
import io.schedlab.traces.jsonl.RandomTraces;
import io.schedlab.api.Container;
import io.schedlab.api.ObjectMeta;
import io.schedlab.api.Pod;
import io.schedlab.api.PodSpec;
import io.schedlab.api.PodStatus;
import io.schedlab.api.Quantity;
import io.schedlab.api.ResourceRequirements;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How fast the native trace reader parses: events per second reading a 1M-event trace written
 * to a temporary file in setup. The score is events/s (one op = one event). Two shapes:
 * {@code recorded}, what a converted recorded trace looks like (openb-like: one container with
 * cpu, memory and a GPU share, a label, a QoS annotation, a duration; a deletion per pod; about
 * 270 bytes an event), and {@code random}, {@link RandomTraces} (seed 1: 1-3 containers, owners,
 * affinity, tolerations, usage; about 480 bytes an event).
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

  @Param({"recorded", "random"})
  public String shape;

  private Path file;

  @Setup
  public void setup() throws IOException {
    file = Files.createTempFile("schedlab-bench", ".jsonl");
    try (JsonlTraceWriter w = JsonlTraceWriter.open(file, RandomTraces.header(1))) {
      if (shape.equals("random")) {
        RandomTraces g = new RandomTraces(1);
        for (int i = 0; i < EVENTS; i++) {
          w.write(g.next());
        }
      } else {
        writeRecorded(w);
      }
    }
  }

  private static void writeRecorded(JsonlTraceWriter w) {
    SplittableRandom random = new SplittableRandom(1);
    long t = 0;
    for (int i = 0; i < EVENTS / 2; i++) {
      t += random.nextLong(0, 1_000_000_000L);
      Map<String, Quantity> requests = Map.of(
          "cpu", Quantity.ofMilli(random.nextInt(1, 64) * 1000L),
          "memory", Quantity.parse(random.nextInt(1, 256) * 1024 + "Mi"),
          "alibaba.com/gpu-milli", Quantity.of(random.nextInt(0, 8) * 1000L, Quantity.Format.DECIMAL_SI));
      Pod pod = Pod.of(
          new ObjectMeta("openb-pod-" + i, null, "default", null, null, null, null, null, null,
              Map.of("app", "job-" + random.nextInt(1000)),
              Map.of("alibaba.com/qos", random.nextBoolean() ? "LS" : "BE"), null, null),
          PodSpec.EMPTY.withContainers(List.of(new Container("main", null, null, null,
              new ResourceRequirements(requests, null), null, null))),
          PodStatus.EMPTY);
      long duration = random.nextLong(1_000_000_000L, 100_000_000_000_000L);
      w.write(new TraceEvent.PodSubmitted(t, pod, duration, Map.of(), List.of()));
      w.write(new TraceEvent.PodDeleted(t, "default", "openb-pod-" + i, TraceEvent.PodDeleted.Reason.FINISHED));
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
