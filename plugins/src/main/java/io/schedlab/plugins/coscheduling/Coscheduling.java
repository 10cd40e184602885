package io.schedlab.plugins.coscheduling;

import io.schedlab.api.Pod;
import io.schedlab.api.PodGroup;
import io.schedlab.api.Quantity;
import io.schedlab.framework.CycleState;
import io.schedlab.framework.Handle;
import io.schedlab.framework.NodeInfo;
import io.schedlab.framework.NodeToStatus;
import io.schedlab.framework.PermitPlugin;
import io.schedlab.framework.PermitResult;
import io.schedlab.framework.PodInfo;
import io.schedlab.framework.PostFilterPlugin;
import io.schedlab.framework.PostFilterResult;
import io.schedlab.framework.PreFilterPlugin;
import io.schedlab.framework.PreFilterResult;
import io.schedlab.framework.QueueSortPlugin;
import io.schedlab.framework.QueuedPodInfo;
import io.schedlab.framework.ReservePlugin;
import io.schedlab.framework.ResourceRegistry;
import io.schedlab.framework.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.WeakHashMap;

/**
 * Gang scheduling, as scheduler-plugins' Coscheduling: the members of a PodGroup are bound all
 * together once {@code minMember} of them have nodes, or none is.
 *
 * <ul>
 *   <li>QueueSort keeps a group's members next to each other: priority, then the group's
 *       creation time, then the group's key, then the pod's key.
 *   <li>PreFilter turns a member away (UnschedulableAndUnresolvable, so no preemption is tried)
 *       while its group has fewer than minMember pods, fails its minResources, or is backed off.
 *   <li>PostFilter: a member that fits nowhere rejects its waiting siblings, so their
 *       reservations are freed, and backs the group off.
 *   <li>Permit parks a member until minMember members hold nodes, then allows them all.
 *   <li>Unreserve (a Permit timeout or any later failure) rejects the waiting siblings.
 * </ul>
 *
 * <p>Implementation note: QueueSort runs on every heap comparison, so a pod's group key and
 * creation time are resolved once and cached per queued pod. A group without a PodGroup object (label
 * only) is ranked by the first time QueueSort saw one of its members, which never changes
 * afterwards, keeping the heap's order consistent.
 */
public final class Coscheduling
    implements QueueSortPlugin, PreFilterPlugin, PostFilterPlugin, ReservePlugin, PermitPlugin {
  public static final String NAME = "Coscheduling";

  /** Below this share of missing members PostFilter lets later siblings try (upstream's 10 %). */
  private static final float MISSING_SHARE_TO_REJECT = 0.1f;

  private final CoschedulingArgs args;
  private final Handle handle;
  private final PodGroups groups;
  /** Group full name to the virtual time its backoff ends. */
  private final Map<String, Long> backedOffUntil = new HashMap<>();
  /**
   * Each queued pod's sort key, so QueueSort resolves a pod once. Weak, so entries go with the
   * queue's own records instead of growing with every pod a long simulation has seen.
   */
  private final Map<QueuedPodInfo, SortKey> sortKeys = new WeakHashMap<>();
  /** Group full name to the virtual time its waiting members were last rejected. */
  private final Map<String, Long> rejectedAt = new HashMap<>();
  /** Label-only group full name to the first queue time seen for one of its members. */
  private final Map<String, Long> firstSeen = new HashMap<>();

  /** What QueueSort compares after priority. {@code createdNanos} is virtual time. */
  private record SortKey(long createdNanos, String groupKey, String podKey) {}

  public Coscheduling(CoschedulingArgs args, Handle handle) {
    args.validate();
    this.args = args;
    this.handle = handle;
    this.groups = new PodGroups(handle.objects());
  }

  @Override
  public String name() {
    return NAME;
  }

  // ---- QueueSort ----

  @Override
  public boolean less(QueuedPodInfo a, QueuedPodInfo b) {
    int p1 = a.pod().priority();
    int p2 = b.pod().priority();
    if (p1 != p2) {
      return p1 > p2;
    }
    SortKey k1 = sortKey(a);
    SortKey k2 = sortKey(b);
    if (k1.createdNanos != k2.createdNanos) {
      return k1.createdNanos < k2.createdNanos;
    }
    int c = k1.groupKey.compareTo(k2.groupKey);
    if (c != 0) {
      return c < 0;
    }
    return k1.podKey.compareTo(k2.podKey) < 0;
  }

  private SortKey sortKey(QueuedPodInfo q) {
    SortKey k = sortKeys.get(q);
    if (k == null) {
      // Kept for the pod's life: a key that changed while the pod sits in the heap would break
      // the heap's order.
      k = computeSortKey(q);
      sortKeys.put(q, k);
    }
    return k;
  }

  private SortKey computeSortKey(QueuedPodInfo q) {
    PodInfo pod = q.pod();
    long queued = q.initialAttemptTimestamp >= 0 ? q.initialAttemptTimestamp : q.timestamp;
    String name = PodGroups.groupNameOf(pod.pod());
    if (name == null) {
      return new SortKey(queued, pod.key(), pod.key());
    }
    String ns = pod.namespace() == null ? "" : pod.namespace();
    String fullName = ns + "/" + name;
    PodGroup pg = handle.objects().get(PodGroup.class, ns, name);
    if (pg != null && pg.metadata().creationTimestamp() != null) {
      return new SortKey(virtualNanos(pg.metadata().creationTimestamp()), fullName, pod.key());
    }
    Long seen = firstSeen.putIfAbsent(fullName, queued);
    return new SortKey(seen == null ? queued : seen, fullName, pod.key());
  }

  /** An RFC 3339 object timestamp on the scheduler's virtual time line. */
  private long virtualNanos(String rfc3339) {
    Instant epoch = handle.now().minusNanos(handle.nowNanos());
    return Duration.between(epoch, Instant.parse(rfc3339)).toNanos();
  }

  // ---- PreFilter ----

  @Override
  public PreFilterResult preFilter(CycleState state, PodInfo pod, List<NodeInfo> nodes) {
    Gang g = groups.gangOf(pod.pod());
    if (g == null || PodGroups.NOT_FOUND.equals(g.problem())) {
      return PreFilterResult.SUCCESS; // no group, or none found: Permit rejects the latter
    }
    if (!g.found()) {
      return PreFilterResult.of(Status.unresolvable(g.problem()));
    }
    Long until = backedOffUntil.get(g.fullName());
    if (until != null) {
      if (handle.nowNanos() < until) {
        return PreFilterResult.of(
            Status.unresolvable("podGroup " + g.fullName() + " failed recently"));
      }
      backedOffUntil.remove(g.fullName());
    }
    int members = groups.countMembers(g);
    if (members < g.minMember()) {
      return PreFilterResult.of(
          Status.unresolvable(
              "pre-filter pod " + pod.name() + " cannot find enough sibling pods, current pods"
                  + " number: " + members + ", minMember of group: " + g.minMember()));
    }
    if (g.object() != null && !g.object().spec().minResources().isEmpty()) {
      String gap = resourceGap(g, nodes);
      if (gap != null) {
        return PreFilterResult.of(Status.unresolvable("resource gap: " + gap));
      }
    }
    return PreFilterResult.SUCCESS;
  }

  /**
   * Upstream's CheckClusterResource: walks the nodes, taking from each what is left once the
   * group's own pods are removed, until minResources (plus minMember pod slots) are covered.
   * Returns null when they are, or what is still missing.
   */
  private String resourceGap(Gang g, List<NodeInfo> nodes) {
    ResourceRegistry resources = handle.resources();
    Map<String, Quantity> min = g.object().spec().minResources();
    long[] want = new long[resources.size()];
    long[] asked = resources.vector(min);
    System.arraycopy(asked, 0, want, 0, Math.min(asked.length, want.length));
    if (want.length < asked.length) {
      want = asked.clone();
    }
    want[ResourceRegistry.PODS] = g.minMember();
    for (int i = 0, n = nodes.size(); i < n; i++) {
      NodeInfo node = nodes.get(i);
      if (node.node() == null) {
        continue;
      }
      long[] left = leftOn(node, g, want.length);
      boolean covered = true;
      for (int r = 0; r < want.length; r++) {
        if (want[r] > 0) {
          want[r] -= left[r];
          if (want[r] > 0) {
            covered = false;
          }
        }
      }
      if (covered) {
        return null;
      }
    }
    Map<String, String> missing = new TreeMap<>();
    for (int r = 0; r < want.length; r++) {
      if (want[r] > 0) {
        missing.put(resources.name(r), r == ResourceRegistry.CPU ? want[r] + "m" : Long.toString(want[r]));
      }
    }
    List<String> parts = new ArrayList<>();
    for (Map.Entry<String, String> e : missing.entrySet()) {
      parts.add(e.getKey() + ":" + e.getValue());
    }
    return "map[" + String.join(" ", parts) + "]";
  }

  private static long[] leftOn(NodeInfo node, Gang g, int size) {
    long[] left = new long[size];
    int podsLeft = node.podCount();
    for (int r = 0; r < size; r++) {
      left[r] = node.allocatable(r) - node.requested(r);
    }
    List<PodInfo> pods = node.pods();
    for (int j = 0, m = pods.size(); j < m; j++) {
      PodInfo p = pods.get(j);
      if (PodGroups.isMember(p.pod(), g.namespace(), g.name())) {
        podsLeft--;
        for (int r = 0; r < size; r++) {
          left[r] += p.request(r);
        }
      }
    }
    left[ResourceRegistry.PODS] = node.allocatable(ResourceRegistry.PODS) - podsLeft;
    return left;
  }

  // ---- PostFilter ----

  @Override
  public PostFilterResult postFilter(CycleState state, PodInfo pod, NodeToStatus filteredNodeStatuses) {
    Gang g = groups.gangOf(pod.pod());
    if (g == null || !g.found()) {
      return PostFilterResult.of(Status.unschedulable("can not find pod group"));
    }
    int assigned = PodGroups.countAssigned(handle.snapshot(), g);
    if (assigned >= g.minMember()) {
      return PostFilterResult.of(Status.unschedulable()); // the group is already complete
    }
    float missing = (float) (g.minMember() - assigned) / g.minMember();
    if (missing <= MISSING_SHARE_TO_REJECT) {
      return PostFilterResult.of(Status.unschedulable()); // later siblings may still fill it
    }
    rejectWaitingSiblings(g, "optimistic rejection in PostFilter");
    if (args.podGroupBackoffSeconds() > 0 && groups.countMembers(g) >= g.minMember()) {
      backedOffUntil.put(
          g.fullName(), handle.nowNanos() + args.podGroupBackoffSeconds() * 1_000_000_000L);
    }
    return PostFilterResult.of(
        Status.unschedulable(
            "PodGroup " + g.fullName() + " gets rejected due to Pod " + pod.name()
                + " is unschedulable even after PostFilter"));
  }

  // ---- Reserve ----

  @Override
  public Status reserve(CycleState state, PodInfo pod, String nodeName) {
    return Status.SUCCESS;
  }

  @Override
  public void unreserve(CycleState state, PodInfo pod, String nodeName) {
    Gang g = groups.gangOf(pod.pod());
    if (g == null || !g.found()) {
      return;
    }
    rejectWaitingSiblings(g, "rejection in Unreserve");
  }

  // ---- Permit ----

  @Override
  public PermitResult permit(CycleState state, PodInfo pod, String nodeName) {
    Gang g = groups.gangOf(pod.pod());
    if (g == null) {
      return PermitResult.ALLOW;
    }
    if (!g.found()) {
      return PermitResult.reject(Status.unschedulable(g.problem()));
    }
    int assigned = PodGroups.countAssigned(handle.snapshot(), g);
    if (assigned + 1 >= g.minMember()) {
      String ns = g.namespace();
      String name = g.name();
      handle.iterateWaitingPods(
          w -> {
            if (PodGroups.isMember(w.pod().pod(), ns, name)) {
              w.allow(NAME);
            }
          });
      return PermitResult.ALLOW;
    }
    if (assigned == 0 && !rejectedNow(g)) {
      // The first member to get a node brings its siblings back from the unschedulable pods,
      // where PreFilter put them while the group was still incomplete. Not in the instant the
      // group was rejected: upstream gets real time between cycles, but here a member left in
      // activeQ would pull the just-rejected siblings out of backoff again and again without
      // virtual time ever moving on.
      activateSiblings(g, pod);
    }
    long seconds =
        g.scheduleTimeoutSeconds() > 0 ? g.scheduleTimeoutSeconds() : args.permitWaitingTimeSeconds();
    return PermitResult.waitFor(seconds * 1_000_000_000L);
  }

  private void activateSiblings(Gang g, PodInfo pod) {
    List<String> uids = new ArrayList<>();
    for (Pod p : groups.members(g)) {
      String uid = PodInfo.uidOf(p);
      if (!uid.equals(pod.uid())) {
        uids.add(uid);
      }
    }
    if (!uids.isEmpty()) {
      handle.activate(uids);
    }
  }

  private boolean rejectedNow(Gang g) {
    Long at = rejectedAt.get(g.fullName());
    return at != null && at == handle.nowNanos();
  }

  private void rejectWaitingSiblings(Gang g, String message) {
    rejectedAt.put(g.fullName(), handle.nowNanos());
    String ns = g.namespace();
    String name = g.name();
    handle.iterateWaitingPods(
        w -> {
          if (PodGroups.isMember(w.pod().pod(), ns, name)) {
            w.reject(NAME, message);
          }
        });
  }
}
