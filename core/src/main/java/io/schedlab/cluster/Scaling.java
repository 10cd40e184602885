package io.schedlab.cluster;

import io.schedlab.api.Deployment;
import io.schedlab.api.Job;
import io.schedlab.api.KubeObject;
import io.schedlab.api.ReplicaSet;
import io.schedlab.api.StatefulSet;

/**
 * What {@code kubectl scale} and {@code kubectl apply} change: a workload's replicas (a Job's
 * parallelism), or its spec while the status controllers wrote stays.
 */
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

  @SuppressWarnings("unchecked")
  static <T extends io.schedlab.api.KubeObject> T keepStatus(io.schedlab.api.KubeObject existing, T desired) {
    io.schedlab.api.KubeObject out = switch (desired) {
      case ReplicaSet d when existing instanceof ReplicaSet e -> d.withStatus(e.status());
      case Deployment d when existing instanceof Deployment e -> d.withStatus(e.status());
      case StatefulSet d when existing instanceof StatefulSet e -> d.withStatus(e.status());
      case io.schedlab.api.DaemonSet d when existing instanceof io.schedlab.api.DaemonSet e ->
          d.withStatus(e.status());
      case Job d when existing instanceof Job e -> d.withStatus(e.status());
      case io.schedlab.api.Service d when existing instanceof io.schedlab.api.Service e ->
          d.withSpec(new io.schedlab.api.ServiceSpec(d.spec().selector(), d.spec().ports(),
              d.spec().type(), e.spec().clusterIP(), e.spec().clusterIPs())).withStatus(e.status());
      default -> desired;
    };
    return (T) out;
  }
}
