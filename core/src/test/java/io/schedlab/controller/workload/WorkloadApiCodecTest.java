package io.schedlab.controller.workload;

import static org.assertj.core.api.Assertions.assertThat;

import io.schedlab.api.Deployment;
import io.schedlab.api.DeploymentCondition;
import io.schedlab.api.DeploymentStatus;
import io.schedlab.api.Job;
import io.schedlab.api.JobCondition;
import io.schedlab.api.JobStatus;
import io.schedlab.api.codec.KubeCodec;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The conditions added to Deployment and Job status read and write like upstream's. */
class WorkloadApiCodecTest {
  @Test
  void deploymentConditionsRoundTrip() {
    String yaml = """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, namespace: default}
        status:
          replicas: 2
          conditions:
          - type: Available
            status: "True"
            lastUpdateTime: "2026-01-01T00:00:05Z"
            lastTransitionTime: "2026-01-01T00:00:05Z"
            reason: MinimumReplicasAvailable
            message: Deployment has minimum availability.
        """;
    Deployment d = KubeCodec.read(yaml, Deployment.class);
    DeploymentCondition c = d.status().condition("Available");
    assertThat(c.reason()).isEqualTo("MinimumReplicasAvailable");
    assertThat(KubeCodec.read(KubeCodec.toJson(d), Deployment.class)).isEqualTo(d);
    assertThat(new DeploymentStatus(1L, 1, 1, 1, 1, 0).conditions()).isEmpty();
  }

  @Test
  void jobConditionsRoundTrip() {
    Job job = Job.of(Harness.meta("work", 1), null, new JobStatus("2026-01-01T00:00:00Z", null,
        0, 0, 3, null, List.of(new JobCondition("Failed", "True", null, null,
            "BackoffLimitExceeded", "Job has reached the specified backoff limit"))));
    Job back = KubeCodec.read(KubeCodec.toJson(job), Job.class);
    assertThat(back.status().condition("Failed").reason()).isEqualTo("BackoffLimitExceeded");
    assertThat(back).isEqualTo(job);
    assertThat(new JobStatus(null, null, 1, 0, 0, null).conditions()).isEmpty();
  }
}
