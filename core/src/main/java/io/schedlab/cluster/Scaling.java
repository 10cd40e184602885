package io.schedlab.cluster;

import io.schedlab.api.Deployment;
import io.schedlab.api.Job;
import io.schedlab.api.KubeObject;
import io.schedlab.api.ReplicaSet;
import io.schedlab.api.StatefulSet;

/** What {@code kubectl scale} changes: a workload's replicas, or a Job's parallelism. */
final class Scaling {
  private Scaling() {}

  static KubeObject withReplicas(KubeObject obj, int replicas) {
    return switch (obj) {
      case ReplicaSet rs -> rs.withSpec(rs.spec().withReplicas(replicas));
      case Deployment d -> d.withSpec(d.spec().withReplicas(replicas));
      case StatefulSet s -> s.withSpec(s.spec().withReplicas(replicas));
      case Job j -> {
        io.schedlab.api.JobSpec x = j.spec();
        yield j.withSpec(new io.schedlab.api.JobSpec(replicas, x.completions(),
            x.activeDeadlineSeconds(), x.backoffLimit(), x.selector(), x.template(),
            x.ttlSecondsAfterFinished(), x.completionMode(), x.suspend()));
      }
      default -> throw new IllegalArgumentException(obj.kind() + " cannot be scaled");
    };
  }
}
