package io.schedlab.plugins.noderesources;

import io.schedlab.framework.ClusterEvent;
import io.schedlab.framework.CycleState;
import io.schedlab.framework.EnqueueExtensions;
import io.schedlab.framework.FilterPlugin;
import io.schedlab.framework.Handle;
import io.schedlab.framework.NodeInfo;
import io.schedlab.framework.NodeTable;
import io.schedlab.framework.PluginArgsException;
import io.schedlab.framework.PodInfo;
import io.schedlab.framework.PreFilterPlugin;
import io.schedlab.framework.PreFilterResult;
import io.schedlab.framework.PreScorePlugin;
import io.schedlab.framework.ResourceNames;
import io.schedlab.framework.ResourceRegistry;
import io.schedlab.framework.ScorePlugin;
import io.schedlab.framework.ImmutableStateData;
import io.schedlab.framework.Status;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Filter: the pod's requests must fit the node's free allocatable, resource by resource, and the
 * node must have room for one more pod. Score: one of LeastAllocated, MostAllocated or
 * RequestedToCapacityRatio over the configured resources and weights.
 *
 * <p>Implementation note: PreFilter copies the pod's request vector into the cycle state once;
 * Filter is then a loop over the registry's indexes with precomputed "is scalar" and "is
 * ignored" flags, and allocates only when the pod does not fit.
 */
public final class NodeResourcesFit
    implements PreFilterPlugin, FilterPlugin, PreScorePlugin, ScorePlugin, EnqueueExtensions {
  public static final String NAME = "NodeResourcesFit";

  private static final CycleState.Key<PreFilterState> PRE_FILTER_KEY = CycleState.Key.of("PreFilter" + NAME);
  private static final CycleState.Key<PreScoreState> PRE_SCORE_KEY = CycleState.Key.of("PreScore" + NAME);

  /**
   * The pod's requests, and the resources Filter compares for it (upstream's order, pods
   * excluded): resolved once per cycle so a node's check is a loop over a few longs.
   */
  record PreFilterState(long[] requests, int[] checked) implements ImmutableStateData {
    /** Whether Filter compares no resource but cpu and memory (and the pod count). */
    boolean cpuAndMemoryOnly() {
      for (int r : checked) {
        if (r != ResourceRegistry.CPU && r != ResourceRegistry.MEMORY) {
          return false;
        }
      }
      return true;
    }

    /** {@link #fits(NodeInfo)} from the node's table row; only when {@link #cpuAndMemoryOnly}. */
    boolean fits(NodeTable table, int row) {
      return table.podCount(row) + 1 <= table.allocatablePods(row)
          && fitsOne(ResourceRegistry.get(requests, ResourceRegistry.CPU),
              table.allocatableCpu(row) - table.requestedCpu(row))
          && fitsOne(ResourceRegistry.get(requests, ResourceRegistry.MEMORY),
              table.allocatableMemory(row) - table.requestedMemory(row));
    }

    // A resource the pod does not request is not compared, as upstream's fitsRequest: an
    // overcommitted node still takes a pod that asks for none of it.
    private static boolean fitsOne(long request, long free) {
      return request <= 0 || request <= free;
    }

    boolean fits(NodeInfo node) {
      if (node.podCount() + 1 > node.allocatable(ResourceRegistry.PODS)) {
        return false;
      }
      for (int r : checked) {
        if (requests[r] > node.allocatable(r) - node.requested(r)) {
          return false;
        }
      }
      return true;
    }
  }

  record PreScoreState(long[] podRequests) implements ImmutableStateData {
  }

  /** One resource that did not fit, as upstream's InsufficientResource. */
  public record InsufficientResource(
      String resourceName, String reason, long requested, long used, long capacity, boolean unresolvable) {}

  private final ResourceRegistry registry;
  private final Set<String> ignoredResources;
  private final Set<String> ignoredResourceGroups;
  private final ResourceScorer scorer;
  private final String strategyType;

  public NodeResourcesFit(NodeResourcesFitArgs args, Handle handle) {
    validate(args);
    this.registry = handle.resources();
    this.ignoredResources = new HashSet<>(args.ignoredResources());
    this.ignoredResourceGroups = new HashSet<>(args.ignoredResourceGroups());
    NodeResourcesFitArgs.ScoringStrategy s = args.scoringStrategy();
    this.strategyType = s.type();
    this.scorer =
        switch (s.type()) {
          case NodeResourcesFitArgs.ScoringStrategy.LEAST_ALLOCATED -> new ResourceScorer(
              s.resources(), registry, false, ResourceScorer.LEAST_ALLOCATED);
          case NodeResourcesFitArgs.ScoringStrategy.MOST_ALLOCATED -> new ResourceScorer(
              s.resources(), registry, false, ResourceScorer.MOST_ALLOCATED);
          default -> new ResourceScorer(s.resources(), registry, false,
              ResourceScorer.requestedToCapacityRatio(s.requestedToCapacityRatio().shape()));
        };
  }

  /** Upstream's ValidateNodeResourcesFitArgs, with its field paths. */
  static void validate(NodeResourcesFitArgs args) {
    for (int i = 0; i < args.ignoredResourceGroups().size(); i++) {
      String g = args.ignoredResourceGroups().get(i);
      if (g.contains("/")) {
        throw new PluginArgsException(
            "ignoredResourceGroups[" + i + "]", "resource group name can't contain '/', got \"" + g + "\"");
      }
    }
    NodeResourcesFitArgs.ScoringStrategy s = args.scoringStrategy();
    String type = s.type();
    if (!type.equals(NodeResourcesFitArgs.ScoringStrategy.LEAST_ALLOCATED)
        && !type.equals(NodeResourcesFitArgs.ScoringStrategy.MOST_ALLOCATED)
        && !type.equals(NodeResourcesFitArgs.ScoringStrategy.REQUESTED_TO_CAPACITY_RATIO)) {
      throw new PluginArgsException(
          "scoringStrategy.type",
          "Unsupported value: \"" + type + "\": supported values: \"LeastAllocated\", \"MostAllocated\", \"RequestedToCapacityRatio\"");
    }
    List<NodeResourcesFitArgs.ResourceSpec> resources = s.resources();
    for (int i = 0; i < resources.size(); i++) {
      NodeResourcesFitArgs.ResourceSpec r = resources.get(i);
      if (r.weight() <= 0 || r.weight() > 100) {
        throw new PluginArgsException(
            "scoringStrategy.resources[" + i + "].weight",
            "Invalid value: " + r.weight() + ": resource weight of " + r.name()
                + " not in valid range (0, 100]");
      }
    }
    if (s.requestedToCapacityRatio() != null
        || type.equals(NodeResourcesFitArgs.ScoringStrategy.REQUESTED_TO_CAPACITY_RATIO)) {
      validateShape(s.requestedToCapacityRatio() == null ? List.of() : s.requestedToCapacityRatio().shape());
    }
  }

  /** Upstream's validateFunctionShape; its field path is {@code scoringStrategy.shape}. */
  private static void validateShape(List<NodeResourcesFitArgs.UtilizationShapePoint> shape) {
    String path = "scoringStrategy.shape";
    if (shape.isEmpty()) {
      throw new PluginArgsException(path, "Required value: at least one point must be specified");
    }
    for (int i = 1; i < shape.size(); i++) {
      Integer prev = shape.get(i - 1).utilization();
      Integer cur = shape.get(i).utilization();
      if (prev != null && cur != null && prev >= cur) {
        throw new PluginArgsException(path + "[" + i + "].utilization",
            "Invalid value: " + cur + ": utilization values must be sorted in increasing order");
      }
    }
    for (int i = 0; i < shape.size(); i++) {
      NodeResourcesFitArgs.UtilizationShapePoint p = shape.get(i);
      if (p.utilization() == null || p.utilization() < 0 || p.utilization() > 100) {
        throw new PluginArgsException(path + "[" + i + "].utilization",
            "Invalid value: " + p.utilization() + ": not in valid range [0, 100]");
      }
      if (p.score() == null || p.score() < 0 || p.score() > 10) {
        throw new PluginArgsException(path + "[" + i + "].score",
            "Invalid value: " + p.score() + ": not in valid range [0, 10]");
      }
    }
  }

  @Override
  public String name() {
    return NAME;
  }

  public String strategyType() {
    return strategyType;
  }

  @Override
  public PreFilterResult preFilter(CycleState state, PodInfo pod, List<NodeInfo> nodes) {
    state.write(PRE_FILTER_KEY, new PreFilterState(pod.requests(), checkedResources(pod.requests())));
    return PreFilterResult.SUCCESS;
  }

  @Override
  public Status filter(CycleState state, PodInfo pod, NodeInfo node) {
    PreFilterState s = state.require(PRE_FILTER_KEY);
    if (s.fits(node)) {
      return Status.SUCCESS;
    }
    // The same comparisons as fits(), now collecting every shortfall with its reason.
    List<InsufficientResource> insufficient = insufficient(s.requests(), s.checked(), node);
    String[] reasons = new String[insufficient.size()];
    boolean unresolvable = false;
    for (int i = 0; i < reasons.length; i++) {
      reasons[i] = insufficient.get(i).reason();
      unresolvable |= insufficient.get(i).unresolvable();
    }
    return unresolvable ? Status.unresolvable(reasons) : Status.unschedulable(reasons);
  }

  /** Upstream's fitsRequest: every resource that does not fit, in upstream's order. */
  public List<InsufficientResource> fitsRequest(long[] req, NodeInfo node) {
    return insufficient(req, checkedResources(req), node);
  }

  /** fitsRequest with the compared resources already resolved. */
  private List<InsufficientResource> insufficient(long[] req, int[] checked, NodeInfo node) {
    List<InsufficientResource> out = List.of();
    long allowedPods = node.allocatable(ResourceRegistry.PODS);
    if (node.podCount() + 1 > allowedPods) {
      out = add(out, new InsufficientResource("pods", "Too many pods", 1, node.podCount(), allowedPods, false));
    }
    for (int r : checked) {
      long want = req[r];
      long alloc = node.allocatable(r);
      long used = node.requested(r);
      if (want > alloc - used) {
        String name = registry.name(r);
        out = add(out, new InsufficientResource(name, "Insufficient " + name, want, used, alloc, want > alloc));
      }
    }
    return out;
  }

  /**
   * The resources fitsRequest compares, in its order: every requested one but pods, leaving out
   * names the scheduler does not account per node and ignored extended resources; none when the
   * pod requests nothing but a pod slot.
   */
  private int[] checkedResources(long[] req) {
    int[] out = new int[req.length];
    int n = 0;
    for (int r = 0; r < req.length; r++) {
      if (r == ResourceRegistry.PODS || req[r] <= 0) {
        continue;
      }
      String name = registry.name(r);
      if (r > ResourceRegistry.PODS) {
        if (!ResourceNames.isScalar(name)) {
          continue;
        }
        if (ResourceNames.isExtended(name) && isIgnored(name)) {
          continue;
        }
      }
      out[n++] = r;
    }
    return java.util.Arrays.copyOf(out, n);
  }

  private boolean isIgnored(String name) {
    if (ignoredResources.contains(name)) {
      return true;
    }
    if (!ignoredResourceGroups.isEmpty()) {
      int slash = name.indexOf('/');
      String prefix = slash < 0 ? name : name.substring(0, slash);
      return ignoredResourceGroups.contains(prefix);
    }
    return false;
  }

  private static List<InsufficientResource> add(List<InsufficientResource> list, InsufficientResource r) {
    List<InsufficientResource> out = list.isEmpty() ? new ArrayList<>(4) : list;
    out.add(r);
    return out;
  }

  @Override
  public Status preScore(CycleState state, PodInfo pod, List<NodeInfo> nodes) {
    state.write(PRE_SCORE_KEY, new PreScoreState(scorer.podRequests(pod)));
    return Status.SUCCESS;
  }

  @Override
  public long score(CycleState state, PodInfo pod, NodeInfo node) {
    PreScoreState s = state.read(PRE_SCORE_KEY);
    long[] podRequests = s != null ? s.podRequests() : scorer.podRequests(pod);
    return scorer.score(node, podRequests);
  }

  @Override
  public List<ClusterEvent> eventsToRegister() {
    return List.of(
        new ClusterEvent(ClusterEvent.Resource.POD, ClusterEvent.DELETE | ClusterEvent.UPDATE_POD_SCALE_DOWN),
        new ClusterEvent(ClusterEvent.Resource.NODE, ClusterEvent.ADD | ClusterEvent.UPDATE_NODE_ALLOCATABLE
            | ClusterEvent.UPDATE_NODE_TAINT | ClusterEvent.UPDATE_NODE_LABEL));
  }

  // Reads the cycle's requests once for the run; written here so the scorer call inlines.
  @Override
  public RangeScorer rangeScorer() {
    return (state, pod, run, out) -> {
      PreScoreState s = state.read(PRE_SCORE_KEY);
      scorer.scoreRange(run, s != null ? s.podRequests() : scorer.podRequests(pod), out);
    };
  }

  // Reads the cycle's state once for the run; builds a status only for a node that does not fit.
  @Override
  public RangeFilter rangeFilter() {
    return (state, pod, run) -> {
      PreFilterState s = state.require(PRE_FILTER_KEY);
      NodeTable table = run.table();
      if (table != null && s.cpuAndMemoryOnly()) {
        for (int i = run.from(), to = run.to(); i < to; i++) {
          if (run.alive(i) && !s.fits(table, run.row(i))) {
            run.reject(i, filter(state, pod, run.node(i)));
          }
        }
        return;
      }
      for (int i = run.from(), to = run.to(); i < to; i++) {
        if (run.alive(i)) {
          NodeInfo node = run.node(i);
          if (!s.fits(node)) {
            run.reject(i, filter(state, pod, node));
          }
        }
      }
    };
  }
}
