package io.schedlab.controller.workload;

import io.schedlab.api.ObjectMeta;
import io.schedlab.api.OwnerReference;
import io.schedlab.api.Pod;
import io.schedlab.api.PodSpec;
import io.schedlab.api.StatefulSet;
import io.schedlab.api.StatefulSetStatus;
import io.schedlab.store.WatchEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The kube-controller-manager's statefulset-controller: pods with stable names {@code
 * <set>-<ordinal>}, hostname the pod's name and subdomain the set's serviceName, labelled with
 * {@code statefulset.kubernetes.io/pod-name} and {@code apps.kubernetes.io/pod-index}.
 * OrderedReady (the default) creates ordinal N only once 0..N-1 are Running and Ready (and
 * available after minReadySeconds), and scales down one pod at a time from the highest ordinal;
 * Parallel creates and deletes all at once. A Failed or Succeeded pod is deleted and recreated
 * under the same name. Template updates (revisions, partitions) are not modelled: every pod
 * counts as current and updated.
 *
 * <p>Watches StatefulSets and Pods; writes Pods and StatefulSet status. Records {@code
 * controller_action} create_pod / delete_pod.
 */
public final class StatefulSetController extends WorkloadController {
  static final String POD_NAME_LABEL = "statefulset.kubernetes.io/pod-name";
  static final String POD_INDEX_LABEL = "apps.kubernetes.io/pod-index";
  static final String PARALLEL = "Parallel";

  private static final long SECOND = 1_000_000_000L;

  @Override
  public String name() {
    return "statefulset-controller";
  }

  @Override
  protected void watch() {
    for (StatefulSet s : store.listAndWatch(StatefulSet.class, e -> enqueue(e.object()))) {
      enqueue(s);
    }
    store.watch(Pod.class, this::onPod);
  }

  private void onPod(WatchEvent<Pod> e) {
    OwnerReference ref = e.object().metadata().controllerRef();
    if (ref != null && StatefulSet.KIND.equals(ref.kind())) {
      enqueue(e.object().metadata().namespace(), ref.name());
    }
  }

  @Override
  protected void sync(String namespace, String name) {
    StatefulSet set = store.get(StatefulSet.class, namespace, name);
    if (set == null) {
      return;
    }
    if (set.metadata().deletionTimestamp() == null) {
      reconcile(set);
    }
    writeStatus(set);
  }

  private Map<Integer, Pod> podsByOrdinal(StatefulSet set) {
    Map<Integer, Pod> out = new TreeMap<>();
    String prefix = set.metadata().name() + "-";
    for (Pod pod : podsControlledBy(set.metadata().namespace(), set.metadata().uid())) {
      int ordinal = ordinal(pod.metadata().name(), prefix);
      if (ordinal >= 0) {
        out.put(ordinal, pod);
      }
    }
    return out;
  }

  /** The ordinal of {@code <set>-<n>}, or -1 for a name of another shape. */
  static int ordinal(String podName, String prefix) {
    if (!podName.startsWith(prefix) || podName.length() == prefix.length()) {
      return -1;
    }
    String digits = podName.substring(prefix.length());
    if (digits.length() > 1 && digits.charAt(0) == '0') {
      return -1;
    }
    int n = 0;
    for (int i = 0; i < digits.length(); i++) {
      char c = digits.charAt(i);
      if (c < '0' || c > '9' || n > (Integer.MAX_VALUE - 9) / 10) {
        return -1;
      }
      n = n * 10 + (c - '0');
    }
    return n;
  }

  private void reconcile(StatefulSet set) {
    boolean ordered = !PARALLEL.equals(set.spec().podManagementPolicy());
    int replicas = set.spec().replicas() == null ? 1 : set.spec().replicas();
    String object = describe(StatefulSet.KIND, set.metadata());
    Map<Integer, Pod> pods = podsByOrdinal(set);
    for (int i = 0; i < replicas; i++) {
      Pod pod = pods.get(i);
      if (pod != null && isFinished(pod) && !PodStates.isTerminating(pod)) {
        deletePod(pod, object);
        pod = null;
      }
      if (pod == null) {
        createPod(newPod(set, i), "", object);
        if (ordered) {
          return;
        }
        continue;
      }
      if (ordered && (PodStates.isTerminating(pod) || !runningAndAvailable(set, pod))) {
        return; // OrderedReady: wait for this ordinal before the next
      }
    }
    List<Integer> condemned = new ArrayList<>();
    for (int ordinal : pods.keySet()) {
      if (ordinal >= replicas) {
        condemned.add(0, ordinal); // highest first
      }
    }
    for (int ordinal : condemned) {
      Pod pod = pods.get(ordinal);
      if (PodStates.isTerminating(pod)) {
        if (ordered) {
          return;
        }
        continue;
      }
      deletePod(pod, object);
      if (ordered) {
        return;
      }
    }
  }

  private static boolean isFinished(Pod pod) {
    String phase = pod.status().phase();
    return PodStates.FAILED.equals(phase) || PodStates.SUCCEEDED.equals(phase);
  }

  private boolean runningAndAvailable(StatefulSet set, Pod pod) {
    if (!PodStates.isRunningAndReady(pod)) {
      return false;
    }
    int minReady = PodStates.orZero(set.spec().minReadySeconds());
    Instant epoch = context.loop().clock().epoch();
    if (PodStates.isAvailable(pod, minReady, context.now(), epoch)) {
      return true;
    }
    // Look again at the first instant the pod counts as available.
    long at = PodStates.readySince(pod, epoch) + minReady * SECOND + 1;
    enqueueAfter(set.metadata().namespace(), set.metadata().name(), at - context.now());
    return false;
  }

  private static Pod newPod(StatefulSet set, int ordinal) {
    ObjectMeta m = set.metadata();
    String podName = m.name() + "-" + ordinal;
    Pod pod = podFromTemplate(set.spec().template(), m.namespace(),
        controllerRef(StatefulSet.API_VERSION, StatefulSet.KIND, m),
        Map.of(POD_NAME_LABEL, podName, POD_INDEX_LABEL, Integer.toString(ordinal)), Map.of());
    PodSpec spec = pod.spec();
    spec = spec.withIdentity(podName, set.spec().serviceName());
    return pod.withMetadata(pod.metadata().withName(podName)).withSpec(spec);
  }

  private void writeStatus(StatefulSet set) {
    int minReady = PodStates.orZero(set.spec().minReadySeconds());
    Instant epoch = context.loop().clock().epoch();
    int created = 0;
    int ready = 0;
    int available = 0;
    for (Pod pod : podsByOrdinal(set).values()) {
      created++;
      if (PodStates.isRunningAndReady(pod)) {
        ready++;
        if (PodStates.isAvailable(pod, minReady, context.now(), epoch)) {
          available++;
        }
      }
    }
    StatefulSetStatus status = new StatefulSetStatus(set.metadata().generation(), created, ready,
        created, created, available);
    StatefulSet cur = store.get(StatefulSet.class, set.metadata().namespace(),
        set.metadata().name());
    if (!status.equals(cur.status())) {
      store.update(StatefulSet.class, set.metadata().namespace(), set.metadata().name(),
          x -> x.withStatus(status));
    }
  }
}
