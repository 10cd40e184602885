package io.schedlab.scheduler;

import io.schedlab.api.KubeObject;
import io.schedlab.api.Node;
import io.schedlab.api.Pod;
import io.schedlab.config.SchedulerConfig;
import io.schedlab.framework.PodInfo;
import io.schedlab.framework.Registry;
import io.schedlab.framework.Status;
import io.schedlab.sim.EventLoop;
import io.schedlab.store.ClusterStore;
import io.schedlab.store.WatchEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Schedules a fixed set of pods onto a fixed set of nodes and reports where each went: the engine
 * behind {@code schedlab schedule}.
 *
 * <p>Nodes and already-bound pods are written to the store first; then the pending pods are
 * created one virtual millisecond apart, so queue order follows input order among equal
 * priorities. The loop runs until the scheduler has nothing left that finishes on its own, or
 * until {@link #HORIZON_NANOS} of virtual time after the last submission: a pod that a plugin
 * keeps rejecting after a wait (a Permit timeout, say) retries forever upstream too. Pods not
 * bound by then keep the reason of their last attempt.
 */
public final class BatchRun {
  /**
   * Where one pod ended up: a node, or the reason it fits none. {@code nominatedNodeName} is the
   * node preemption last nominated it to, or null.
   */
  public record Outcome(
      String key,
      String nodeName,
      String message,
      int attempts,
      long boundAtNanos,
      boolean ignored,
      String nominatedNodeName) {
    public boolean scheduled() {
      return nodeName != null;
    }
  }

  /**
   * The outcome of every pending pod, in input order, plus counters. {@code deleted} lists the
   * pods the scheduler deleted during the run (preemption's victims), as namespace/name keys in
   * deletion order.
   */
  public record Result(
      List<Outcome> outcomes, long attempts, long virtualNanos, int nodes, List<String> deleted) {
    public int scheduled() {
      int n = 0;
      for (Outcome o : outcomes) {
        if (o.scheduled()) {
          n++;
        }
      }
      return n;
    }
  }

  /**
   * Watches a batch run from outside, e.g. to measure it, without BatchRun knowing what for. It
   * hears every scheduler call after BatchRun has recorded the outcome.
   */
  public interface Observer extends SchedulerListener {
    /**
     * The scheduler exists and the store is still empty: watches set here see every object the
     * run creates.
     */
    default void started(ClusterStore store, EventLoop loop, Scheduler scheduler) {}

    /** The loop has stopped; the store holds the final state. */
    default void finished(ClusterStore store, EventLoop loop) {}
  }

  private static final Observer NO_OBSERVER = new Observer() {};

  /** Virtual time between two pending pods' submissions. */
  public static final long SUBMIT_SPACING_NANOS = 1_000_000L;

  /** Upstream's longest Permit wait, so any single wait can finish within the horizon. */
  public static final long HORIZON_NANOS = 15L * 60 * 1_000_000_000L;

  private BatchRun() {}

  public static Result run(
      SchedulerConfig config, Registry registry, List<Node> nodes, List<Pod> pods, long seed) {
    return run(config, registry, List.of(), nodes, pods, seed);
  }

  /**
   * As {@link #run(SchedulerConfig, Registry, List, List, long)}, with other cluster objects
   * created first (namespaces, services, replica sets, stateful sets, PodDisruptionBudgets...):
   * plugins read them, e.g. PodTopologySpread's default constraints select pods by the services
   * and replica sets that own them.
   */
  public static Result run(
      SchedulerConfig config,
      Registry registry,
      List<? extends KubeObject> objects,
      List<Node> nodes,
      List<Pod> pods,
      long seed) {
    return run(config, registry, objects, nodes, pods, seed, NO_OBSERVER);
  }

  /**
   * As {@link #run(SchedulerConfig, Registry, List, List, List, long)}, telling {@code observer}
   * when the run starts and ends and every scheduling outcome in between.
   */
  public static Result run(
      SchedulerConfig config,
      Registry registry,
      List<? extends KubeObject> objects,
      List<Node> nodes,
      List<Pod> pods,
      long seed,
      Observer observer) {
    EventLoop loop = new EventLoop();
    ClusterStore store = ClusterStore.simulated(loop, seed);
    List<String> deleted = new ArrayList<>();
    Map<String, Outcome> outcomes = new LinkedHashMap<>();
    Map<String, String> keyByUid = new LinkedHashMap<>();
    SchedulerListener listener =
        new SchedulerListener() {
          @Override
          public void onBound(PodInfo pod, String nodeName, long now) {
            Outcome o = outcomes.get(pod.key());
            outcomes.put(
                pod.key(),
                new Outcome(pod.key(), nodeName, null, attemptsOf(o) + 1, now, false, nominatedOf(o)));
            observer.onBound(pod, nodeName, now);
          }

          @Override
          public void onAssumed(PodInfo pod, String nodeName, long now) {
            observer.onAssumed(pod, nodeName, now);
          }

          @Override
          public void onFailure(PodInfo pod, Status status, String message, long now) {
            Outcome o = outcomes.get(pod.key());
            outcomes.put(
                pod.key(),
                new Outcome(pod.key(), null, message, attemptsOf(o) + 1, -1, false, nominatedOf(o)));
            observer.onFailure(pod, status, message, now);
          }

          @Override
          public void onIgnored(PodInfo pod, String reason) {
            outcomes.put(pod.key(), new Outcome(pod.key(), null, reason, 0, -1, true, null));
            observer.onIgnored(pod, reason);
          }
        };
    try (Scheduler scheduler =
        new Scheduler(config, registry, store, loop, Scheduler.Options.seeded(seed), listener)) {
      store.watch(Pod.class, e -> onPodEvent(e, outcomes, deleted));
      observer.started(store, loop, scheduler);
      for (KubeObject o : objects) {
        store.create(clean(o));
      }
      for (Node n : nodes) {
        store.create(clean(n));
      }
      List<Pod> pending = new ArrayList<>();
      for (Pod p : pods) {
        if (p.spec().nodeName() != null && !p.spec().nodeName().isEmpty()) {
          store.create(clean(p));
        } else {
          pending.add(p);
        }
      }
      scheduler.start();
      long t = 0;
      for (Pod p : pending) {
        String key = key(p);
        outcomes.put(key, new Outcome(key, null, "not attempted", 0, -1, false, null));
        loop.schedule(t, "submit " + key, () -> store.create(clean(p)));
        t += SUBMIT_SPACING_NANOS;
      }
      loop.runUntil(t);
      long horizon = t + HORIZON_NANOS;
      while (scheduler.busy() && loop.nextEventNanos() <= horizon && loop.step()) {
        // Runs until only the unschedulable-pods flush timer would remain.
      }
      observer.finished(store, loop);
      return new Result(
          List.copyOf(outcomes.values()), scheduler.attempts(), loop.nowNanos(), nodes.size(),
          List.copyOf(deleted));
    }
  }

  private static int attemptsOf(Outcome o) {
    return o == null ? 0 : o.attempts();
  }

  private static String nominatedOf(Outcome o) {
    return o == null ? null : o.nominatedNodeName();
  }

  /** Follows pods the scheduler deletes or nominates, which no listener call reports. */
  private static void onPodEvent(
      WatchEvent<Pod> e, Map<String, Outcome> outcomes, List<String> deleted) {
    String key = key(e.object());
    if (e.type() == WatchEvent.Type.DELETED) {
      deleted.add(key);
      return;
    }
    String nominated = e.object().status().nominatedNodeName();
    Outcome o = outcomes.get(key);
    if (e.type() == WatchEvent.Type.MODIFIED && o != null && nominated != null && !nominated.isEmpty()
        && !nominated.equals(o.nominatedNodeName())) {
      outcomes.put(
          key,
          new Outcome(o.key(), o.nodeName(), o.message(), o.attempts(), o.boundAtNanos(), o.ignored(), nominated));
    }
  }

  static String key(Pod p) {
    String ns = p.metadata().namespace();
    return ns == null || ns.isEmpty() ? p.metadata().name() : ns + "/" + p.metadata().name();
  }

  /** Objects from files may carry server-set fields that a create must not have. */
  @SuppressWarnings("unchecked")
  private static <T extends KubeObject> T clean(T obj) {
    if (obj.metadata().resourceVersion() == null) {
      return obj;
    }
    return (T) obj.withMetadata(obj.metadata().withResourceVersion(null));
  }
}
