package io.schedlab.node;

import io.schedlab.api.Container;
import io.schedlab.api.ContainerState;
import io.schedlab.api.ContainerStateTerminated;
import io.schedlab.api.ContainerStatus;
import io.schedlab.api.Pod;
import io.schedlab.api.PodCondition;
import io.schedlab.api.PodStatus;
import io.schedlab.sim.Durations;
import java.util.ArrayList;
import java.util.List;

/** The pod status a kubelet reports for a pod it runs (upstream's generateAPIPodStatus). */
final class PodStatuses {
  private PodStatuses() {}

  static PodStatus of(Kubelet.PodRun run, Pod current, Kubelet kubelet) {
    PodStatus old = current.status();
    String now = kubelet.nowTextForStatus();
    if (run.rejection != null) {
      return old.withPhase("Failed").withReason(run.rejection.reason(),
          run.rejection.message());
    }
    boolean done = run.state == Kubelet.PodRun.DONE;
    boolean up = run.state == Kubelet.PodRun.RUNNING || run.state == Kubelet.PodRun.TERMINATING;
    String phase = run.state == Kubelet.PodRun.PULLING ? "Pending"
        : done ? (run.succeeded ? "Succeeded" : "Failed") : "Running";
    List<Container> containers = current.spec().containers();
    StringBuilder names = new StringBuilder();
    for (Container c : containers) {
      names.append(names.length() == 0 ? "" : " ").append(c.name());
    }
    String notReadyMessage = "containers with unready status: [" + names + "]";
    List<PodCondition> conds = new ArrayList<>(5);
    conds.add(cond(old, "PodReadyToStartContainers", !done, null, null, now));
    conds.add(cond(old, "Initialized", true, null, null, now));
    conds.add(cond(old, "Ready", up, done ? "PodCompleted" : "ContainersNotReady",
        done ? null : notReadyMessage, now));
    conds.add(cond(old, "ContainersReady", up, done ? "PodCompleted" : "ContainersNotReady",
        done ? null : notReadyMessage, now));
    conds.add(cond(old, "PodScheduled", true, null, null, now));
    if ("Evicted".equals(run.failReason)) {
      conds.add(new PodCondition("DisruptionTarget", "True", "TerminationByKubelet",
          run.failMessage, now));
    }
    List<ContainerStatus> statuses = new ArrayList<>(containers.size());
    ContainerState last = run.lastExit >= 0 && !done ? terminated(run) : ContainerState.EMPTY;
    for (Container c : containers) {
      ContainerState state;
      if (run.state == Kubelet.PodRun.PULLING) {
        state = ContainerState.waiting("ContainerCreating", null);
      } else if (run.state == Kubelet.PodRun.BACKOFF) {
        state = ContainerState.waiting("CrashLoopBackOff", "back-off "
            + Durations.format(run.backoffShown) + " restarting failed container=" + c.name()
            + " pod=" + current.metadata().name() + "_" + current.metadata().namespace() + "("
            + current.metadata().uid() + ")");
      } else if (up) {
        state = ContainerState.running(run.containerStartedAt);
      } else if (run.lastExit >= 0) {
        state = terminated(run);
      } else {
        state = ContainerState.terminated(new ContainerStateTerminated(137,
            "ContainerStatusUnknown", "The container could not be located when the pod was "
            + "terminated", null, null));
      }
      statuses.add(new ContainerStatus(c.name(), c.image(), null, up, run.restartCount, up,
          state, last));
    }
    return new PodStatus(phase, old.nominatedNodeName(), conds, kubelet.internalIP(),
        run.podIP, run.startTime, run.failReason, run.failMessage, old.qosClass(), statuses);
  }

  private static ContainerState terminated(Kubelet.PodRun run) {
    return ContainerState.terminated(new ContainerStateTerminated(run.lastExit,
        run.lastExit == 0 ? "Completed" : "Error", null, run.lastStartedAt,
        run.lastFinishedAt));
  }

  private static PodCondition cond(PodStatus old, String type, boolean on, String reason,
      String message, String now) {
    String status = on ? "True" : "False";
    PodCondition prev = old.condition(type);
    String transition = prev != null && status.equals(prev.status())
        && prev.lastTransitionTime() != null ? prev.lastTransitionTime() : now;
    return new PodCondition(type, status, on ? null : reason, on ? null : message, transition);
  }
}
