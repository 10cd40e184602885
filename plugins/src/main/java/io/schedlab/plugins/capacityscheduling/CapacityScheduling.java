package io.schedlab.plugins.capacityscheduling;

import io.schedlab.api.ElasticQuota;
import io.schedlab.api.Quantity;
import io.schedlab.framework.ClusterEvent;
import io.schedlab.framework.CycleState;
import io.schedlab.framework.EnqueueExtensions;
import io.schedlab.framework.Handle;
import io.schedlab.framework.NodeInfo;
import io.schedlab.framework.NodeToStatus;
import io.schedlab.framework.PodInfo;
import io.schedlab.framework.PostFilterPlugin;
import io.schedlab.framework.PostFilterResult;
import io.schedlab.framework.PreFilterExtensions;
import io.schedlab.framework.PreFilterPlugin;
import io.schedlab.framework.PreFilterResult;
import io.schedlab.framework.ReservePlugin;
import io.schedlab.framework.ResourceRegistry;
import io.schedlab.framework.Status;
import io.schedlab.plugins.defaultpreemption.DefaultPreemption;
import io.schedlab.plugins.defaultpreemption.DefaultPreemptionArgs;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The scheduler-plugins CapacityScheduling plugin (elastic quota): each namespace may have one
 * ElasticQuota whose {@code max} its pods never exceed together, and whose {@code min} is
 * guaranteed — a namespace may borrow beyond its min only while all quotas together stay within
 * the sum of their mins, and a pod within its namespace's min may take borrowed resources back by
 * preemption.
 *
 * <p>Requests are upstream's computePodResourceRequest ({@link QuotaVectors#podRequest}), not
 * the scheduler's effective requests: sidecars and pod-level resources are not counted.
 *
 * <p>Implementation note: usage is the plugin's own bookkeeping ({@link PodUsage}), kept by
 * Reserve/Unreserve and brought up to date with the snapshot at each PreFilter, which is how
 * upstream's pod informer handlers would see bound and deleted pods. PreFilter takes the cycle's
 * copy of every quota ({@link ElasticQuotaInfos}) into the cycle state, which the PreFilter
 * extensions and the preemption dry run change. PostFilter is the default preemption evaluator
 * with this plugin's victim rules ({@link QuotaPreemption}). Quotas are read from the cluster's
 * ElasticQuota objects at each PreFilter, so a quota created, changed or deleted takes effect at
 * the next cycle; of two quotas in one namespace the first by name counts.
 *
 * <p>Where this differs from upstream: a quota created while its namespace already runs pods
 * starts from their real usage (upstream's starts empty and counts only later pods); a pod that
 * neither fits nor keeps the quotas within bounds when put back in the preemption dry run is one
 * victim (upstream removes it twice and fails the node); ElasticQuota changes do not requeue
 * rejected pods, which wait for a pod deletion, their backoff or the unschedulable timeout.
 */
public final class CapacityScheduling
    implements PreFilterPlugin, PreFilterExtensions, PostFilterPlugin, ReservePlugin, EnqueueExtensions {
  public static final String NAME = "CapacityScheduling";

  static final CycleState.Key<QuotaRequests> REQUESTS_KEY = CycleState.Key.of("PreFilter" + NAME);
  static final CycleState.Key<ElasticQuotaInfos> SNAPSHOT_KEY = CycleState.Key.of("ElasticQuotaSnapshot");

  private final Handle handle;
  private final QuotaVectors vectors;
  private final PodUsage usage;
  private final DefaultPreemption evaluator;

  public CapacityScheduling(Handle handle) {
    this.handle = handle;
    this.vectors = new QuotaVectors(handle.resources());
    this.usage = new PodUsage(vectors);
    this.evaluator =
        new DefaultPreemption(
            DefaultPreemptionArgs.defaults(), handle, NAME, new QuotaPreemption(handle, vectors));
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<ClusterEvent> eventsToRegister() {
    // Upstream also registers every ElasticQuota event; the queue knows no custom kinds, so a
    // changed quota is seen once the pod is retried (backoff or the unschedulable timeout).
    return List.of(new ClusterEvent(ClusterEvent.Resource.POD, ClusterEvent.DELETE));
  }

  @Override
  public PreFilterResult preFilter(CycleState state, PodInfo pod, List<NodeInfo> nodes) {
    usage.sync(handle.snapshot());
    ElasticQuotaInfos quotas = snapshot();
    state.write(SNAPSHOT_KEY, quotas);
    long[] podReq = vectors.podRequest(pod.pod());
    ElasticQuotaInfo eq = quotas.get(pod.namespace());
    if (eq == null) {
      state.write(REQUESTS_KEY, new QuotaRequests(podReq, null, null));
      return PreFilterResult.SUCCESS;
    }
    int size = Math.max(handle.resources().size(), podReq.length);
    long[] inQuota = new long[size];
    long[] overall = new long[size];
    if (handle.anyNominatedPods()) {
      for (NodeInfo node : handle.snapshot().list()) {
        for (PodInfo p : handle.nominatedPodsForNode(node.name())) {
          if (p.uid().equals(pod.uid())) {
            continue;
          }
          ElasticQuotaInfo info = quotas.get(p.namespace());
          if (info == null) {
            continue;
          }
          if (p.namespace().equals(pod.namespace()) && p.priority() >= pod.priority()) {
            long[] req = vectors.podRequest(p.pod());
            inQuota = ResourceRegistry.fit(inQuota, req.length);
            overall = ResourceRegistry.fit(overall, req.length);
            QuotaVectors.add(inQuota, req);
            QuotaVectors.add(overall, req);
          } else if (!p.namespace().equals(pod.namespace()) && !info.usedOverMin(vectors)) {
            long[] req = vectors.podRequest(p.pod());
            overall = ResourceRegistry.fit(overall, req.length);
            QuotaVectors.add(overall, req);
          }
        }
      }
    }
    QuotaVectors.add(inQuota, podReq);
    QuotaVectors.add(overall, podReq);
    state.write(REQUESTS_KEY, new QuotaRequests(podReq, inQuota, overall));
    if (eq.usedOverMaxWith(vectors, inQuota)) {
      return PreFilterResult.of(
          Status.unschedulable(
              "Pod " + pod.key() + " is rejected in PreFilter because ElasticQuota "
                  + eq.namespace() + " is more than Max"));
    }
    if (quotas.aggregatedUsedOverMinWith(vectors, overall)) {
      return PreFilterResult.of(
          Status.unschedulable(
              "Pod " + pod.key() + " is rejected in PreFilter because total ElasticQuota used is more than min"));
    }
    return PreFilterResult.SUCCESS;
  }

  /** The cycle's copy of every namespace's quota, with the usage counted so far. */
  private ElasticQuotaInfos snapshot() {
    List<ElasticQuota> objects = handle.objects().list(ElasticQuota.class, null);
    Map<String, ElasticQuotaInfo> byNamespace = new LinkedHashMap<>();
    for (ElasticQuota q : objects) {
      String ns = q.metadata().namespace() == null ? "" : q.metadata().namespace();
      if (byNamespace.containsKey(ns)) {
        continue;
      }
      PodUsage.Namespace used = usage.namespace(ns);
      byNamespace.put(
          ns,
          new ElasticQuotaInfo(ns, minVector(q.spec().min()), maxVector(q.spec().max()), used.used, used.pods));
    }
    return new ElasticQuotaInfos(byNamespace);
  }

  /** Upstream's Min: a missing list or resource is 0. */
  private long[] minVector(Map<String, Quantity> min) {
    return handle.resources().vector(min);
  }

  /**
   * Upstream's Max: a missing list is unlimited cpu, memory and ephemeral-storage (and 0 pods,
   * which pods do not request); a list that leaves out cpu, memory or ephemeral-storage allows
   * none of it; a scalar resource it leaves out is unlimited.
   */
  private long[] maxVector(Map<String, Quantity> max) {
    ResourceRegistry r = handle.resources();
    long[] v = r.vector(max);
    if (max == null) {
      v[ResourceRegistry.CPU] = QuotaVectors.UNLIMITED;
      v[ResourceRegistry.MEMORY] = QuotaVectors.UNLIMITED;
      v[ResourceRegistry.EPHEMERAL_STORAGE] = QuotaVectors.UNLIMITED;
    }
    for (int i = QuotaVectors.FIXED; i < v.length; i++) {
      if (max == null || !max.containsKey(r.name(i))) {
        v[i] = QuotaVectors.UNLIMITED;
      }
    }
    return v;
  }

  @Override
  public PreFilterExtensions preFilterExtensions() {
    return this;
  }

  @Override
  public Status addPod(CycleState state, PodInfo podToSchedule, PodInfo podToAdd, NodeInfo node) {
    ElasticQuotaInfos quotas = state.read(SNAPSHOT_KEY);
    if (quotas == null) {
      return Status.error("error reading \"" + SNAPSHOT_KEY.name() + "\" from cycleState: not found");
    }
    ElasticQuotaInfo info = quotas.get(podToAdd.namespace());
    if (info != null) {
      info.addPodIfNotPresent(vectors, podToAdd);
    }
    return Status.SUCCESS;
  }

  @Override
  public Status removePod(CycleState state, PodInfo podToSchedule, PodInfo podToRemove, NodeInfo node) {
    ElasticQuotaInfos quotas = state.read(SNAPSHOT_KEY);
    if (quotas == null) {
      return Status.error("error reading \"" + SNAPSHOT_KEY.name() + "\" from cycleState: not found");
    }
    ElasticQuotaInfo info = quotas.get(podToRemove.namespace());
    if (info != null) {
      info.deletePodIfPresent(podToRemove);
    }
    return Status.SUCCESS;
  }

  /** Upstream returns the evaluator's result as it is, without DefaultPreemption's "preemption: " prefix. */
  @Override
  public PostFilterResult postFilter(CycleState state, PodInfo pod, NodeToStatus filteredNodeStatuses) {
    return evaluator.preempt(state, pod, filteredNodeStatuses);
  }

  @Override
  public Status reserve(CycleState state, PodInfo pod, String nodeName) {
    usage.reserve(pod, nodeName);
    return Status.SUCCESS;
  }

  @Override
  public void unreserve(CycleState state, PodInfo pod, String nodeName) {
    usage.unreserve(pod, nodeName);
  }

  /** The requests the plugin counts for the namespace now (for tests and reports). */
  public long[] used(String namespace) {
    return usage.used(namespace).clone();
  }

  /** Whether the plugin counts the pod in its namespace's usage. */
  public boolean counts(PodInfo pod) {
    return usage.counts(pod);
  }
}
