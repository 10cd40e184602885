package io.schedlab.controller;

import io.schedlab.api.Node;
import io.schedlab.api.NodeCondition;
import io.schedlab.api.Pod;
import io.schedlab.api.PodCondition;
import io.schedlab.api.Taint;
import io.schedlab.cluster.ClusterComponent;
import io.schedlab.cluster.ClusterContext;
import io.schedlab.sim.Durations;
import io.schedlab.store.NotFoundException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The pod garbage collector (pod-garbage-collector). Every gc period it deletes: terminated pods
 * beyond the threshold (evicted ones first, then oldest first); terminating pods on not-Ready
 * nodes tainted out-of-service; pods bound to nodes that are gone, once a node has stayed gone
 * for the quarantine time; and terminating pods that were never scheduled. A pod that is not yet
 * terminal is first marked Failed with the DisruptionTarget condition, as upstream does.
 */
public final class PodGCController implements ClusterComponent {
  public static final String NAME = "pod-garbage-collector";
  /** kube-controller-manager --terminated-pod-gc-threshold default 12500. */
  public static final int DEFAULT_TERMINATED_POD_THRESHOLD = 12500;
  /** podgc's gcCheckPeriod: 20 s. */
  public static final long GC_CHECK_PERIOD = 20 * Durations.SECOND;
  /** podgc's quarantineTime: how long a node must stay gone before its pods are deleted. */
  public static final long QUARANTINE_TIME = 40 * Durations.SECOND;

  private static final String OUT_OF_SERVICE_TAINT = "node.kubernetes.io/out-of-service";

  private final int terminatedPodThreshold;
  private ClusterContext ctx;
  // Missing node name -> when its quarantine ends (the delaying queue of upstream).
  private final Map<String, Long> quarantine = new TreeMap<>();

  public PodGCController() {
    this(DEFAULT_TERMINATED_POD_THRESHOLD);
  }

  /** @param terminatedPodThreshold 0 or less turns terminated-pod collection off, as upstream */
  public PodGCController(int terminatedPodThreshold) {
    this.terminatedPodThreshold = terminatedPodThreshold;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public void start(ClusterContext context) {
    this.ctx = context;
    // wait.UntilWithContext: a pass at start, then every period.
    context.loop().every(GC_CHECK_PERIOD, 0, NAME + "/gc", this::gc);
  }

  private void gc() {
    List<Pod> pods = ctx.store().list(Pod.class);
    List<Node> nodes = ctx.store().list(Node.class);
    if (terminatedPodThreshold > 0) {
      gcTerminated(pods);
    }
    gcTerminating(pods, nodes);
    gcOrphaned(pods, nodes);
    gcUnscheduledTerminating(pods);
  }

  private void gcTerminated(List<Pod> pods) {
    List<Pod> terminated = new ArrayList<>();
    for (Pod pod : pods) {
      String phase = pod.status().phase();
      if ("Succeeded".equals(phase) || "Failed".equals(phase)) {
        terminated.add(pod);
      }
    }
    int deleteCount = terminated.size() - terminatedPodThreshold;
    if (deleteCount <= 0) {
      return;
    }
    terminated.sort(BY_EVICTION_AND_CREATION);
    for (int i = 0; i < deleteCount; i++) {
      markFailedAndDelete(terminated.get(i), null, "terminated");
    }
  }

  /** byEvictionAndCreationTimestamp: evicted pods first, then by creation time, then by name. */
  private static final Comparator<Pod> BY_EVICTION_AND_CREATION = (a, b) -> {
    boolean ea = isEvicted(a);
    boolean eb = isEvicted(b);
    if (ea != eb) {
      return ea ? -1 : 1;
    }
    // RFC 3339 in UTC with whole seconds sorts as text.
    String ca = a.metadata().creationTimestamp() == null ? "" : a.metadata().creationTimestamp();
    String cb = b.metadata().creationTimestamp() == null ? "" : b.metadata().creationTimestamp();
    int c = ca.compareTo(cb);
    return c != 0 ? c : a.metadata().name().compareTo(b.metadata().name());
  };

  private static boolean isEvicted(Pod pod) {
    return "Failed".equals(pod.status().phase()) && "Evicted".equals(pod.status().reason());
  }

  private void gcTerminating(List<Pod> pods, List<Node> nodes) {
    Map<String, Node> byName = new TreeMap<>();
    for (Node n : nodes) {
      byName.put(n.metadata().name(), n);
    }
    List<Pod> terminating = new ArrayList<>();
    for (Pod pod : pods) {
      if (pod.metadata().deletionTimestamp() == null) {
        continue;
      }
      String nodeName = pod.spec().nodeName();
      Node node = nodeName == null ? null : byName.get(nodeName);
      if (node == null) {
        continue;
      }
      NodeCondition ready = ControllerSupport.condition(node, "Ready");
      boolean isReady = ready != null && "True".equals(ready.status());
      if (!isReady && ControllerSupport.hasTaint(node.spec().taints(), OUT_OF_SERVICE_TAINT,
          Taint.NO_EXECUTE)) {
        terminating.add(pod);
      }
    }
    terminating.sort(BY_EVICTION_AND_CREATION);
    for (Pod pod : terminating) {
      markFailedAndDelete(pod, null, "terminating_out_of_service");
    }
  }

  private void gcOrphaned(List<Pod> pods, List<Node> nodes) {
    Set<String> existing = new HashSet<>();
    for (Node n : nodes) {
      existing.add(n.metadata().name());
    }
    long now = ctx.now();
    for (Pod pod : pods) {
      String node = pod.spec().nodeName();
      if (node != null && !node.isEmpty() && !existing.contains(node)) {
        quarantine.putIfAbsent(node, now + QUARANTINE_TIME);
      }
    }
    Set<String> deleted = new HashSet<>();
    for (Iterator<Map.Entry<String, Long>> it = quarantine.entrySet().iterator();
        it.hasNext(); ) {
      Map.Entry<String, Long> e = it.next();
      if (e.getValue() > now) {
        continue;
      }
      it.remove();
      // checkIfNodeExists: asked of the API server, not the pass's list.
      if (!existing.contains(e.getKey())
          && ctx.store().get(Node.class, null, e.getKey()) == null) {
        deleted.add(e.getKey());
      }
    }
    if (deleted.isEmpty()) {
      return;
    }
    PodCondition gone = new PodCondition("DisruptionTarget", "True", "DeletionByPodGC",
        "PodGC: node no longer exists", ControllerSupport.timestamp(ctx));
    for (Pod pod : pods) {
      if (deleted.contains(pod.spec().nodeName())) {
        markFailedAndDelete(pod, gone, "orphaned");
      }
    }
  }

  private void gcUnscheduledTerminating(List<Pod> pods) {
    for (Pod pod : pods) {
      String node = pod.spec().nodeName();
      if (pod.metadata().deletionTimestamp() != null && (node == null || node.isEmpty())) {
        markFailedAndDelete(pod, null, "unscheduled_terminating");
      }
    }
  }

  /**
   * markFailedAndDeletePodWithCondition: a pod not yet Succeeded or Failed becomes Failed (with
   * the condition, if any); then it is deleted with grace period 0.
   */
  private void markFailedAndDelete(Pod pod, PodCondition condition, String reason) {
    String ns = pod.metadata().namespace();
    String name = pod.metadata().name();
    String phase = pod.status().phase();
    try {
      if (!"Succeeded".equals(phase) && !"Failed".equals(phase)) {
        ctx.store().update(Pod.class, ns, name, p -> {
          var status = p.status().withPhase("Failed");
          return p.withStatus(condition == null ? status : status.withCondition(condition));
        });
      }
      ctx.store().delete(Pod.class, ns, name);
    } catch (NotFoundException e) {
      return;
    }
    ctx.record(ControllerSupport.actionEvent(ctx, NAME, "delete", "pods/" + pod.key(),
        pod.spec().nodeName(), pod.key()).with("reason", reason));
  }
}
