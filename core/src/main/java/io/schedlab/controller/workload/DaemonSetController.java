package io.schedlab.controller.workload;

import io.schedlab.api.Affinity;
import io.schedlab.api.DaemonSet;
import io.schedlab.api.DaemonSetStatus;
import io.schedlab.api.Node;
import io.schedlab.api.NodeAffinity;
import io.schedlab.api.NodeSelector;
import io.schedlab.api.NodeSelectorRequirement;
import io.schedlab.api.NodeSelectorTerm;
import io.schedlab.api.ObjectMeta;
import io.schedlab.api.OwnerReference;
import io.schedlab.api.Pod;
import io.schedlab.api.PodSpec;
import io.schedlab.api.Taint;
import io.schedlab.api.Toleration;
import io.schedlab.api.match.NodeSelectors;
import io.schedlab.api.match.Tolerations;
import io.schedlab.store.WatchEvent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The kube-controller-manager's daemonset-controller: one pod per eligible node. A node is
 * eligible when the template's nodeSelector and required node affinity match it and its
 * NoSchedule/NoExecute taints are tolerated, counting the tolerations upstream adds to every
 * daemon pod (not-ready and unreachable NoExecute; disk-, memory- and pid-pressure and
 * unschedulable NoSchedule; network-unavailable NoSchedule for host-network pods). A pod whose
 * node gains an untolerated NoSchedule taint keeps running; an untolerated NoExecute taint, a
 * failed selector or a removed node gets it deleted. Pods go through the scheduler, as upstream:
 * created unbound with a required node affinity {@code matchFields metadata.name In [node]}.
 * Failed pods are deleted and recreated with upstream's per-node back-off (1 s doubling to 15
 * min); extra pods on a node are deleted, the oldest kept. Rolling updates are not modelled.
 *
 * <p>Watches DaemonSets, Nodes and Pods; writes Pods and DaemonSet status. Records {@code
 * controller_action} create_pod / delete_pod.
 */
public final class DaemonSetController extends WorkloadController {
  static final String NODE_NAME_FIELD = "metadata.name";
  static final String POD_TEMPLATE_GENERATION = "pod-template-generation";

  private static final long SECOND = 1_000_000_000L;
  /** Upstream's failedPodsBackoff: flowcontrol.NewBackOff(1 s, 15 min). */
  private static final long BACKOFF_INITIAL = SECOND;
  private static final long BACKOFF_MAX = 15 * 60 * SECOND;

  /** The tolerations every daemon pod gets (upstream's AddOrUpdateDaemonPodTolerations). */
  static final List<Toleration> DAEMON_TOLERATIONS = List.of(
      new Toleration("node.kubernetes.io/not-ready", "Exists", null, Taint.NO_EXECUTE, null),
      new Toleration("node.kubernetes.io/unreachable", "Exists", null, Taint.NO_EXECUTE, null),
      new Toleration("node.kubernetes.io/disk-pressure", "Exists", null, Taint.NO_SCHEDULE, null),
      new Toleration("node.kubernetes.io/memory-pressure", "Exists", null, Taint.NO_SCHEDULE,
          null),
      new Toleration("node.kubernetes.io/pid-pressure", "Exists", null, Taint.NO_SCHEDULE, null),
      new Toleration("node.kubernetes.io/unschedulable", "Exists", null, Taint.NO_SCHEDULE,
          null));
  static final Toleration NETWORK_UNAVAILABLE =
      new Toleration("node.kubernetes.io/network-unavailable", "Exists", null, Taint.NO_SCHEDULE,
          null);

  /** Per DaemonSet and node: {backoff, lastUpdate} in nanos. */
  private final Map<String, long[]> backoff = new HashMap<>();

  @Override
  public String name() {
    return "daemonset-controller";
  }

  @Override
  protected void watch() {
    for (DaemonSet ds : store.listAndWatch(DaemonSet.class, e -> enqueue(e.object()))) {
      enqueue(ds);
    }
    store.watch(Node.class, e -> enqueueAll());
    store.watch(Pod.class, this::onPod);
  }

  private void enqueueAll() {
    for (DaemonSet ds : store.list(DaemonSet.class)) {
      enqueue(ds);
    }
  }

  private void onPod(WatchEvent<Pod> e) {
    OwnerReference ref = e.object().metadata().controllerRef();
    if (ref != null && DaemonSet.KIND.equals(ref.kind())) {
      enqueue(e.object().metadata().namespace(), ref.name());
    }
  }

  // ---------------------------------------------------------------- eligibility

  /** The pod a DaemonSet would run on the node: its template plus the daemon tolerations. */
  static Pod newPod(DaemonSet ds, String nodeName) {
    ObjectMeta m = ds.metadata();
    Map<String, String> labels = m.generation() == null ? Map.of()
        : Map.of(POD_TEMPLATE_GENERATION, Long.toString(m.generation()));
    Pod pod = podFromTemplate(ds.spec().template(), m.namespace(),
        controllerRef(DaemonSet.API_VERSION, DaemonSet.KIND, m), labels, Map.of());
    PodSpec spec = pod.spec();
    List<Toleration> tolerations = new ArrayList<>(spec.tolerations());
    for (Toleration t : DAEMON_TOLERATIONS) {
      addOrUpdate(tolerations, t);
    }
    if (Boolean.TRUE.equals(spec.hostNetwork())) {
      addOrUpdate(tolerations, NETWORK_UNAVAILABLE);
    }
    spec = spec.withTolerations(tolerations);
    if (nodeName != null) {
      spec = spec.withAffinity(withNodeNameAffinity(spec.affinity(), nodeName));
    }
    return pod.withSpec(spec);
  }

  /**
   * Upstream's AddOrUpdateTolerationInPodSpec: a toleration with the same key, operator, value
   * and effect is replaced; otherwise the toleration is appended.
   */
  private static void addOrUpdate(List<Toleration> list, Toleration t) {
    for (int i = 0; i < list.size(); i++) {
      Toleration x = list.get(i);
      if (eq(x.key(), t.key()) && eq(x.operator(), t.operator()) && eq(x.value(), t.value())
          && eq(x.effect(), t.effect())) {
        list.set(i, t);
        return;
      }
    }
    list.add(t);
  }

  private static boolean eq(String a, String b) {
    return (a == null ? "" : a).equals(b == null ? "" : b);
  }

  /**
   * Upstream's ReplaceDaemonSetPodNodeNameNodeAffinity: the required terms become one field
   * term naming the node; preferred terms stay.
   */
  static Affinity withNodeNameAffinity(Affinity affinity, String nodeName) {
    NodeSelector required = new NodeSelector(List.of(new NodeSelectorTerm(null,
        List.of(new NodeSelectorRequirement(NODE_NAME_FIELD, "In", List.of(nodeName))))));
    if (affinity == null) {
      return new Affinity(new NodeAffinity(required, null), null, null);
    }
    NodeAffinity na = affinity.nodeAffinity();
    NodeAffinity replaced = new NodeAffinity(required,
        na == null ? null : na.preferredDuringSchedulingIgnoredDuringExecution());
    return new Affinity(replaced, affinity.podAffinity(), affinity.podAntiAffinity());
  }

  /**
   * Upstream's nodeShouldRunDaemonPod: {shouldRun, shouldContinueRunning}. Selector or affinity
   * mismatch: neither. Untolerated NoSchedule/NoExecute taint: should not run; may continue
   * unless a NoExecute taint is untolerated.
   */
  static boolean[] shouldRun(Pod template, Node node) {
    if (!NodeSelectors.podMatchesNode(template, node)) {
      return new boolean[] {false, false};
    }
    List<Taint> taints = node.spec().taints();
    List<Toleration> tolerations = template.spec().tolerations();
    if (Tolerations.findUntoleratedTaint(taints, tolerations,
        Tolerations.NO_SCHEDULE_OR_NO_EXECUTE) == null) {
      return new boolean[] {true, true};
    }
    boolean noExecute = Tolerations.findUntoleratedTaint(taints, tolerations,
        t -> Taint.NO_EXECUTE.equals(t.effect())) != null;
    return new boolean[] {false, !noExecute};
  }

  /** The node a daemon pod is for: its nodeName, or the node its field affinity names. */
  static String targetNode(Pod pod) {
    String n = pod.spec().nodeName();
    if (n != null && !n.isEmpty()) {
      return n;
    }
    Affinity a = pod.spec().affinity();
    if (a == null || a.nodeAffinity() == null
        || a.nodeAffinity().requiredDuringSchedulingIgnoredDuringExecution() == null) {
      return null;
    }
    for (NodeSelectorTerm term :
        a.nodeAffinity().requiredDuringSchedulingIgnoredDuringExecution().nodeSelectorTerms()) {
      for (NodeSelectorRequirement r : term.matchFields()) {
        if (NODE_NAME_FIELD.equals(r.key()) && "In".equals(r.operator())
            && r.values().size() == 1) {
          return r.values().get(0);
        }
      }
    }
    return null;
  }

  // ---------------------------------------------------------------- sync

  @Override
  protected void sync(String namespace, String name) {
    DaemonSet ds = store.get(DaemonSet.class, namespace, name);
    if (ds == null) {
      return;
    }
    if (ds.metadata().deletionTimestamp() == null) {
      manage(ds);
    }
    writeStatus(ds);
  }

  /** The set's non-terminating pods by target node; pods with no target node under "". */
  private Map<String, List<Pod>> podsByNode(DaemonSet ds) {
    Map<String, List<Pod>> out = new TreeMap<>();
    for (Pod pod : podsControlledBy(ds.metadata().namespace(), ds.metadata().uid())) {
      if (PodStates.isTerminating(pod)) {
        continue;
      }
      String node = targetNode(pod);
      out.computeIfAbsent(node == null ? "" : node, k -> new ArrayList<>()).add(pod);
    }
    return out;
  }

  private void manage(DaemonSet ds) {
    String object = describe(DaemonSet.KIND, ds.metadata());
    Map<String, List<Pod>> byNode = podsByNode(ds);
    Pod template = newPod(ds, null);
    List<String> toCreate = new ArrayList<>();
    List<Pod> toDelete = new ArrayList<>();
    Set<String> nodeNames = new HashSet<>();
    for (Node node : store.list(Node.class)) {
      String nodeName = node.metadata().name();
      nodeNames.add(nodeName);
      boolean[] run = shouldRun(template, node);
      List<Pod> pods = byNode.getOrDefault(nodeName, List.of());
      if (run[0] && pods.isEmpty()) {
        toCreate.add(nodeName);
      } else if (run[1]) {
        List<Pod> running = new ArrayList<>();
        for (Pod pod : pods) {
          if (PodStates.FAILED.equals(pod.status().phase())) {
            if (inBackoff(ds, nodeName)) {
              continue;
            }
            toDelete.add(pod);
          } else {
            running.add(pod);
          }
        }
        if (running.size() > 1) {
          running.sort(Comparator.comparing(
              (Pod p) -> p.metadata().creationTimestamp() == null ? ""
                  : p.metadata().creationTimestamp()).thenComparing(p -> p.metadata().name()));
          toDelete.addAll(running.subList(1, running.size()));
        }
      } else {
        toDelete.addAll(pods);
      }
    }
    // Pods for nodes that do not exist (any more), or for no node at all.
    for (Map.Entry<String, List<Pod>> e : byNode.entrySet()) {
      if (!nodeNames.contains(e.getKey())) {
        toDelete.addAll(e.getValue());
      }
    }
    for (String nodeName : toCreate) {
      createPod(newPod(ds, nodeName), ds.metadata().name() + "-", object, nodeName);
    }
    for (Pod pod : toDelete) {
      deletePod(pod, object);
    }
  }

  /**
   * Upstream's IsInBackOffSinceUpdate then Next: true (and a re-queue) while the node's back-off
   * since the last failure lasts; otherwise the back-off grows and false.
   */
  private boolean inBackoff(DaemonSet ds, String nodeName) {
    String key = ds.metadata().uid() + "/" + nodeName;
    long now = context.now();
    long[] entry = backoff.get(key);
    if (entry != null && now - entry[1] < entry[0]) {
      enqueueAfter(ds.metadata().namespace(), ds.metadata().name(), entry[0]);
      return true;
    }
    if (entry == null || now - entry[1] > 2 * BACKOFF_MAX) {
      backoff.put(key, new long[] {BACKOFF_INITIAL, now});
    } else {
      entry[0] = Math.min(entry[0] * 2, BACKOFF_MAX);
      entry[1] = now;
    }
    return false;
  }

  private void writeStatus(DaemonSet ds) {
    Map<String, List<Pod>> byNode = podsByNode(ds);
    Pod template = newPod(ds, null);
    int desired = 0;
    int current = 0;
    int misscheduled = 0;
    int ready = 0;
    for (Node node : store.list(Node.class)) {
      boolean run = shouldRun(template, node)[0];
      List<Pod> pods = byNode.getOrDefault(node.metadata().name(), List.of());
      if (run) {
        desired++;
        if (!pods.isEmpty()) {
          current++;
          for (Pod p : pods) {
            if (PodStates.isReady(p)) {
              ready++;
              break;
            }
          }
        }
      } else if (!pods.isEmpty()) {
        misscheduled++;
      }
    }
    DaemonSetStatus status = new DaemonSetStatus(current, misscheduled, desired, ready,
        ds.metadata().generation());
    DaemonSet cur = store.get(DaemonSet.class, ds.metadata().namespace(), ds.metadata().name());
    if (!status.equals(cur.status())) {
      store.update(DaemonSet.class, ds.metadata().namespace(), ds.metadata().name(),
          x -> x.withStatus(status));
    }
  }
}
