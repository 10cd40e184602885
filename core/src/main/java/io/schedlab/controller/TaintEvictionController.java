package io.schedlab.controller;

import io.schedlab.api.Node;
import io.schedlab.api.Pod;
import io.schedlab.api.PodCondition;
import io.schedlab.api.Taint;
import io.schedlab.api.Toleration;
import io.schedlab.api.match.Tolerations;
import io.schedlab.cluster.ClusterComponent;
import io.schedlab.cluster.ClusterContext;
import io.schedlab.cluster.SimEvent;
import io.schedlab.sim.Durations;
import io.schedlab.sim.Timer;
import io.schedlab.store.NotFoundException;
import io.schedlab.store.WatchEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The NoExecute taint manager (taint-eviction-controller): deletes the pods on a node that do
 * not tolerate one of its NoExecute taints, at once, or after the smallest tolerationSeconds of
 * the tolerations that match; a scheduled eviction is cancelled when the taint goes or the pod
 * leaves. Before deleting, it adds the pod condition DisruptionTarget (reason
 * DeletionByTaintManager), as upstream does.
 *
 * <p>Implementation note: the controller keeps each node's NoExecute taints and an index of pod
 * keys by node, so a taint change touches only that node's pods; one loop timer per scheduled
 * eviction.
 */
public final class TaintEvictionController implements ClusterComponent {
  public static final String NAME = "taint-eviction-controller";

  private ClusterContext ctx;
  private final Map<String, List<Taint>> nodeTaints = new HashMap<>();
  private final Map<String, TreeSet<String>> podsByNode = new HashMap<>();
  private final Map<String, Pod> pods = new HashMap<>();
  private final Map<String, Eviction> scheduled = new TreeMap<>();

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public void start(ClusterContext context) {
    this.ctx = context;
    for (Node node : context.store().listAndWatch(Node.class, this::onNode)) {
      nodeTaints.put(node.metadata().name(), noExecuteTaints(node));
    }
    for (Pod pod : context.store().listAndWatch(Pod.class, this::onPod)) {
      track(pod);
    }
    for (String node : new TreeSet<>(nodeTaints.keySet())) {
      handleNode(node);
    }
  }

  /** Whether an eviction of the pod ("namespace/name") is scheduled. */
  public boolean isScheduled(String podKey) {
    return scheduled.containsKey(podKey);
  }

  private void onNode(WatchEvent<Node> event) {
    String name = event.object().metadata().name();
    List<Taint> taints = event.type() == WatchEvent.Type.DELETED
        ? List.of() : noExecuteTaints(event.object());
    List<Taint> old = nodeTaints.getOrDefault(name, List.of());
    if (event.type() == WatchEvent.Type.DELETED) {
      nodeTaints.remove(name);
    } else {
      nodeTaints.put(name, taints);
    }
    if (!old.equals(taints)) {
      handleNode(name);
    }
  }

  private void onPod(WatchEvent<Pod> event) {
    Pod pod = event.object();
    String key = pod.key();
    if (event.type() == WatchEvent.Type.DELETED) {
      untrack(key);
      cancel(key);
      return;
    }
    Pod old = pods.get(key);
    track(pod);
    String nodeName = pod.spec().nodeName();
    if (old != null && ControllerSupport.eq(old.spec().nodeName(), nodeName)
        && old.spec().tolerations().equals(pod.spec().tolerations())) {
      return;
    }
    if (nodeName == null || nodeName.isEmpty()) {
      cancel(key);
      return;
    }
    processPod(pod, nodeTaints.getOrDefault(nodeName, List.of()));
  }

  private void track(Pod pod) {
    String key = pod.key();
    Pod old = pods.put(key, pod);
    if (old != null && !ControllerSupport.eq(old.spec().nodeName(), pod.spec().nodeName())) {
      removeFromNode(old.spec().nodeName(), key);
    }
    String node = pod.spec().nodeName();
    if (node != null && !node.isEmpty()) {
      podsByNode.computeIfAbsent(node, k -> new TreeSet<>()).add(key);
    }
  }

  private void untrack(String key) {
    Pod old = pods.remove(key);
    if (old != null) {
      removeFromNode(old.spec().nodeName(), key);
    }
  }

  private void removeFromNode(String node, String key) {
    TreeSet<String> set = node == null ? null : podsByNode.get(node);
    if (set != null) {
      set.remove(key);
      if (set.isEmpty()) {
        podsByNode.remove(node);
      }
    }
  }

  private static List<Taint> noExecuteTaints(Node node) {
    List<Taint> out = new ArrayList<>(1);
    for (Taint t : node.spec().taints()) {
      if (Taint.NO_EXECUTE.equals(t.effect())) {
        out.add(t);
      }
    }
    return out;
  }

  private void handleNode(String nodeName) {
    TreeSet<String> keys = podsByNode.get(nodeName);
    if (keys == null) {
      return;
    }
    List<Taint> taints = nodeTaints.getOrDefault(nodeName, List.of());
    for (String key : new ArrayList<>(keys)) {
      Pod pod = pods.get(key);
      if (pod != null) {
        processPod(pod, taints);
      }
    }
  }

  /** processPodOnNode: evict now, later, or never, by the tolerations the taints match. */
  private void processPod(Pod pod, List<Taint> taints) {
    String key = pod.key();
    if (taints.isEmpty()) {
      cancel(key);
      return;
    }
    List<Toleration> used = matchingTolerations(taints, pod.spec().tolerations());
    long now = ctx.now();
    if (used == null) {
      cancel(key);
      schedule(pod, now, now, untolerated(taints, pod.spec().tolerations()));
      return;
    }
    long minSeconds = minTolerationSeconds(used);
    if (minSeconds < 0) {
      cancel(key);
      return;
    }
    long start = now;
    long trigger = now + minSeconds * Durations.SECOND;
    Eviction existing = scheduled.get(key);
    if (existing != null) {
      start = existing.createdNanos;
      if (start + minSeconds * Durations.SECOND < trigger) {
        return; // an earlier, still-valid eviction stands
      }
      cancel(key);
    }
    schedule(pod, start, trigger, taints.get(0));
  }

  /**
   * GetMatchingTolerations: for each taint the first toleration that tolerates it, or null if
   * some taint is not tolerated.
   */
  private static List<Toleration> matchingTolerations(List<Taint> taints,
      List<Toleration> tolerations) {
    List<Toleration> used = new ArrayList<>(taints.size());
    for (Taint taint : taints) {
      Toleration match = null;
      for (Toleration t : tolerations) {
        if (Tolerations.tolerates(t, taint)) {
          match = t;
          break;
        }
      }
      if (match == null) {
        return null;
      }
      used.add(match);
    }
    return used;
  }

  private static Taint untolerated(List<Taint> taints, List<Toleration> tolerations) {
    Taint t = Tolerations.findUntoleratedTaint(taints, tolerations, null);
    return t == null ? taints.get(0) : t;
  }

  /** getMinTolerationTime in seconds: 0 for none or a non-positive value, -1 for forever. */
  private static long minTolerationSeconds(List<Toleration> used) {
    if (used.isEmpty()) {
      return 0;
    }
    long min = Long.MAX_VALUE;
    for (Toleration t : used) {
      if (t.tolerationSeconds() != null) {
        if (t.tolerationSeconds() <= 0) {
          return 0;
        }
        min = Math.min(min, t.tolerationSeconds());
      }
    }
    return min == Long.MAX_VALUE ? -1 : min;
  }

  private void schedule(Pod pod, long created, long trigger, Taint taint) {
    String key = pod.key();
    String ns = pod.metadata().namespace();
    String name = pod.metadata().name();
    long at = Math.max(trigger, ctx.now());
    Timer timer = ctx.loop().schedule(at, NAME + "/evict " + key, () -> evict(key, ns, name, taint));
    scheduled.put(key, new Eviction(created, timer));
  }

  private void cancel(String key) {
    Eviction e = scheduled.remove(key);
    if (e != null) {
      e.timer.cancel();
    }
  }

  private void evict(String key, String namespace, String name, Taint taint) {
    scheduled.remove(key);
    Pod pod = ctx.store().get(Pod.class, namespace, name);
    if (pod == null) {
      return;
    }
    PodCondition target = new PodCondition("DisruptionTarget", "True", "DeletionByTaintManager",
        "Taint manager: deleting due to NoExecute taint", ControllerSupport.timestamp(ctx));
    try {
      ctx.store().update(Pod.class, namespace, name,
          p -> p.withStatus(p.status().withCondition(target)));
      io.schedlab.node.PodDeletion.delete(ctx.store(), namespace, name);
    } catch (NotFoundException e) {
      return;
    }
    String node = pod.spec().nodeName();
    ctx.record(SimEvent.of(ctx.now(), SimEvent.Types.POD_EVICTED, node, key)
        .with("controller", NAME).with("taint", taint.toString()));
    ControllerSupport.action(ctx, NAME, "delete", "pods/" + key, node, key);
  }

  private record Eviction(long createdNanos, Timer timer) {}
}
