package io.schedlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code schedlab simulate --metrics-server} on the load-aware sample with the two Trimaran
 * sample profiles: where the web pods are bound follows the nodes' recorded usage (every node
 * runs the same requests).
 */
class LoadAwareSimulateTest {
  private static Map<String, String> bound(Path log) throws IOException {
    Map<String, String> out = new TreeMap<>();
    for (JsonNode e : EventLog.of(log, "pod_bound", "default/web-")) {
      out.put(e.get("pod").asText().substring("default/".length()), e.get("node").asText());
    }
    return out;
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "target-load-packing.yaml           | {web-1=node-2, web-2=node-3, web-3=node-3, web-4=node-3}",
      "load-variation-risk-balancing.yaml | {web-1=node-3, web-2=node-3, web-3=node-3, web-4=node-3}"})
  void webPodsFollowUsage(String profile, String expected,
      @TempDir Path dir) throws IOException {
    Path log = dir.resolve("events.jsonl");
    Cli r = Cli.run("simulate", "--scenario",
        Cli.repoPath("traces/samples/scenarios/load-aware.yaml"), "--config",
        Cli.repoPath("traces/samples/profiles/" + profile), "--metrics-server", "--events-out",
        log.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(bound(log).toString()).isEqualTo(expected);
  }
}
