package io.schedlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code schedlab simulate} on the elastic-quota sample scenario with the capacity-scheduling profile. */
class ElasticQuotaScenarioTest {
  @Test
  void teamBReclaimsItsMinFromTeamAsBorrowedPods(@TempDir Path dir) throws IOException {
    Path log = dir.resolve("events.jsonl");
    Cli r =
        Cli.run(
            "simulate",
            "--scenario", Cli.repoPath("traces/samples/scenarios/elastic-quota.yaml"),
            "--config", Cli.repoPath("traces/samples/profiles/capacity-scheduling.yaml"),
            "--events-out", log.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();

    assertThat(EventLog.of(log, "pod_bound", "team-a/")).hasSize(10);
    assertThat(EventLog.of(log, "pod_bound", "team-b/")).hasSize(6);
    // team-a borrowed 4 cpu; it gives back exactly those, when team-b asks for them.
    List<JsonNode> preempted = EventLog.of(log, "pod_deleted", "team-a/");
    assertThat(preempted).hasSize(4);
    assertThat(preempted)
        .allSatisfy(e -> {
          assertThat(e.get("reason").asText()).isEqualTo("PreemptionByScheduler");
          assertThat(e.get("t").asDouble()).isEqualTo(60.0);
        });
    // Their replacements wait: the quotas together use the sum of their mins.
    assertThat(EventLog.of(log, "pod_unschedulable", "team-a/"))
        .extracting(e -> e.get("message").asText())
        .isNotEmpty()
        .allMatch(m -> m.contains("is rejected in PreFilter because total ElasticQuota used is more than min"));
  }
}
