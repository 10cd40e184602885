package io.schedlab.framework;

import io.schedlab.api.Pod;
import io.schedlab.api.PodCondition;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link ClusterClient} with no API server behind it: every call succeeds and is recorded, so
 * a test or the conformance runner can read what a plugin asked for (preemption's evictions and
 * nominations, a binder's bindings).
 */
public final class RecordingClusterClient implements ClusterClient {
  /** One call to {@link #setUnschedulableCondition}. */
  public record Condition(Pod pod, String reason, String message) {}

  /** One call to {@link #setPodCondition}. */
  public record PodConditionPatch(Pod pod, PodCondition condition) {}

  private final Map<String, String> bindings = new LinkedHashMap<>();
  private final List<Pod> deleted = new ArrayList<>();
  private final Map<String, String> nominations = new LinkedHashMap<>();
  private final List<Condition> conditions = new ArrayList<>();
  private final List<PodConditionPatch> podConditions = new ArrayList<>();

  @Override
  public synchronized Status bind(PodInfo pod, String nodeName) {
    bindings.put(pod.key(), nodeName);
    return Status.SUCCESS;
  }

  @Override
  public synchronized Status deletePod(Pod pod) {
    deleted.add(pod);
    return Status.SUCCESS;
  }

  @Override
  public synchronized Status setPodCondition(Pod pod, PodCondition condition) {
    podConditions.add(new PodConditionPatch(pod, condition));
    return Status.SUCCESS;
  }

  @Override
  public synchronized Status setNominatedNodeName(Pod pod, String nodeName) {
    nominations.put(key(pod), nodeName == null || nodeName.isEmpty() ? null : nodeName);
    return Status.SUCCESS;
  }

  @Override
  public synchronized Status setUnschedulableCondition(Pod pod, String reason, String message) {
    conditions.add(new Condition(pod, reason, message));
    return Status.SUCCESS;
  }

  /** Pod key ({@code namespace/name}) to the node it was bound to, in call order. */
  public synchronized Map<String, String> bindings() {
    return Collections.unmodifiableMap(new LinkedHashMap<>(bindings));
  }

  /** The pods deleted, in call order. */
  public synchronized List<Pod> deletedPods() {
    return List.copyOf(deleted);
  }

  /** Pod key to its latest nominated node (null when the nomination was cleared), in first-call order. */
  public synchronized Map<String, String> nominations() {
    return Collections.unmodifiableMap(new LinkedHashMap<>(nominations));
  }

  public synchronized List<Condition> conditions() {
    return List.copyOf(conditions);
  }

  /** The conditions added with {@link #setPodCondition}, in call order. */
  public synchronized List<PodConditionPatch> podConditions() {
    return List.copyOf(podConditions);
  }

  private static String key(Pod pod) {
    String ns = pod.metadata().namespace();
    String name = pod.metadata().name() == null ? "" : pod.metadata().name();
    return ns == null || ns.isEmpty() ? name : ns + "/" + name;
  }
}
