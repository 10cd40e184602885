package io.schedlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code schedlab simulate} on the gang sample scenario with the coscheduling profile. */
class GangScenarioTest {
  @Test
  void eachGangBindsWholeAtOneInstantAndTheSecondWaitsForRoom(@TempDir Path dir) throws IOException {
    Path log = dir.resolve("events.jsonl");
    Cli r = Cli.run("simulate",
        "--scenario", Cli.repoPath("traces/samples/scenarios/gang.yaml"),
        "--config", Cli.repoPath("traces/samples/profiles/coscheduling.yaml"),
        "--events-out", log.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();

    List<JsonNode> trainers = EventLog.of(log, "pod_bound", "ml/train-");
    assertThat(trainers).hasSize(4)
        .allSatisfy(e -> assertThat(e.get("t").asDouble()).isEqualTo(0.0));
    List<JsonNode> evaluators = EventLog.of(log, "pod_bound", "ml/evaluate-");
    assertThat(evaluators).hasSize(4);
    double at = evaluators.get(0).get("t").asDouble();
    assertThat(evaluators).allSatisfy(e -> assertThat(e.get("t").asDouble()).isEqualTo(at));
    // Room for two evaluators opened only when the trainers, running 60 s, had finished.
    assertThat(at).isGreaterThanOrEqualTo(60.0);
    assertThat(EventLog.of(log, "pod_unschedulable", "ml/evaluate-")).isNotEmpty();
  }
}
