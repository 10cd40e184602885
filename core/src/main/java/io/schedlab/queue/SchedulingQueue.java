package io.schedlab.queue;

import io.schedlab.framework.ClusterEvent;
import io.schedlab.framework.PodInfo;
import io.schedlab.framework.QueuedPodInfo;
import io.schedlab.framework.Status;
import io.schedlab.sim.EventLoop;
import io.schedlab.sim.Timer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * kube-scheduler's PriorityQueue in virtual time: activeQ ordered by the QueueSort plugin,
 * backoffQ ordered by backoff expiry, and the unschedulable pods.
 *
 * <p>Implementation note: activeQ and backoffQ are binary heaps; equal keys fall back to the
 * insertion sequence, so the order is total and runs are reproducible. Upstream's periodic
 * flushes (backoffQ every second, unschedulable leftovers every 30 s) run as event-loop timers
 * that exist only while their queue is non-empty, so an idle queue lets the simulation finish.
 * Pods that fail while cluster events arrive "in flight" go to backoff instead of the
 * unschedulable pods, as upstream's in-flight event tracking does.
 */
public final class SchedulingQueue {
  /** Upstream's DefaultPodMaxInUnschedulablePodsDuration. */
  public static final long MAX_IN_UNSCHEDULABLE_NANOS = 5L * 60 * 1_000_000_000L;

  static final long BACKOFF_FLUSH_PERIOD_NANOS = 1_000_000_000L;
  static final long UNSCHEDULABLE_FLUSH_PERIOD_NANOS = 30L * 1_000_000_000L;

  /** Decides PreEnqueue for a pod: Success lets it in, anything else gates it. */
  public interface PreEnqueueCheck {
    Status check(PodInfo pod);
  }

  /** Answers which events each plugin registered; null means "every event". */
  public interface EventInterest {
    boolean interested(PodInfo pod, String plugin, ClusterEvent event);
  }

  private final EventLoop loop;
  private final long initialBackoffNanos;
  private final long maxBackoffNanos;
  private final PreEnqueueCheck preEnqueue;
  private final EventInterest interest;
  private final Runnable onActive;

  private final PriorityQueue<QueuedPodInfo> activeQ;
  private final PriorityQueue<QueuedPodInfo> backoffQ;
  private final Map<String, QueuedPodInfo> unschedulable = new LinkedHashMap<>();
  private final Map<String, QueuedPodInfo> byUid = new HashMap<>();
  /** Pods popped and not yet done, with the events seen since they were popped. */
  private final Map<String, List<ClusterEvent>> inFlight = new HashMap<>();

  private long sequence;
  private long schedulingCycle;
  private Timer backoffTimer;
  private Timer unschedulableTimer;

  public SchedulingQueue(
      EventLoop loop,
      Comparator<QueuedPodInfo> queueSort,
      long initialBackoffNanos,
      long maxBackoffNanos,
      PreEnqueueCheck preEnqueue,
      EventInterest interest,
      Runnable onActive) {
    this.loop = loop;
    this.initialBackoffNanos = initialBackoffNanos;
    this.maxBackoffNanos = maxBackoffNanos;
    this.preEnqueue = preEnqueue;
    this.interest = interest;
    this.onActive = onActive;
    this.activeQ =
        new PriorityQueue<>(
            queueSort.thenComparingLong((QueuedPodInfo q) -> q.sequence));
    this.backoffQ =
        new PriorityQueue<>(
            Comparator.comparingLong(this::backoffExpiry).thenComparingLong(q -> q.sequence));
  }

  /** A comparator from a QueueSort "less" function, total by falling back to insertion order. */
  public static Comparator<QueuedPodInfo> fromLess(java.util.function.BiPredicate<QueuedPodInfo, QueuedPodInfo> less) {
    return (a, b) -> less.test(a, b) ? -1 : less.test(b, a) ? 1 : 0;
  }

  private long now() {
    return loop.nowNanos();
  }

  /** A new pending pod (informer Add). */
  public void add(PodInfo pod) {
    QueuedPodInfo q = byUid.get(pod.uid());
    if (q != null || inFlight.containsKey(pod.uid())) {
      return;
    }
    q = new QueuedPodInfo(pod);
    q.timestamp = now();
    q.initialAttemptTimestamp = q.timestamp;
    byUid.put(pod.uid(), q);
    moveToActiveQ(q);
  }

  /** Runs PreEnqueue and puts the pod in activeQ, or keeps it gated in the unschedulable pods. */
  private void moveToActiveQ(QueuedPodInfo q) {
    Status s = preEnqueue.check(q.pod());
    if (!s.isSuccess()) {
      q.gated = true;
      q.pendingPlugins.clear();
      if (s.plugin() != null) {
        q.pendingPlugins.add(s.plugin());
      }
      q.lastFailureMessage = s.message();
      putUnschedulable(q);
      return;
    }
    q.gated = false;
    unschedulable.remove(q.pod().uid());
    q.sequence = sequence++;
    activeQ.add(q);
    onActive.run();
  }

  /** The next pod to schedule, or null when activeQ is empty. Starts a new scheduling cycle. */
  public QueuedPodInfo pop() {
    QueuedPodInfo q = activeQ.poll();
    if (q == null) {
      return null;
    }
    schedulingCycle++;
    q.attempts++;
    byUid.remove(q.pod().uid());
    inFlight.put(q.pod().uid(), new ArrayList<>(0));
    return q;
  }

  public long schedulingCycle() {
    return schedulingCycle;
  }

  /** Marks a popped pod as finished (bound, or handed back through {@link #addUnschedulable}). */
  public void done(String uid) {
    inFlight.remove(uid);
  }

  /**
   * Hands back a pod whose attempt failed. It goes to backoffQ when the failure was an error or a
   * relevant event arrived while it was in flight, otherwise to the unschedulable pods.
   */
  public void addUnschedulable(QueuedPodInfo q) {
    String uid = q.pod().uid();
    List<ClusterEvent> seen = inFlight.remove(uid);
    q.timestamp = now();
    byUid.put(uid, q);
    boolean error = q.unschedulablePlugins.isEmpty() && q.pendingPlugins.isEmpty();
    if (!error) {
      q.unschedulableCount++;
    }
    boolean relevantEventSeen = false;
    if (seen != null) {
      for (ClusterEvent e : seen) {
        if (matches(q, e)) {
          relevantEventSeen = true;
          break;
        }
      }
    }
    if (error || relevantEventSeen) {
      putBackoff(q);
    } else {
      putUnschedulable(q);
    }
  }

  private void putUnschedulable(QueuedPodInfo q) {
    unschedulable.put(q.pod().uid(), q);
    if (unschedulableTimer == null) {
      unschedulableTimer =
          loop.every(UNSCHEDULABLE_FLUSH_PERIOD_NANOS, "queue: flush unschedulable pods", this::flushUnschedulableLeftover);
    }
  }

  private void putBackoff(QueuedPodInfo q) {
    unschedulable.remove(q.pod().uid());
    q.sequence = sequence++;
    backoffQ.add(q);
    if (backoffTimer == null) {
      backoffTimer = loop.every(BACKOFF_FLUSH_PERIOD_NANOS, "queue: flush backoffQ", this::flushBackoffCompleted);
    }
  }

  /** Upstream's calculateBackoffDuration: initial doubled per earlier attempt, capped at max. */
  public long backoffDuration(QueuedPodInfo q) {
    long d = initialBackoffNanos;
    for (int i = 1; i < q.attempts; i++) {
      if (d > maxBackoffNanos - d) {
        return maxBackoffNanos;
      }
      d += d;
    }
    return Math.min(d, maxBackoffNanos);
  }

  long backoffExpiry(QueuedPodInfo q) {
    return q.timestamp + backoffDuration(q);
  }

  boolean isBackingOff(QueuedPodInfo q) {
    return backoffExpiry(q) > now();
  }

  void flushBackoffCompleted() {
    long now = now();
    QueuedPodInfo q;
    while ((q = backoffQ.peek()) != null && backoffExpiry(q) <= now) {
      backoffQ.poll();
      moveToActiveQ(q);
    }
    if (backoffQ.isEmpty() && backoffTimer != null) {
      backoffTimer.cancel();
      backoffTimer = null;
    }
  }

  void flushUnschedulableLeftover() {
    long now = now();
    List<QueuedPodInfo> toMove = new ArrayList<>();
    for (QueuedPodInfo q : unschedulable.values()) {
      if (now - q.timestamp > MAX_IN_UNSCHEDULABLE_NANOS) {
        toMove.add(q);
      }
    }
    movePods(toMove, ClusterEvent.UNSCHEDULABLE_TIMEOUT);
    stopUnschedulableTimerIfEmpty();
  }

  private void stopUnschedulableTimerIfEmpty() {
    if (unschedulable.isEmpty() && unschedulableTimer != null) {
      unschedulableTimer.cancel();
      unschedulableTimer = null;
    }
  }

  private boolean matches(QueuedPodInfo q, ClusterEvent event) {
    if (event == ClusterEvent.UNSCHEDULABLE_TIMEOUT || event == ClusterEvent.FORCE_ACTIVATE) {
      return true;
    }
    Set<String> rejectors = q.gated ? q.pendingPlugins : q.unschedulablePlugins;
    if (rejectors.isEmpty()) {
      return true;
    }
    for (String plugin : rejectors) {
      if (interest.interested(q.pod(), plugin, event)) {
        return true;
      }
    }
    return false;
  }

  /** A cluster event: moves the unschedulable pods it may help, and is remembered for in-flight pods. */
  public void moveAllToActiveOrBackoff(ClusterEvent event) {
    moveAllToActiveOrBackoff(event, q -> true);
  }

  /** As {@link #moveAllToActiveOrBackoff(ClusterEvent)}, for the pods that {@code filter} accepts. */
  public void moveAllToActiveOrBackoff(ClusterEvent event, Predicate<PodInfo> filter) {
    for (List<ClusterEvent> seen : inFlight.values()) {
      seen.add(event);
    }
    if (unschedulable.isEmpty()) {
      return;
    }
    List<QueuedPodInfo> toMove = new ArrayList<>();
    for (QueuedPodInfo q : unschedulable.values()) {
      if (filter.test(q.pod()) && matches(q, event)) {
        toMove.add(q);
      }
    }
    movePods(toMove, event);
  }

  private void movePods(List<QueuedPodInfo> pods, ClusterEvent event) {
    for (QueuedPodInfo q : pods) {
      unschedulable.remove(q.pod().uid());
      if (q.gated) {
        moveToActiveQ(q);
      } else if (isBackingOff(q)) {
        putBackoff(q);
      } else {
        moveToActiveQ(q);
      }
    }
    stopUnschedulableTimerIfEmpty();
  }

  /** Moves the given pods straight to activeQ (upstream's Activate, used by plugins). */
  public void activate(List<String> uids) {
    List<QueuedPodInfo> found = new ArrayList<>();
    for (String uid : uids) {
      QueuedPodInfo q = unschedulable.get(uid);
      if (q == null) {
        for (QueuedPodInfo b : backoffQ) {
          if (b.pod().uid().equals(uid)) {
            q = b;
            break;
          }
        }
        if (q != null) {
          backoffQ.remove(q);
        }
      } else {
        unschedulable.remove(uid);
      }
      if (q != null) {
        found.add(q);
      }
    }
    for (QueuedPodInfo q : found) {
      moveToActiveQ(q);
    }
    stopUnschedulableTimerIfEmpty();
  }

  /**
   * A pending pod changed (informer Update). A gated or unschedulable pod is re-checked; a pod in
   * activeQ or backoffQ keeps its place with the new object.
   */
  public void update(PodInfo newPod, Function<PodInfo, Boolean> mayHelp) {
    String uid = newPod.uid();
    QueuedPodInfo q = byUid.get(uid);
    if (q == null) {
      if (!inFlight.containsKey(uid)) {
        add(newPod);
      }
      return;
    }
    if (activeQ.remove(q)) {
      q.setPod(newPod);
      activeQ.add(q);
      return;
    }
    if (backoffQ.remove(q)) {
      q.setPod(newPod);
      backoffQ.add(q);
      return;
    }
    q.setPod(newPod);
    if (unschedulable.containsKey(uid) && (q.gated || mayHelp.apply(newPod))) {
      unschedulable.remove(uid);
      if (!q.gated && isBackingOff(q)) {
        putBackoff(q);
      } else {
        moveToActiveQ(q);
      }
      stopUnschedulableTimerIfEmpty();
    }
  }

  /** The pod is gone or was bound elsewhere (informer Delete, or an assigned Update). */
  public void delete(String uid) {
    QueuedPodInfo q = byUid.remove(uid);
    inFlight.remove(uid);
    if (q == null) {
      return;
    }
    if (!activeQ.remove(q) && !backoffQ.remove(q)) {
      unschedulable.remove(uid);
    }
    stopUnschedulableTimerIfEmpty();
  }

  public int activeSize() {
    return activeQ.size();
  }

  public int backoffSize() {
    return backoffQ.size();
  }

  public int unschedulableSize() {
    return unschedulable.size();
  }

  public int inFlightSize() {
    return inFlight.size();
  }

  /** The queued info of a pod that is waiting in any sub-queue, or null. */
  public QueuedPodInfo get(String uid) {
    return byUid.get(uid);
  }

  public boolean isUnschedulable(String uid) {
    return unschedulable.containsKey(uid);
  }

  public boolean inBackoff(String uid) {
    QueuedPodInfo q = byUid.get(uid);
    return q != null && backoffQ.contains(q);
  }

  public boolean inActive(String uid) {
    QueuedPodInfo q = byUid.get(uid);
    return q != null && activeQ.contains(q);
  }

  /** Pods in the unschedulable set, in arrival order. */
  public List<QueuedPodInfo> unschedulablePods() {
    return List.copyOf(unschedulable.values());
  }
}
