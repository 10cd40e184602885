package io.schedlab.plugins.defaultpreemption;

import io.schedlab.api.Pod;
import io.schedlab.api.PodCondition;
import io.schedlab.api.PodDisruptionBudget;
import io.schedlab.framework.Code;
import io.schedlab.framework.CycleState;
import io.schedlab.framework.FilterRunner;
import io.schedlab.framework.Handle;
import io.schedlab.framework.NodeInfo;
import io.schedlab.framework.NodeToStatus;
import io.schedlab.framework.PodInfo;
import io.schedlab.framework.PostFilterPlugin;
import io.schedlab.framework.PostFilterResult;
import io.schedlab.framework.Status;
import io.schedlab.framework.WaitingPod;
import io.schedlab.scheduler.FitError;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * kube-scheduler's DefaultPreemption PostFilter plugin: when a pod fits no node, find nodes where
 * evicting lower-priority pods would make it fit, pick the node whose eviction hurts least, evict
 * there and nominate the pod to it.
 *
 * <p>Implementation note: this is upstream's DefaultPreemption plus the preemption Evaluator it
 * drives (Preempt, findCandidates, DryRunPreemption, SelectCandidate, prepareCandidate), without
 * scheduler extenders. The dry run examines the nodes where Filter said Unschedulable, starting
 * at a random offset and wrapping around, each on a copy of the node and of the cycle state, and
 * stops as upstream does once it has enough candidates. Nodes are examined one after another, so
 * the outcome is upstream's with parallelism 1: with more workers upstream may examine a few
 * nodes past that point, in an order that depends on timing. Victims are evicted before
 * PostFilter returns, as upstream does without asynchronous preemption; that is also why there
 * is no PreEnqueue stage, which upstream uses only to hold a pod back while its asynchronous
 * evictions are still under way.
 */
public final class DefaultPreemption implements PostFilterPlugin {
  public static final String NAME = "DefaultPreemption";

  /** SelectVictimsOnNode's reason when the node holds no lower-priority pod. */
  public static final String NO_VICTIMS = "No preemption victims found for incoming pod";
  /** The reason given for nodes where Filter said UnschedulableAndUnresolvable. */
  public static final String NOT_HELPFUL = "Preemption is not helpful for scheduling";

  /** Whether a pod may preempt, and why not. */
  public record Eligibility(boolean eligible, String reason) {
    static final Eligibility YES = new Eligibility(true, "");
  }

  private static final DateTimeFormatter SECONDS = DateTimeFormatter.ISO_INSTANT;

  /**
   * The parts of preemption another PostFilter plugin replaces while keeping the rest of the
   * evaluator (candidate search, selection, eviction), as upstream's preemption.Interface. The
   * scheduler-plugins CapacityScheduling plugin is one.
   */
  public interface Policy {
    /** Whether the pod may preempt at all; {@code nominatedNodeStatus} is null without a nomination. */
    Eligibility podEligibleToPreemptOthers(CycleState state, Pod pod, Status nominatedNodeStatus);

    /**
     * The victims on {@code node} (a copy, as is {@code state}, both free to change), most
     * important first; {@code budgets} answers which evictions a PodDisruptionBudget forbids.
     */
    VictimSelection selectVictimsOnNode(
        CycleState state, PodInfo pod, NodeInfo node, DisruptionBudgets budgets, StartTimes startTimes);

    /** Where the dry run starts among {@code numNodes} potential nodes. */
    int candidateOffset(int numNodes);

    /** How many candidates the dry run looks for among {@code numNodes} potential nodes. */
    int numCandidates(int numNodes);
  }

  private final Handle handle;
  private final DefaultPreemptionArgs args;
  private final String pluginName;
  private final Policy policy;

  public DefaultPreemption(DefaultPreemptionArgs args, Handle handle) {
    this(args, handle, NAME, null);
  }

  /**
   * The evaluator on behalf of another plugin: {@code pluginName} is the one that rejects a victim
   * waiting in Permit, and {@code policy} (null for this plugin's own) the parts it replaces.
   */
  public DefaultPreemption(DefaultPreemptionArgs args, Handle handle, String pluginName, Policy policy) {
    args.validate();
    this.args = args;
    this.handle = handle;
    this.pluginName = pluginName;
    this.policy = policy;
  }

  @Override
  public String name() {
    return pluginName;
  }

  public DefaultPreemptionArgs args() {
    return args;
  }

  @Override
  public PostFilterResult postFilter(CycleState state, PodInfo pod, NodeToStatus filteredNodeStatuses) {
    PostFilterResult r = preempt(state, pod, filteredNodeStatuses);
    String msg = r.status().message();
    if (msg.isEmpty()) {
      return r;
    }
    return new PostFilterResult(Status.of(r.status().code(), "preemption: " + msg), r.nominatedNodeName());
  }

  /**
   * Upstream's Evaluator.Preempt, before PostFilter prefixes its message. The nominated node is
   * null to keep the pod's nomination as it is, empty to clear it, or the node preemption made
   * room on.
   */
  public PostFilterResult preempt(CycleState state, PodInfo pod, NodeToStatus m) {
    pod = latest(pod);
    String nominated = pod.pod().status().nominatedNodeName();
    Status nominatedStatus = nominated == null || nominated.isEmpty() ? null : m.get(nominated);
    Eligibility eligibility =
        policy == null
            ? podEligibleToPreemptOthers(pod.pod(), nominatedStatus)
            : policy.podEligibleToPreemptOthers(state, pod.pod(), nominatedStatus);
    if (!eligibility.eligible()) {
      return PostFilterResult.of(Status.unschedulable(eligibility.reason()));
    }
    List<NodeInfo> allNodes = handle.snapshot().list();
    if (allNodes.isEmpty()) {
      return PostFilterResult.of(Status.error("no nodes available"));
    }
    DryRunResult dryRun = findCandidates(state, pod, allNodes, m);
    List<Candidate> candidates = dryRun.candidates();
    if (candidates.isEmpty() && !dryRun.errors().isEmpty()) {
      return PostFilterResult.of(Status.error(dryRun.errorMessage()));
    }
    if (candidates.isEmpty()) {
      NodeToStatus statuses = dryRun.nodeStatuses();
      statuses.setAbsentStatus(Status.unresolvable(NOT_HELPFUL));
      FitError fitError = new FitError(allNodes.size(), statuses);
      return new PostFilterResult(Status.unschedulable(fitError.message()), "");
    }
    Candidate best = selectCandidate(candidates);
    if (best == null || best.nodeName().isEmpty()) {
      return PostFilterResult.of(Status.unschedulable("no candidate node for preemption"));
    }
    Status prepared = prepareCandidate(best, pod);
    if (!prepared.isSuccess()) {
      return PostFilterResult.of(prepared);
    }
    return PostFilterResult.nominate(best.nodeName());
  }

  /** The pod as the API server has it now (its nomination may have changed since it was queued). */
  private PodInfo latest(PodInfo pod) {
    Pod current = handle.objects().get(Pod.class, pod.namespace(), pod.name());
    if (current == null
        || !Objects.equals(current.metadata().uid(), pod.pod().metadata().uid())
        || current.equals(pod.pod())) {
      return pod;
    }
    return handle.compile(current);
  }

  /**
   * Upstream's PodEligibleToPreemptOthers: not with preemptionPolicy Never, and not while a
   * lower-priority pod on its nominated node is still terminating because of an earlier
   * preemption — unless that node has meanwhile become UnschedulableAndUnresolvable.
   *
   * @param nominatedNodeStatus the Filter status of the pod's nominated node, or null for none
   */
  public Eligibility podEligibleToPreemptOthers(Pod pod, Status nominatedNodeStatus) {
    if ("Never".equals(pod.spec().preemptionPolicy())) {
      return new Eligibility(false, "not eligible due to preemptionPolicy=Never.");
    }
    String nominated = pod.status().nominatedNodeName();
    if (nominated != null && !nominated.isEmpty()) {
      if (nominatedNodeStatus != null && nominatedNodeStatus.code() == Code.UNSCHEDULABLE_AND_UNRESOLVABLE) {
        return Eligibility.YES;
      }
      NodeInfo node = handle.snapshot().get(nominated);
      if (node != null) {
        int priority = pod.spec().priority() == null ? 0 : pod.spec().priority();
        for (PodInfo p : node.pods()) {
          if (p.priority() < priority && terminatingByPreemption(p.pod())) {
            return new Eligibility(false, "not eligible due to a terminating pod on the nominated node.");
          }
        }
      }
    }
    return Eligibility.YES;
  }

  private static boolean terminatingByPreemption(Pod p) {
    if (p.metadata().deletionTimestamp() == null) {
      return false;
    }
    PodCondition c = p.status().condition("DisruptionTarget");
    return c != null && "True".equals(c.status()) && "PreemptionByScheduler".equals(c.reason());
  }

  /**
   * Upstream's calculateNumCandidates: the percentage of {@code numNodes}, at least the absolute
   * floor, at most {@code numNodes}.
   */
  public int calculateNumCandidates(int numNodes) {
    int n = (int) ((long) numNodes * args.minCandidateNodesPercentage() / 100);
    if (n < args.minCandidateNodesAbsolute()) {
      n = args.minCandidateNodesAbsolute();
    }
    return Math.min(n, numNodes);
  }

  /**
   * Upstream's findCandidates: dry-runs preemption on the nodes Filter found Unschedulable (in
   * snapshot order), from a random offset, with the cluster's PodDisruptionBudgets.
   */
  private DryRunResult findCandidates(CycleState state, PodInfo pod, List<NodeInfo> allNodes, NodeToStatus m) {
    List<NodeInfo> potential = new ArrayList<>();
    for (NodeInfo n : allNodes) {
      if (m.get(n.name()).code() == Code.UNSCHEDULABLE) {
        potential.add(n);
      }
    }
    if (potential.isEmpty()) {
      return new DryRunResult(List.of(), new NodeToStatus(), List.of());
    }
    List<PodDisruptionBudget> pdbs = handle.objects().list(PodDisruptionBudget.class, null);
    int offset = policy == null ? handle.random().nextInt(potential.size()) : policy.candidateOffset(potential.size());
    int numCandidates =
        policy == null ? calculateNumCandidates(potential.size()) : policy.numCandidates(potential.size());
    return dryRunPreemption(state, pod, potential, pdbs, offset, numCandidates);
  }

  /**
   * Upstream's DryRunPreemption: examines {@code potentialNodes} from {@code offset}, wrapping
   * around, until at least one candidate violates no PodDisruptionBudget and there are
   * {@code numCandidates} in all. Each node is examined on copies; the snapshot is not touched.
   */
  public DryRunResult dryRunPreemption(
      CycleState state, PodInfo pod, List<NodeInfo> potentialNodes, List<PodDisruptionBudget> pdbs,
      int offset, int numCandidates) {
    DisruptionBudgets budgets = pdbs.isEmpty() ? DisruptionBudgets.NONE : DisruptionBudgets.of(pdbs);
    StartTimes startTimes = new StartTimes(handle.now());
    List<Candidate> nonViolating = new ArrayList<>();
    List<Candidate> violating = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    NodeToStatus statuses = new NodeToStatus();
    int n = potentialNodes.size();
    for (int i = 0; i < n; i++) {
      NodeInfo node = potentialNodes.get((offset + i) % n);
      VictimSelection v =
          policy == null
              ? selectVictimsOnNode(state.copy(), pod, node.copy(), budgets, startTimes)
              : policy.selectVictimsOnNode(state.copy(), pod, node.copy(), budgets, startTimes);
      Status s = v.status();
      if (s.isSuccess() && !v.victims().isEmpty()) {
        Candidate c = new Candidate(node.name(), v.victims(), v.numPdbViolations());
        // Upstream's candidate lists hold numCandidates each and drop what does not fit.
        List<Candidate> list = c.numPdbViolations() == 0 ? nonViolating : violating;
        if (list.size() < numCandidates) {
          list.add(c);
        }
        if (!nonViolating.isEmpty() && nonViolating.size() + violating.size() >= numCandidates) {
          break;
        }
        continue;
      }
      if (s.isSuccess()) {
        s = Status.error("expected at least one victim pod on node \"" + node.name() + "\"");
      }
      if (s.code() == Code.ERROR) {
        errors.add(s.message());
      }
      statuses.set(node.name(), s);
    }
    List<Candidate> all = new ArrayList<>(nonViolating.size() + violating.size());
    all.addAll(nonViolating);
    all.addAll(violating);
    return new DryRunResult(all, statuses, errors);
  }

  /**
   * Upstream's SelectVictimsOnNode on {@code node} and {@code state}, both of which it changes
   * (pass copies): removes every lower-priority pod, checks that the preemptor then fits, and
   * puts back as many as still let it fit — those whose eviction would violate a
   * PodDisruptionBudget first, each group from the most important pod down.
   */
  public VictimSelection selectVictimsOnNode(
      CycleState state, PodInfo pod, NodeInfo node, List<PodDisruptionBudget> pdbs) {
    DisruptionBudgets budgets = pdbs.isEmpty() ? DisruptionBudgets.NONE : DisruptionBudgets.of(pdbs);
    return selectVictimsOnNode(state, pod, node, budgets, new StartTimes(handle.now()));
  }

  private VictimSelection selectVictimsOnNode(
      CycleState state, PodInfo pod, NodeInfo node, DisruptionBudgets budgets, StartTimes startTimes) {
    FilterRunner runner = handle.filterRunner();
    List<PodInfo> potential = new ArrayList<>();
    for (PodInfo p : node.pods()) {
      if (p.priority() < pod.priority()) {
        potential.add(p);
      }
    }
    for (PodInfo p : potential) {
      Status s = removePod(runner, state, pod, node, p);
      if (!s.isSuccess()) {
        return VictimSelection.failed(s);
      }
    }
    if (potential.isEmpty()) {
      return VictimSelection.failed(Status.unresolvable(NO_VICTIMS));
    }
    // Affinity of the preemptor to a victim is deliberately not considered, as upstream.
    Status fits = runner.runFilterPluginsWithNominatedPods(state, pod, node);
    if (!fits.isSuccess()) {
      return VictimSelection.failed(fits);
    }
    return VictimSelection.byReprieve(
        startTimes.mostImportantFirst(potential),
        budgets,
        (p, victims) -> reprieve(runner, state, pod, node, p, victims),
        startTimes);
  }

  /** Puts {@code p} back; if the preemptor no longer fits, takes it out again as a victim. */
  private static Status reprieve(
      FilterRunner runner, CycleState state, PodInfo pod, NodeInfo node, PodInfo p, List<PodInfo> victims) {
    node.addPod(p);
    Status s = runner.runPreFilterExtensionAddPod(state, pod, p, node);
    if (!s.isSuccess()) {
      return Status.error(s.message());
    }
    if (!runner.runFilterPluginsWithNominatedPods(state, pod, node).isSuccess()) {
      s = removePod(runner, state, pod, node, p);
      if (!s.isSuccess()) {
        return Status.error(s.message());
      }
      victims.add(p);
      return Status.unschedulable();
    }
    return Status.SUCCESS;
  }

  /**
   * Takes {@code p} off the node of a preemption dry run and tells the cycle's PreFilter state;
   * an error when the node does not hold it.
   */
  public static Status removePod(FilterRunner runner, CycleState state, PodInfo pod, NodeInfo node, PodInfo p) {
    if (!node.removePod(p)) {
      return Status.error("no corresponding pod " + p.name() + " in pods of node " + node.name());
    }
    return runner.runPreFilterExtensionRemovePod(state, pod, p, node);
  }

  /** Upstream's SelectCandidate: the one candidate, or the best by pickOneNodeForPreemption. */
  public Candidate selectCandidate(List<Candidate> candidates) {
    if (candidates.isEmpty()) {
      return null;
    }
    if (candidates.size() == 1) {
      return candidates.get(0);
    }
    return pickOneNodeForPreemption(candidates, new StartTimes(handle.now()));
  }

  /**
   * Upstream's pickOneNodeForPreemption: fewest PDB violations, then the lowest highest victim
   * priority, the smallest sum of (shifted) victim priorities, the fewest victims, the latest
   * earliest start among the highest-priority victims; then the first remaining candidate.
   * Upstream's candidates come from a map, so its "first" is arbitrary; here it is the first in
   * dry-run order.
   */
  static Candidate pickOneNodeForPreemption(List<Candidate> candidates, StartTimes startTimes) {
    List<Candidate> remaining = candidates;
    for (int f = 0; f < 5; f++) {
      List<Candidate> best = new ArrayList<>();
      long max = Long.MIN_VALUE;
      for (Candidate c : remaining) {
        long score = score(f, c, startTimes);
        if (score > max) {
          max = score;
          best.clear();
        }
        if (score == max) {
          best.add(c);
        }
      }
      if (best.size() == 1) {
        return best.get(0);
      }
      remaining = best;
    }
    return remaining.get(0);
  }

  private static long score(int function, Candidate c, StartTimes startTimes) {
    List<PodInfo> victims = c.victims();
    return switch (function) {
      case 0 -> -c.numPdbViolations();
      case 1 -> -(long) victims.get(0).priority();
      case 2 -> {
        long sum = 0;
        for (PodInfo p : victims) {
          // Shifted to be non-negative, so more pods of negative priority never sum lower.
          sum += (long) p.priority() + (long) Integer.MAX_VALUE + 1;
        }
        yield -sum;
      }
      case 3 -> -(long) victims.size();
      default -> startTimes.earliestStartOfHighestPriority(victims);
    };
  }

  /**
   * Upstream's prepareCandidate: evicts the victims (a victim waiting in Permit is rejected
   * instead; one already terminating is left alone), then clears the nomination of
   * lower-priority pods nominated to the node, which may no longer fit there.
   */
  public Status prepareCandidate(Candidate c, PodInfo preemptor) {
    for (PodInfo victim : c.victims()) {
      if (victim.pod().metadata().deletionTimestamp() != null) {
        continue;
      }
      Status s = preemptPod(preemptor, victim);
      if (!s.isSuccess()) {
        return s;
      }
    }
    List<Pod> lower = new ArrayList<>();
    for (PodInfo p : handle.nominatedPodsForNode(c.nodeName())) {
      String n = p.pod().status().nominatedNodeName();
      if (p.priority() < preemptor.priority() && n != null && !n.isEmpty()) {
        lower.add(p.pod());
      }
    }
    for (Pod p : lower) {
      // Not critical, as upstream: a failure leaves the stale nomination in place.
      handle.client().setNominatedNodeName(p, null);
    }
    return Status.SUCCESS;
  }

  /**
   * Upstream's PreemptPod: adds the DisruptionTarget condition to the victim's status, then
   * deletes it. A victim that is already gone counts as preempted.
   */
  private Status preemptPod(PodInfo preemptor, PodInfo victim) {
    WaitingPod waiting = handle.waitingPod(victim.uid());
    if (waiting != null) {
      waiting.reject(pluginName, "preempted");
      return Status.SUCCESS;
    }
    Pod pod = victim.pod();
    String schedulerName = preemptor.pod().spec().schedulerName();
    if (schedulerName == null || schedulerName.isEmpty()) {
      schedulerName = "default-scheduler";
    }
    PodCondition condition =
        new PodCondition(
            "DisruptionTarget",
            "True",
            "PreemptionByScheduler",
            schedulerName + ": preempting to accommodate a higher priority pod",
            SECONDS.format(handle.now().truncatedTo(ChronoUnit.SECONDS)));
    PodCondition existing = pod.status().condition("DisruptionTarget");
    if (existing == null
        || !Objects.equals(existing.status(), condition.status())
        || !Objects.equals(existing.reason(), condition.reason())
        || !Objects.equals(existing.message(), condition.message())) {
      Status s = handle.client().setPodCondition(pod, condition);
      if (!s.isSuccess()) {
        return gone(victim) ? Status.SUCCESS : s;
      }
    }
    Status s = handle.client().deletePod(pod);
    return s.isSuccess() || gone(victim) ? Status.SUCCESS : s;
  }

  /** Whether the API server no longer has the pod (upstream's NotFound on the patch or delete). */
  private boolean gone(PodInfo pod) {
    return handle.objects().get(Pod.class, pod.namespace(), pod.name()) == null;
  }
}
