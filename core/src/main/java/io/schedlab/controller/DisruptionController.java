package io.schedlab.controller;

import io.schedlab.api.Deployment;
import io.schedlab.api.IntOrString;
import io.schedlab.api.KubeObject;
import io.schedlab.api.OwnerReference;
import io.schedlab.api.Pod;
import io.schedlab.api.PodDisruptionBudget;
import io.schedlab.api.PodDisruptionBudgetSpec;
import io.schedlab.api.PodDisruptionBudgetStatus;
import io.schedlab.api.ReplicaSet;
import io.schedlab.api.StatefulSet;
import io.schedlab.api.match.LabelSelectors;
import io.schedlab.cluster.ClusterComponent;
import io.schedlab.cluster.ClusterContext;
import io.schedlab.sim.Durations;
import io.schedlab.sim.Timer;
import io.schedlab.store.NotFoundException;
import io.schedlab.store.WatchEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The disruption controller (disruption-controller): keeps each PodDisruptionBudget's status —
 * expectedPods, desiredHealthy, currentHealthy, disruptionsAllowed, disruptedPods and
 * observedGeneration — from the pods its selector matches in its namespace.
 *
 * <p>An integer minAvailable counts the matching pods; a percentage, or any maxUnavailable, needs
 * the pods' controllers' scale (ReplicaSet, the Deployment owning a ReplicaSet, StatefulSet).
 * When that scale cannot be found (a pod without a controller, or of another kind) the budget
 * fails safe: disruptionsAllowed becomes 0 and the rest of the status is kept, as upstream.
 *
 * <p>Implementation note: any change to a pod, budget or scaled controller marks the budgets of
 * its namespace; marked budgets are synced once per virtual instant, after the writes of that
 * instant, in key order.
 */
public final class DisruptionController implements ClusterComponent {
  public static final String NAME = "disruption-controller";
  /** DeletionTimeout: how long an eviction's entry in disruptedPods holds before it lapses. */
  public static final long DELETION_TIMEOUT = 2 * Durations.MINUTE;

  private ClusterContext ctx;
  private final TreeSet<String> dirty = new TreeSet<>();
  private Timer flush;
  private final Map<String, Timer> rechecks = new HashMap<>();

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public void start(ClusterContext context) {
    this.ctx = context;
    for (PodDisruptionBudget pdb : context.store().listAndWatch(PodDisruptionBudget.class,
        e -> markKey(e.object().key()))) {
      markKey(pdb.key());
    }
    context.store().watch(Pod.class, e -> onNamespaced(e.object(), e));
    context.store().watch(ReplicaSet.class, e -> onNamespaced(e.object(), e));
    context.store().watch(Deployment.class, e -> onNamespaced(e.object(), e));
    context.store().watch(StatefulSet.class, e -> onNamespaced(e.object(), e));
  }

  private void onNamespaced(KubeObject obj, WatchEvent<?> event) {
    for (PodDisruptionBudget pdb :
        ctx.store().list(PodDisruptionBudget.class, obj.metadata().namespace())) {
      markKey(pdb.key());
    }
  }

  private void markKey(String key) {
    dirty.add(key);
    if (flush == null || !flush.isPending()) {
      flush = ctx.loop().after(0, NAME + "/sync", this::flush);
    }
  }

  private void flush() {
    while (!dirty.isEmpty()) {
      String key = dirty.pollFirst();
      int slash = key.indexOf('/');
      sync(key.substring(0, slash), key.substring(slash + 1));
    }
  }

  private void sync(String namespace, String name) {
    PodDisruptionBudget pdb = ctx.store().get(PodDisruptionBudget.class, namespace, name);
    if (pdb == null) {
      return;
    }
    PodDisruptionBudgetSpec spec = pdb.spec();
    List<Pod> pods = new ArrayList<>();
    for (Pod pod : ctx.store().list(Pod.class, namespace)) {
      if (LabelSelectors.matches(spec.selector(), pod.metadata().labels())) {
        pods.add(pod);
      }
    }
    int expected;
    int desired;
    try {
      if (spec.maxUnavailable() != null) {
        expected = expectedScale(pods);
        int maxUnavailable = spec.maxUnavailable().scaled(expected, true);
        desired = Math.max(0, expected - maxUnavailable);
      } else if (spec.minAvailable() != null) {
        IntOrString min = spec.minAvailable();
        if (min.isInt()) {
          desired = min.intVal();
          expected = pods.size();
        } else {
          expected = expectedScale(pods);
          desired = min.scaled(expected, true);
        }
      } else {
        expected = 0;
        desired = 0;
      }
    } catch (IllegalArgumentException e) {
      failSafe(pdb, e.getMessage());
      return;
    }
    long now = ctx.now();
    Map<String, String> disrupted = disruptedPods(pdb, pods, now);
    int healthy = 0;
    for (Pod pod : pods) {
      if (pod.metadata().deletionTimestamp() == null && !disrupted.containsKey(
          pod.metadata().name()) && ControllerSupport.isPodReady(pod)) {
        healthy++;
      }
    }
    // A budget that matches no pods yet stays safe until its pods are counted.
    int allowed = healthy - desired;
    if (expected <= 0 || allowed <= 0) {
      allowed = 0;
    }
    PodDisruptionBudgetStatus status = new PodDisruptionBudgetStatus(
        pdb.metadata().generation(), disrupted, allowed, healthy, desired, expected);
    writeStatus(pdb, status, "sync");
  }

  private void failSafe(PodDisruptionBudget pdb, String why) {
    PodDisruptionBudgetStatus s = pdb.status();
    PodDisruptionBudgetStatus status = new PodDisruptionBudgetStatus(s.observedGeneration(),
        s.disruptedPods(), 0, s.currentHealthy(), s.desiredHealthy(), s.expectedPods());
    if (!status.equals(s)) {
      writeStatus(pdb, status, "sync_failed");
    }
    ctx.record(ControllerSupport.actionEvent(ctx, NAME, "sync_failed",
        "poddisruptionbudgets/" + pdb.key(), null, null).with("reason", why));
  }

  private void writeStatus(PodDisruptionBudget pdb, PodDisruptionBudgetStatus status,
      String action) {
    if (status.equals(pdb.status())) {
      return;
    }
    try {
      ctx.store().update(PodDisruptionBudget.class, pdb.metadata().namespace(),
          pdb.metadata().name(), p -> p.withStatus(status));
    } catch (NotFoundException e) {
      return;
    }
    if (action.equals("sync")) {
      ctx.record(ControllerSupport.actionEvent(ctx, NAME, "update_status",
          "poddisruptionbudgets/" + pdb.key(), null, null)
          .with("disruptionsAllowed", Integer.toString(status.disruptionsAllowed()))
          .with("currentHealthy", Integer.toString(status.currentHealthy()))
          .with("desiredHealthy", Integer.toString(status.desiredHealthy()))
          .with("expectedPods", Integer.toString(status.expectedPods())));
    }
  }

  /**
   * buildDisruptedPodMap: the evicted pods still expected to go, dropping entries of pods that are
   * gone, already terminating, or past the deletion timeout; a recheck is due when the next lapses.
   */
  private Map<String, String> disruptedPods(PodDisruptionBudget pdb, List<Pod> pods, long now) {
    Map<String, String> old = pdb.status().disruptedPods();
    if (old.isEmpty()) {
      return old;
    }
    Map<String, String> kept = new TreeMap<>();
    long recheck = Long.MAX_VALUE;
    for (Pod pod : pods) {
      String at = old.get(pod.metadata().name());
      if (at == null || pod.metadata().deletionTimestamp() != null) {
        continue;
      }
      long expires = ControllerSupport.nanosOf(ctx, at, now) + DELETION_TIMEOUT;
      if (expires < now) {
        continue;
      }
      kept.put(pod.metadata().name(), at);
      recheck = Math.min(recheck, expires);
    }
    if (recheck != Long.MAX_VALUE) {
      String key = pdb.key();
      Timer previous = rechecks.get(key);
      if (previous == null || !previous.isPending() || previous.atNanos() != recheck + 1) {
        if (previous != null) {
          previous.cancel();
        }
        rechecks.put(key, ctx.loop().schedule(recheck + 1, NAME + "/recheck " + key,
            () -> markKey(key)));
      }
    }
    return kept;
  }

  /** getExpectedScale: the summed scale of the pods' distinct controllers. */
  private int expectedScale(List<Pod> pods) {
    Map<String, Integer> scaleByController = new LinkedHashMap<>();
    TreeSet<String> seenRefs = new TreeSet<>();
    for (Pod pod : pods) {
      OwnerReference ref = pod.metadata().controllerRef();
      if (ref == null) {
        throw new IllegalArgumentException(
            "found no controller ref for pod \"" + pod.metadata().name() + "\"");
      }
      if (!seenRefs.add(ref.uid() == null ? "" : ref.uid())) {
        continue;
      }
      String ns = pod.metadata().namespace();
      String[] uidAndScale = scaleOf(ref, ns);
      if (uidAndScale == null) {
        throw new IllegalArgumentException(
            "found no controllers for pod \"" + pod.metadata().name() + "\"");
      }
      scaleByController.put(uidAndScale[0], Integer.parseInt(uidAndScale[1]));
    }
    int sum = 0;
    for (int s : scaleByController.values()) {
      sum += s;
    }
    return sum;
  }

  /** The finders: {uid, scale} of the controller behind a pod's controller ref, or null. */
  private String[] scaleOf(OwnerReference ref, String namespace) {
    if ("ReplicaSet".equals(ref.kind())) {
      ReplicaSet rs = ctx.store().get(ReplicaSet.class, namespace, ref.name());
      if (rs == null || !ControllerSupport.eq(rs.metadata().uid(), ref.uid())) {
        return null;
      }
      OwnerReference owner = rs.metadata().controllerRef();
      if (owner != null && "Deployment".equals(owner.kind())) {
        Deployment d = ctx.store().get(Deployment.class, namespace, owner.name());
        if (d == null || !ControllerSupport.eq(d.metadata().uid(), owner.uid())) {
          return null;
        }
        return new String[] {d.metadata().uid(), Integer.toString(replicas(d.spec().replicas()))};
      }
      return new String[] {rs.metadata().uid(), Integer.toString(replicas(rs.spec().replicas()))};
    }
    if ("StatefulSet".equals(ref.kind())) {
      StatefulSet ss = ctx.store().get(StatefulSet.class, namespace, ref.name());
      if (ss == null || !ControllerSupport.eq(ss.metadata().uid(), ref.uid())) {
        return null;
      }
      return new String[] {ss.metadata().uid(), Integer.toString(replicas(ss.spec().replicas()))};
    }
    return null;
  }

  /** spec.replicas, defaulted to 1 as the API server does. */
  private static int replicas(Integer replicas) {
    return replicas == null ? 1 : replicas;
  }
}
