package io.schedlab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.schedlab.traces.TraceEvent;
import io.schedlab.traces.TraceHeader;
import io.schedlab.traces.TraceSink;
import io.schedlab.traces.TraceSource;
import io.schedlab.traces.generate.FitDocument;
import io.schedlab.traces.generate.SpecFiles;
import io.schedlab.traces.generate.TraceSampler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The trace commands' work, through the same static methods their call() uses with a collecting
 * sink in place of the native writer (tr-native), and their option parsing.
 */
class TraceCommandsTest {
  private static final Path SAMPLES = Path.of("../traces/samples/generators");

  private static final class Collect implements TraceSink {
    final List<TraceEvent> events = new ArrayList<>();

    @Override
    public void write(TraceEvent event) {
      events.add(event);
    }

    @Override
    public void close() {}
  }

  private static final class ListSource implements TraceSource {
    private final List<TraceEvent> events;
    private int i;

    ListSource(List<TraceEvent> events) {
      this.events = events;
    }

    @Override
    public TraceHeader header() {
      return new TraceHeader(1, "fixture", "list", Map.of());
    }

    @Override
    public TraceEvent next() {
      return i < events.size() ? events.get(i++) : null;
    }

    @Override
    public void close() {}
  }

  private static List<TraceEvent> generated(String sample) {
    Collect c = new Collect();
    long n = TraceGenerateCommand.write(TraceGenerateCommand.load(SAMPLES.resolve(sample)), c);
    assertThat(n).isEqualTo(c.events.size());
    return c.events;
  }

  @Test
  void generateWritesTheSameEventsForTheSameSpec() {
    List<TraceEvent> a = generated("poisson-basic.yaml");
    assertThat(a).isEqualTo(generated("poisson-basic.yaml"));
    assertThat(a.stream().filter(e -> e instanceof TraceEvent.NodeAdded)).hasSize(6);
  }

  @Test
  void aBadSpecIsBadInputNamingFileAndField(@TempDir Path dir) throws Exception {
    Path spec = dir.resolve("bad.yaml");
    Files.writeString(spec, "seed: 1\nworkloads: [{count: -2}]\n");
    assertThatThrownBy(() -> TraceGenerateCommand.load(spec))
        .isInstanceOf(BadInputException.class)
        .hasMessage(spec + ": workloads[0].count: expected a non-negative integer, got -2");
    assertThat(Failures.exitCode(new BadInputException("x"))).isEqualTo(Failures.BAD_INPUT);
  }

  @Test
  void sampleAndInflateStreamIntoTheSink() {
    List<TraceEvent> trace = generated("scheduler-perf-basic.yaml");
    Collect half = new Collect();
    TraceSampleCommand.copy(TraceSampleCommand.subsample(new ListSource(trace), 0.5, 4), half);
    long pods = half.events.stream().filter(e -> e instanceof TraceEvent.PodSubmitted).count();
    double sd = Math.sqrt(1500 * 0.25);
    assertThat((double) pods).isBetween(750 - 5 * sd, 750 + 5 * sd);

    // 500 nodes x 4 cpu = 2,000,000 millicores; 1500 pods x 100m = 150,000 (7.5%). To 15%:
    // exactly 1500 more 100m pods.
    TraceSampler.Inflation plan = TraceSampleCommand.inflate(() -> new ListSource(trace), 0.15, "cpu", 1);
    assertThat(TraceSampleCommand.describe(plan, 0.15)).isEqualTo(
        "cpu: capacity 2000000, requested 150000 -> 300000 (target 300000.00 = 0.15 x capacity);"
            + " pods 1500 -> 3000 (+1500, -0)");
    Collect inflated = new Collect();
    TraceSampleCommand.copy(plan.open(), inflated);
    assertThat(inflated.events.stream().filter(e -> e instanceof TraceEvent.PodSubmitted)).hasSize(3000);
    assertThatThrownBy(() -> TraceSampleCommand.subsample(new ListSource(trace), 2, 1))
        .isInstanceOf(BadInputException.class).hasMessage("--fraction: fraction must be in [0, 1], got 2.0");
  }

  @Test
  void fitWritesADocumentAGeneratorReads(@TempDir Path dir) {
    Path out = dir.resolve("fit.yaml");
    FitDocument fit = TraceFitCommand.fit(new ListSource(generated("poisson-basic.yaml")), "poisson-basic", out);
    assertThat(SpecFiles.readFit(out)).isEqualTo(fit);
    // web draws 250m, 500m, 1 and 2; batch asks 4, interactive 500m: five distinct values.
    assertThat(fit.requests().get("cpu").values()).extracting(Object::toString)
        .containsExactly("250m", "500m", "1", "2", "4");
  }

  @Test
  void sampleTakesExactlyOneOfFractionAndInflateTo() {
    String[] both = {"--from", "jsonl", "in", "--fraction", "0.5", "--inflate-to", "1", "--seed", "1", "--out", "o"};
    assertThatThrownBy(() -> new CommandLine(new TraceSampleCommand()).parseArgs(both))
        .isInstanceOf(CommandLine.ParameterException.class)
        .hasMessageContaining("mutually exclusive");
    String[] neither = {"--from", "jsonl", "in", "--seed", "1", "--out", "o"};
    assertThatThrownBy(() -> new CommandLine(new TraceSampleCommand()).parseArgs(neither))
        .isInstanceOf(CommandLine.ParameterException.class)
        .hasMessageContaining("Missing required argument");
  }
}
