package io.schedlab.plugins.capacityscheduling;

import io.schedlab.api.Pod;
import io.schedlab.framework.Code;
import io.schedlab.framework.CycleState;
import io.schedlab.framework.FilterRunner;
import io.schedlab.framework.Handle;
import io.schedlab.framework.NodeInfo;
import io.schedlab.framework.PodInfo;
import io.schedlab.framework.Status;
import io.schedlab.plugins.defaultpreemption.DefaultPreemption;
import static io.schedlab.plugins.defaultpreemption.DefaultPreemption.removePod;
import io.schedlab.plugins.defaultpreemption.DefaultPreemption.Eligibility;
import io.schedlab.plugins.defaultpreemption.DisruptionBudgets;
import io.schedlab.plugins.defaultpreemption.StartTimes;
import io.schedlab.plugins.defaultpreemption.VictimSelection;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * CapacityScheduling's preemption rules, plugged into the default evaluator, as upstream's
 * capacity-scheduling preemptor. A pod whose quota stays within min with it takes victims from
 * other quotas that use more than their min, whatever their priority; a pod that would take its
 * quota beyond min only takes lower-priority pods of its own quota; a pod without a quota only
 * takes lower-priority pods without one. Every potential node is examined (no random offset, no
 * candidate limit).
 */
final class QuotaPreemption implements DefaultPreemption.Policy {
  static final String NOT_ELIGIBLE_TERMINATING = "not eligible due to a terminating pod on the nominated node.";

  private static final Eligibility YES = new Eligibility(true, "");

  private final Handle handle;
  private final QuotaVectors vectors;

  QuotaPreemption(Handle handle, QuotaVectors vectors) {
    this.handle = handle;
    this.vectors = vectors;
  }

  @Override
  public int candidateOffset(int numNodes) {
    return 0;
  }

  @Override
  public int numCandidates(int numNodes) {
    return numNodes;
  }

  /**
   * Upstream's rule: not with preemptionPolicy Never; and while a pod this one may have
   * preempted is still terminating on its nominated node — one of its own quota and lower
   * priority, or (when it stays within min) one of a quota over its min — it waits for that room
   * instead of preempting more.
   */
  @Override
  public Eligibility podEligibleToPreemptOthers(CycleState state, Pod pod, Status nominatedNodeStatus) {
    if ("Never".equals(pod.spec().preemptionPolicy())) {
      return new Eligibility(false, "not eligible due to preemptionPolicy=Never.");
    }
    QuotaRequests requests = state.read(CapacityScheduling.REQUESTS_KEY);
    if (requests == null) {
      return new Eligibility(false, "not eligible due to failed to read from cycleState");
    }
    String nominated = pod.status().nominatedNodeName();
    if (nominated == null || nominated.isEmpty()) {
      return YES;
    }
    if (nominatedNodeStatus != null && nominatedNodeStatus.code() == Code.UNSCHEDULABLE_AND_UNRESOLVABLE) {
      return YES;
    }
    ElasticQuotaInfos quotas = state.read(CapacityScheduling.SNAPSHOT_KEY);
    NodeInfo node = handle.snapshot().get(nominated);
    if (quotas == null || node == null) {
      return YES;
    }
    String namespace = pod.metadata().namespace() == null ? "" : pod.metadata().namespace();
    int priority = pod.spec().priority() == null ? 0 : pod.spec().priority();
    ElasticQuotaInfo own = quotas.get(namespace);
    if (own != null) {
      boolean moreThanMin = own.usedOverMinWith(vectors, requests.inQuota());
      for (PodInfo p : node.pods()) {
        if (p.pod().metadata().deletionTimestamp() == null) {
          continue;
        }
        ElasticQuotaInfo info = quotas.get(p.namespace());
        if (info == null) {
          continue;
        }
        if (p.namespace().equals(namespace) && p.priority() < priority) {
          return new Eligibility(false, NOT_ELIGIBLE_TERMINATING);
        }
        if (!p.namespace().equals(namespace) && !moreThanMin && info.usedOverMin(vectors)) {
          return new Eligibility(false, NOT_ELIGIBLE_TERMINATING);
        }
      }
    } else {
      for (PodInfo p : node.pods()) {
        if (quotas.get(p.namespace()) == null
            && p.pod().metadata().deletionTimestamp() != null
            && p.priority() < priority) {
          return new Eligibility(false, NOT_ELIGIBLE_TERMINATING);
        }
      }
    }
    return YES;
  }

  /**
   * Upstream's SelectVictimsOnNode for quotas. Pods are taken out least important first, and
   * whether another quota still borrows is asked pod by pod as its pods go, so a quota loses only
   * as many pods as take it back to its min. Then, after checking the preemptor fits with them
   * all gone, they are put back most important first while the preemptor still fits and the
   * quota rules still hold.
   */
  @Override
  public VictimSelection selectVictimsOnNode(
      CycleState state, PodInfo pod, NodeInfo node, DisruptionBudgets budgets, StartTimes startTimes) {
    ElasticQuotaInfos quotas = state.read(CapacityScheduling.SNAPSHOT_KEY);
    if (quotas == null) {
      return VictimSelection.failed(Status.unschedulable("Failed to read elasticQuotaSnapshot from cycleState"));
    }
    QuotaRequests requests = state.read(CapacityScheduling.REQUESTS_KEY);
    if (requests == null) {
      return VictimSelection.failed(Status.unschedulable("Failed to read preFilterState from cycleState"));
    }
    FilterRunner runner = handle.filterRunner();
    ElasticQuotaInfo own = quotas.get(pod.namespace());
    List<PodInfo> leastImportantFirst = new ArrayList<>(startTimes.mostImportantFirst(node.pods()));
    Collections.reverse(leastImportantFirst);

    List<PodInfo> potential = new ArrayList<>();
    if (own != null) {
      boolean moreThanMin = own.usedOverMinWith(vectors, requests.inQuota());
      for (PodInfo p : leastImportantFirst) {
        ElasticQuotaInfo info = quotas.get(p.namespace());
        if (info == null) {
          continue;
        }
        boolean victim =
            moreThanMin
                // Beyond its min the preemptor competes only within its own quota, by priority.
                ? p.namespace().equals(pod.namespace()) && p.priority() < pod.priority()
                // Within its min it reclaims what other quotas borrow.
                : !p.namespace().equals(pod.namespace()) && info.usedOverMin(vectors);
        if (victim) {
          potential.add(p);
          Status s = removePod(runner, state, pod, node, p);
          if (!s.isSuccess()) {
            return VictimSelection.failed(s);
          }
        }
      }
    } else {
      for (PodInfo p : leastImportantFirst) {
        if (quotas.get(p.namespace()) == null && p.priority() < pod.priority()) {
          potential.add(p);
          Status s = removePod(runner, state, pod, node, p);
          if (!s.isSuccess()) {
            return VictimSelection.failed(s);
          }
        }
      }
    }
    if (potential.isEmpty()) {
      return VictimSelection.failed(
          Status.unresolvable("No victims found on node " + node.name() + " for preemptor pod " + pod.name()));
    }
    Status fits = runner.runFilterPluginsWithNominatedPods(state, pod, node);
    if (!fits.isSuccess()) {
      return VictimSelection.failed(fits);
    }
    if (own != null
        && (own.usedOverMaxWith(vectors, requests.pod())
            || quotas.aggregatedUsedOverMinWith(vectors, requests.pod()))) {
      return VictimSelection.failed(Status.unschedulable("global quota max exceeded"));
    }

    return VictimSelection.byReprieve(
        startTimes.mostImportantFirst(potential),
        budgets,
        (p, victims) -> reprieve(runner, state, pod, node, p, own, quotas, requests, victims),
        null);
  }

  /**
   * Puts {@code p} back; it is a victim after all when the preemptor then no longer fits or its
   * quota (with the nominated pods before it) would exceed max, or all quotas their mins. Only
   * the first counts as not fitting. Upstream takes such a pod out twice when both hold, which
   * fails the node with an error; here it is taken out once.
   */
  private Status reprieve(
      FilterRunner runner, CycleState state, PodInfo pod, NodeInfo node, PodInfo p, ElasticQuotaInfo own,
      ElasticQuotaInfos quotas, QuotaRequests requests, List<PodInfo> victims) {
    node.addPod(p);
    Status s = runner.runPreFilterExtensionAddPod(state, pod, p, node);
    if (!s.isSuccess()) {
      return Status.error(s.message());
    }
    boolean fits = runner.runFilterPluginsWithNominatedPods(state, pod, node).isSuccess();
    boolean overQuota =
        own != null
            && (own.usedOverMaxWith(vectors, requests.inQuota())
                || quotas.aggregatedUsedOverMinWith(vectors, requests.overall()));
    if (!fits || overQuota) {
      s = removePod(runner, state, pod, node, p);
      if (!s.isSuccess()) {
        return Status.error(s.message());
      }
      victims.add(p);
    }
    return fits ? Status.SUCCESS : Status.unschedulable();
  }
}
