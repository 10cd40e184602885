package io.schedlab.controller.workload;

import io.schedlab.api.LabelSelector;
import io.schedlab.api.ObjectMeta;
import io.schedlab.api.OwnerReference;
import io.schedlab.api.Pod;
import io.schedlab.api.ReplicaSet;
import io.schedlab.api.ReplicaSetStatus;
import io.schedlab.api.match.LabelSelectors;
import io.schedlab.store.WatchEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The kube-controller-manager's replicaset-controller: keeps {@code spec.replicas} active pods
 * per ReplicaSet, creating from the template (with a controller owner reference) and deleting in
 * {@link DeletionRanking} order, adopts orphan pods its selector matches, and writes status
 * (replicas, fullyLabeledReplicas, readyReplicas, availableReplicas after minReadySeconds,
 * observedGeneration). A pod that fails or is deleted stops counting as active and is replaced.
 *
 * <p>Watches ReplicaSets and Pods; writes Pods and ReplicaSet status. Records {@code
 * controller_action} create_pod / delete_pod / adopt_pod.
 */
public final class ReplicaSetController extends WorkloadController {
  /** Upstream's BurstReplicas: at most 500 creations or deletions per sync. */
  static final int BURST_REPLICAS = 500;

  private static final long SECOND = 1_000_000_000L;

  @Override
  public String name() {
    return "replicaset-controller";
  }

  @Override
  protected void watch() {
    for (ReplicaSet rs : store.listAndWatch(ReplicaSet.class, this::onReplicaSet)) {
      enqueue(rs);
    }
    store.watch(Pod.class, this::onPod);
  }

  private void onReplicaSet(WatchEvent<ReplicaSet> e) {
    enqueue(e.object());
  }

  private void onPod(WatchEvent<Pod> e) {
    Pod pod = e.object();
    OwnerReference ref = pod.metadata().controllerRef();
    if (ref != null) {
      if (!ReplicaSet.KIND.equals(ref.kind())) {
        return;
      }
      String ns = pod.metadata().namespace();
      enqueue(ns, ref.name());
      // Upstream: when a pod turns ready, look again once minReadySeconds (+1 s) have passed,
      // so availableReplicas is counted without waiting for another event.
      if (e.type() == WatchEvent.Type.MODIFIED && !PodStates.isReady(e.oldObject())
          && PodStates.isReady(pod)) {
        ReplicaSet rs = store.get(ReplicaSet.class, ns, ref.name());
        int minReady = rs == null ? 0 : PodStates.orZero(rs.spec().minReadySeconds());
        if (minReady > 0) {
          enqueueAfter(ns, ref.name(), minReady * SECOND + SECOND);
        }
      }
      return;
    }
    if (e.type() == WatchEvent.Type.DELETED || !PodStates.isActive(pod)) {
      return;
    }
    // An orphan: every ReplicaSet whose selector matches it may adopt it.
    for (ReplicaSet rs : store.list(ReplicaSet.class, pod.metadata().namespace())) {
      if (selects(rs.spec().selector(), pod)) {
        enqueue(rs);
      }
    }
  }

  private static boolean selects(LabelSelector selector, Pod pod) {
    // A nil or empty selector selects nothing for a controller (validation requires one).
    if (selector == null
        || (selector.matchLabels().isEmpty() && selector.matchExpressions().isEmpty())) {
      return false;
    }
    return LabelSelectors.matches(selector, pod.metadata().labels());
  }

  @Override
  protected void sync(String namespace, String name) {
    ReplicaSet rs = store.get(ReplicaSet.class, namespace, name);
    if (rs == null) {
      return; // deleting its pods is the garbage collector's job
    }
    String object = describe(ReplicaSet.KIND, rs.metadata());
    List<Pod> active = claimActivePods(rs, object);
    boolean deleting = rs.metadata().deletionTimestamp() != null;
    if (!deleting) {
      manageReplicas(rs, active, object);
      active = claimActivePods(rs, object);
    }
    writeStatus(rs, active);
  }

  /** The active pods the ReplicaSet controls, after adopting matching orphans. */
  private List<Pod> claimActivePods(ReplicaSet rs, String object) {
    ObjectMeta meta = rs.metadata();
    boolean canAdopt = meta.deletionTimestamp() == null;
    List<Pod> out = new ArrayList<>();
    for (Pod pod : store.list(Pod.class, meta.namespace())) {
      if (!PodStates.isActive(pod)) {
        continue;
      }
      ObjectMeta pm = pod.metadata();
      if (PodStates.isControlledBy(pm, meta.uid())) {
        out.add(pod);
      } else if (canAdopt && pm.controllerRef() == null && selects(rs.spec().selector(), pod)) {
        List<OwnerReference> refs = new ArrayList<>(pm.ownerReferences());
        refs.add(controllerRef(ReplicaSet.API_VERSION, ReplicaSet.KIND, meta));
        Pod adopted = store.update(pod.withMetadata(pm.withOwnerReferences(refs)));
        action("adopt_pod", adopted.spec().nodeName(), adopted, object);
        out.add(adopted);
      }
    }
    return out;
  }

  private void manageReplicas(ReplicaSet rs, List<Pod> active, String object) {
    int want = rs.spec().replicas() == null ? 1 : rs.spec().replicas();
    int diff = active.size() - want;
    ObjectMeta meta = rs.metadata();
    if (diff < 0) {
      int create = Math.min(-diff, BURST_REPLICAS);
      OwnerReference ref = controllerRef(ReplicaSet.API_VERSION, ReplicaSet.KIND, meta);
      for (int i = 0; i < create; i++) {
        createPod(podFromTemplate(rs.spec().template(), meta.namespace(), ref, Map.of(), Map.of()),
            meta.name() + "-", object);
      }
    } else if (diff > 0) {
      int delete = Math.min(diff, BURST_REPLICAS);
      List<Pod> victims = DeletionRanking.podsToDelete(active, relatedPods(rs, active), delete,
          context.now(), context.loop().clock().epoch());
      for (Pod pod : List.copyOf(victims)) {
        deletePod(pod, object);
      }
    }
  }

  /**
   * Upstream's indirectly related pods: those of every ReplicaSet with the same controller owner
   * (a Deployment's old and new sets), so scaling down spreads across nodes.
   */
  private List<Pod> relatedPods(ReplicaSet rs, List<Pod> own) {
    OwnerReference owner = rs.metadata().controllerRef();
    if (owner == null) {
      return own;
    }
    List<Pod> related = new ArrayList<>();
    for (ReplicaSet sibling : store.list(ReplicaSet.class, rs.metadata().namespace())) {
      if (PodStates.isControlledBy(sibling.metadata(), owner.uid())) {
        related.addAll(podsControlledBy(rs.metadata().namespace(), sibling.metadata().uid()));
      }
    }
    return related;
  }

  private void writeStatus(ReplicaSet rs, List<Pod> active) {
    int minReady = PodStates.orZero(rs.spec().minReadySeconds());
    LabelSelectors.Selector templateLabels =
        LabelSelectors.compileMap(rs.spec().template().metadata().labels());
    int fullyLabeled = 0;
    int ready = 0;
    int available = 0;
    long now = context.now();
    for (Pod pod : active) {
      if (templateLabels.matches(pod.metadata().labels())) {
        fullyLabeled++;
      }
      if (PodStates.isReady(pod)) {
        ready++;
        if (PodStates.isAvailable(pod, minReady, now, context.loop().clock().epoch())) {
          available++;
        }
      }
    }
    ReplicaSetStatus status = new ReplicaSetStatus(active.size(), fullyLabeled, ready, available,
        rs.metadata().generation());
    if (!status.equals(rs.status())) {
      store.update(ReplicaSet.class, rs.metadata().namespace(), rs.metadata().name(),
          cur -> cur.withStatus(status));
    }
    int want = rs.spec().replicas() == null ? 1 : rs.spec().replicas();
    // Upstream: all ready but not all available yet: look again after minReadySeconds.
    if (minReady > 0 && ready == want && available != want) {
      enqueueAfter(rs.metadata().namespace(), rs.metadata().name(), minReady * SECOND);
    }
  }
}
