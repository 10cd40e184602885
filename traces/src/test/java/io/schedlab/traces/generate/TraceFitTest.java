package io.schedlab.traces.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.schedlab.api.Quantity;
import io.schedlab.traces.TraceEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TraceFitTest {
  private static List<Quantity> q(String... s) {
    return java.util.Arrays.stream(s).map(Quantity::parse).toList();
  }

  @Test
  void fitsRequestsDurationsAndRateOfTheFixture() {
    FitDocument fit = TraceFit.fit(new ListSource(Fixtures.mixed()), "mixed");
    assertThat(fit.pods()).isEqualTo(4);
    assertThat(fit.requests()).containsOnlyKeys("cpu", Fixtures.GPU);
    assertThat(fit.requests().get("cpu")).isEqualTo(new GeneratorSpec.Empirical(q("1", "2", "4"), List.of(2L, 1L, 1L)));
    assertThat(fit.requests().get(Fixtures.GPU))
        .isEqualTo(new GeneratorSpec.Empirical(q("0", "1", "2"), List.of(1L, 2L, 1L)));
    // Durations 100, 200, 400 s: ln-mean ln 200, ln-sd ln2 * sqrt(2/3).
    assertThat(fit.duration().mu()).isCloseTo(Math.log(200), within(1e-12));
    assertThat(fit.duration().sigma()).isCloseTo(Math.log(2) * Math.sqrt(2.0 / 3), within(1e-12));
    assertThat(fit.duration().samples()).isEqualTo(3);
    assertThat(fit.duration().meanSeconds()).isCloseTo(700.0 / 3, within(1e-9));
    assertThat(fit.arrivals().rate()).isCloseTo(0.1, within(1e-12));
    assertThat(fit.arrivals().spanSeconds()).isEqualTo(30.0);
  }

  @Test
  void aFitFileRoundTripsAndDrivesAGenerator(@TempDir Path dir) throws Exception {
    FitDocument fit = TraceFit.fit(new ListSource(Fixtures.mixed()), "mixed");
    Path file = dir.resolve("fit.yaml");
    SpecFiles.writeFit(fit, file);
    assertThat(SpecFiles.readFit(file)).isEqualTo(fit);
    Path spec = dir.resolve("spec.yaml");
    Files.writeString(spec, """
        seed: 3
        workloads:
          - {name: f, count: 2000, fitted: fit.yaml}
        """);
    List<TraceEvent> events = ListSource.drain(TraceGenerator.fromFile(spec).open());
    int gpuTwo = 0;
    int submitted = 0;
    for (TraceEvent e : events) {
      if (e instanceof TraceEvent.PodSubmitted p) {
        submitted++;
        var req = p.pod().spec().containers().get(0).resources().requests();
        assertThat(req.get("cpu")).isIn(q("1", "2", "4"));
        assertThat(req.get(Fixtures.GPU)).isIn(q("0", "1", "2"));
        gpuTwo += req.get(Fixtures.GPU).value() == 2 ? 1 : 0;
        assertThat(p.durationNanos()).isPositive();
      }
    }
    assertThat(submitted).isEqualTo(2000);
    // P(gpu = 2) = 1/4: binomial bounds at 5 sd.
    double sd = Math.sqrt(2000 * 0.25 * 0.75);
    assertThat((double) gpuTwo).isBetween(500 - 5 * sd, 500 + 5 * sd);
    // Poisson at the fitted 0.1/s: 2000 pods span about 20000 s.
    long last = events.stream().filter(e -> e instanceof TraceEvent.PodSubmitted)
        .mapToLong(TraceEvent::timeNanos).max().orElseThrow();
    double span = last / 1e9;
    double spanSd = Math.sqrt(2000) / 0.1;
    assertThat(span).isBetween(20000 - 5 * spanSd, 20000 + 5 * spanSd);
  }
}
