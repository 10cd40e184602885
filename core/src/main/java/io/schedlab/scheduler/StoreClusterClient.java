package io.schedlab.scheduler;

import io.schedlab.api.Pod;
import io.schedlab.api.PodCondition;
import io.schedlab.api.PodStatus;
import io.schedlab.framework.ClusterClient;
import io.schedlab.framework.PodInfo;
import io.schedlab.framework.Status;
import io.schedlab.store.ClusterStore;
import io.schedlab.store.StoreException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** The scheduler's API calls, served by the {@link ClusterStore}. */
final class StoreClusterClient implements ClusterClient {
  private final ClusterStore store;
  private final Supplier<String> now;

  StoreClusterClient(ClusterStore store, Supplier<String> nowRfc3339) {
    this.store = store;
    this.now = nowRfc3339;
  }

  @Override
  public Status bind(PodInfo pod, String nodeName) {
    try {
      store.update(
          Pod.class,
          pod.namespace(),
          pod.name(),
          p -> {
            if (pod.pod().metadata().uid() != null
                && !pod.pod().metadata().uid().equals(p.metadata().uid())) {
              throw new IllegalStateException(
                  "Operation cannot be fulfilled on pods/binding \"" + pod.name()
                      + "\": the UID in the precondition does not match");
            }
            if (p.spec().nodeName() != null && !p.spec().nodeName().isEmpty()) {
              throw new IllegalStateException(
                  "Operation cannot be fulfilled on pods/binding \"" + pod.name()
                      + "\": pod " + pod.name() + " is already assigned to node \""
                      + p.spec().nodeName() + "\"");
            }
            Pod bound = p.withNodeName(nodeName);
            return bound.withStatus(
                withCondition(bound.status(), new PodCondition("PodScheduled", "True", null, null, now.get())));
          });
      return Status.SUCCESS;
    } catch (StoreException | IllegalStateException e) {
      return Status.error(e.getMessage());
    }
  }

  @Override
  public Status deletePod(Pod pod) {
    try {
      store.delete(Pod.class, pod.metadata().namespace(), pod.metadata().name());
      return Status.SUCCESS;
    } catch (StoreException e) {
      return Status.error(e.getMessage());
    }
  }

  @Override
  public Status setPodCondition(Pod pod, PodCondition condition) {
    try {
      store.update(
          Pod.class,
          pod.metadata().namespace(),
          pod.metadata().name(),
          p -> p.withStatus(withCondition(p.status(), condition)));
      return Status.SUCCESS;
    } catch (StoreException e) {
      return Status.error(e.getMessage());
    }
  }

  @Override
  public Status setNominatedNodeName(Pod pod, String nodeName) {
    try {
      store.update(
          Pod.class,
          pod.metadata().namespace(),
          pod.metadata().name(),
          p -> p.withStatus(p.status().withNominatedNodeName(nodeName)));
      return Status.SUCCESS;
    } catch (StoreException e) {
      return Status.error(e.getMessage());
    }
  }

  @Override
  public Status setUnschedulableCondition(Pod pod, String reason, String message) {
    try {
      store.update(
          Pod.class,
          pod.metadata().namespace(),
          pod.metadata().name(),
          p ->
              p.withStatus(
                  withCondition(
                      p.status(), new PodCondition("PodScheduled", "False", reason, message, now.get()))));
      return Status.SUCCESS;
    } catch (StoreException e) {
      return Status.error(e.getMessage());
    }
  }

  static PodStatus withCondition(PodStatus status, PodCondition c) {
    List<PodCondition> conditions = new ArrayList<>(status.conditions().size() + 1);
    for (PodCondition old : status.conditions()) {
      if (!old.type().equals(c.type())) {
        conditions.add(old);
      }
    }
    conditions.add(c);
    return status.withConditions(conditions);
  }
}
