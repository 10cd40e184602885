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
 * submitted and run for their recorded duration (annotated for the kubelet model), recorded
 * deletions become API deletions, removed nodes crash. The run lasts until 10 minutes after the
 * trace's last event.
 */
final class TraceScenario {
  static final long TAIL = 10 * Durations.MINUTE;

  private TraceScenario() {}

  static Scenario of(List<Path> files, String format) {
    List<Scenario.Action> actions = new ArrayList<>();
    long last = 0;
    try (TraceSource source = TraceCommand.format("--from", format).open(files,
        TraceOptions.DEFAULTS)) {
      TraceEvent e;
      while ((e = source.next()) != null) {
        long t = e.timeNanos();
        last = Math.max(last, t);
        switch (e) {
          case TraceEvent.NodeAdded n -> actions.add(new Scenario.Create(t, List.of(n.node())));
          case TraceEvent.PodSubmitted p -> actions.add(new Scenario.Create(t, List.of(annotated(p))));
          case TraceEvent.PodDeleted d ->
              actions.add(new Scenario.DeletePod(t, d.namespace(), d.name()));
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

  private static Pod annotated(TraceEvent.PodSubmitted p) {
    long d = p.durationNanos() == TraceEvent.PodSubmitted.UNKNOWN_DURATION
        ? WorkloadAnnotations.FOREVER : p.durationNanos();
    return WorkloadAnnotations.annotate(p.pod(), d, p.usage());
  }

}
