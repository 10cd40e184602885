package io.schedlab.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.schedlab.framework.Registry;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * Runs upstream's transcribed plugin-test expectations (src/test/resources/conformance) through
 * the in-tree plugins. The files of plugins that are registered and complete must pass entirely;
 * every other file must be listed as pending, so a new file cannot go unchecked unnoticed.
 */
class ConformanceTest {
  static final List<String> FILES_THAT_MUST_PASS = List.of(
      "PrioritySort.json",
      "NodeName.json",
      "NodeUnschedulable.json",
      "TaintToleration.json",
      "NodeResourcesFit-filter.json",
      "NodeResourcesFit-leastallocated.json",
      "NodeResourcesFit-mostallocated.json",
      "NodeResourcesFit-requestedtocapacityratio.json",
      "NodeResourcesFit-score.json",
      "NodeResourcesBalancedAllocation.json",
      "NodeAffinity.json",
      "NodePorts.json",
      "ImageLocality.json",
      "PodTopologySpread-filter.json",
      "PodTopologySpread-score.json",
      "InterPodAffinity-filter.json",
      "InterPodAffinity-score.json",
      "helper.DefaultNormalizeScore.json",
      "DefaultPreemption.json");

  /** Files whose plugin is still being written; move one to FILES_THAT_MUST_PASS when it lands. */
  static final List<String> FILES_PENDING = List.of();

  private static ConformanceReport report;
  private static String output;

  static Path casesDir() {
    try {
      return Path.of(ConformanceTest.class.getResource("/conformance").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  @BeforeAll
  static void runAll() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    report = ConformanceRunner.run(casesDir(), new PrintStream(bytes, true, StandardCharsets.UTF_8));
    output = bytes.toString(StandardCharsets.UTF_8);
  }

  @ParameterizedTest(name = "{0}")
  @FieldSource("FILES_THAT_MUST_PASS")
  void everyCaseOfACompletePluginPasses(String file) {
    ConformanceReport.FileResult r = report.file(file);
    assertThat(r).as("result for %s", file).isNotNull();
    assertThat(r.failures()).as("failures of %s", file).isEmpty();
    assertThat(r.passed()).as("cases of %s", file).isPositive();
  }

  @Test
  void everyCaseFileMustPassOrIsPending() throws IOException {
    Set<String> listed = new TreeSet<>(FILES_THAT_MUST_PASS);
    listed.addAll(FILES_PENDING);
    assertThat(listed).containsAll(casesPerFile().keySet());
  }

  @Test
  void everyCaseIsCountedAndTheOutputEndsWithTheSummary() throws IOException {
    assertThat(report.files()).hasSize(casesPerFile().size());
    for (ConformanceReport.FileResult r : report.files()) {
      assertThat(r.cases()).as("cases counted in %s", r.file()).isEqualTo(casesPerFile().get(r.file()));
    }
    String[] lines = output.split("\n");
    assertThat(lines).hasSize(report.failures().size() + 1);
    assertThat(lines[lines.length - 1]).isEqualTo(report.passed() + " passed, " + report.failed() + " failed");
  }

  @Test
  void withNoPluginRegisteredEveryPluginCaseFailsAndNoneIsSkipped() throws IOException {
    ConformanceRunner runner = new ConformanceRunner(new Registry(), Scenarios.inTree());
    ConformanceReport bare = runner.runDirectory(casesDir(), new PrintStream(new ByteArrayOutputStream()));
    for (ConformanceReport.FileResult r : bare.files()) {
      if (r.plugin().equals(DefaultNormalizeScoreScenario.NAME)) {
        continue; // a helper, not a plugin: it needs no registration
      }
      assertThat(r.passed()).as("passed cases of %s", r.file()).isZero();
      assertThat(r.failed()).as("failed cases of %s", r.file()).isEqualTo(casesPerFile().get(r.file()));
      assertThat(r.failures()).as("failure lines of %s", r.file()).allMatch(line -> line.contains(": not evaluated: "));
    }
  }

  /** Case counts read straight from the files, independently of the runner. */
  private static Map<String, Integer> casesPerFile() throws IOException {
    Map<String, Integer> counts = new TreeMap<>();
    ObjectMapper json = new ObjectMapper();
    try (Stream<Path> files = Files.list(casesDir())) {
      for (Path f : files.filter(p -> p.toString().endsWith(".json")).toList()) {
        counts.put(f.getFileName().toString(), json.readTree(f.toFile()).get("cases").size());
      }
    }
    return counts;
  }
}
