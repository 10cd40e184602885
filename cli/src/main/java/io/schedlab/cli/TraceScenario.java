package io.schedlab.cli;

import io.schedlab.api.KubeObject;
import io.schedlab.api.Pod;
import io.schedlab.cluster.ClusterSettings;
import io.schedlab.cluster.Scenario;
import io.schedlab.node.WorkloadAnnotations;
import io.schedlab.sim.Durations;
import io.schedlab.traces.TraceEvent;
import io.schedlab.traces.TraceFormatException;
import io.schedlab.traces.TraceOptions;
import io.schedlab.traces.TraceSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A recorded trace as a scenario: nodes join when the trace adds them, pods are created when
 * submitted and run for their recorded duration (annotated for the kubelet model), removed nodes
 * crash. A recorded end that the duration already plays out (a pod that finished or failed) is
 * left to the kubelet; other ends (deleted, killed, evicted, lost) become API deletions. The run lasts until 10 minutes after the
 * trace's last event.
 */
final class TraceScenario {
  static final long TAIL = 10 * Durations.MINUTE;

  private TraceScenario() {}

  static Scenario of(List<Path> files, String format) {
    return of(files, format, -1);
  }

  /**
   * As {@link #of(List, String)}; with {@code fillSpacingNanos >= 0} the trace fills the cluster
   * instead, as the FGD experiments do: nodes join at 0, pods arrive that far apart in the
   * trace's order and run until the end, and recorded ends are ignored.
   */
  static Scenario of(List<Path> files, String format, long fillSpacingNanos) {
    boolean fill = fillSpacingNanos >= 0;
    long arrivals = 0;
    List<Scenario.Action> actions = new ArrayList<>();
    java.util.Set<String> timed = new java.util.HashSet<>();
    long last = 0;
    try (TraceSource source = TraceCommand.format("--from", format).open(files,
        TraceOptions.DEFAULTS)) {
      TraceEvent e;
      while ((e = source.next()) != null) {
        long t = e.timeNanos();
        if (fill) {
          if (e instanceof TraceEvent.PodSubmitted p) {
            t = arrivals++ * fillSpacingNanos;
            actions.add(new Scenario.Create(t, List.of(p.pod())));
            last = Math.max(last, t);
          } else if (e instanceof TraceEvent.NodeAdded n) {
            actions.add(new Scenario.Create(0, List.of(n.node())));
          }
          continue;
        }
        last = Math.max(last, t);
        switch (e) {
          case TraceEvent.NodeAdded n -> actions.add(new Scenario.Create(t, List.of(n.node())));
          case TraceEvent.PodSubmitted p -> {
            actions.add(new Scenario.Create(t, List.of(annotated(p))));
            if (p.durationNanos() != TraceEvent.PodSubmitted.UNKNOWN_DURATION) {
              timed.add(p.pod().metadata().namespace() + "/" + p.pod().metadata().name());
            }
          }
          case TraceEvent.PodDeleted d -> {
            boolean playedOut = timed.contains(d.namespace() + "/" + d.name())
                && (d.reason() == TraceEvent.PodDeleted.Reason.FINISHED
                    || d.reason() == TraceEvent.PodDeleted.Reason.FAILED);
            if (!playedOut) {
              actions.add(new Scenario.DeletePod(t, d.namespace(), d.name()));
            }
          }
          case TraceEvent.NodeRemoved r -> actions.add(new Scenario.NodeFault(t,
              Scenario.NodeFault.Kind.CRASH, r.nodeName()));
          default -> {
          }
        }
      }
    } catch (TraceFormatException ex) {
      throw new BadInputException(ex.getMessage(), ex);
    }
    String name = files.get(0).getFileName().toString();
    return new Scenario(name, 0, last + TAIL, ClusterSettings.DEFAULTS, List.<KubeObject>of(),
        actions, files.get(0).toString());
  }

  /**
   * The pod with its recorded duration and usage as annotations. A recorded pod that ran for a
   * known time ended then, so one without a restart policy gets Never (a bare pod's default,
   * Always, would restart it forever).
   */
  private static Pod annotated(TraceEvent.PodSubmitted p) {
    boolean timed = p.durationNanos() != TraceEvent.PodSubmitted.UNKNOWN_DURATION;
    Pod pod = p.pod();
    if (timed && pod.spec().restartPolicy() == null) {
      pod = pod.withSpec(pod.spec().withRestartPolicy("Never"));
    }
    return WorkloadAnnotations.annotate(pod, timed ? p.durationNanos() : WorkloadAnnotations.FOREVER,
        p.usage());
  }

}
