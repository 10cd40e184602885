package io.schedlab.framework.runtime;

import io.schedlab.config.ExtensionPoint;
import io.schedlab.config.PluginRef;
import io.schedlab.config.ProfileConfig;
import io.schedlab.framework.BindPlugin;
import io.schedlab.framework.ClusterEvent;
import io.schedlab.framework.Code;
import io.schedlab.framework.CycleState;
import io.schedlab.framework.FilterRun;
import io.schedlab.framework.EnqueueExtensions;
import io.schedlab.framework.FilterPlugin;
import io.schedlab.framework.FilterRunner;
import io.schedlab.framework.Handle;
import io.schedlab.framework.NodeInfo;
import io.schedlab.framework.NodeInfoLister;
import io.schedlab.framework.NodeSubset;
import io.schedlab.framework.NodeTable;
import io.schedlab.framework.NodeToStatus;
import io.schedlab.framework.PermitPlugin;
import io.schedlab.framework.PermitResult;
import io.schedlab.framework.Plugin;
import io.schedlab.framework.PluginArgsException;
import io.schedlab.framework.PodInfo;
import io.schedlab.framework.PostBindPlugin;
import io.schedlab.framework.PostFilterPlugin;
import io.schedlab.framework.PostFilterResult;
import io.schedlab.framework.PreBindPlugin;
import io.schedlab.framework.PreEnqueuePlugin;
import io.schedlab.framework.PreFilterExtensions;
import io.schedlab.framework.PreFilterPlugin;
import io.schedlab.framework.PreFilterResult;
import io.schedlab.framework.PreScorePlugin;
import io.schedlab.framework.QueueSortPlugin;
import io.schedlab.framework.Registry;
import io.schedlab.framework.ReservePlugin;
import io.schedlab.framework.ScoreExtensions;
import io.schedlab.framework.ScorePlugin;
import io.schedlab.framework.ScoreRun;
import io.schedlab.framework.Status;
import io.schedlab.framework.StatusException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One profile's plugins, run stage by stage with upstream's semantics (runtime/framework.go).
 *
 * <p>Implementation note: each stage holds a typed array of its plugins, built and validated once
 * when the profile is created (exactly one QueueSort, at least one Bind, at most 64 Filter and
 * Score plugins so skip sets fit a bit mask). Score results live in a {@code long[plugin][node]}
 * matrix filled by node chunks in parallel; normalisation and weighting then run per plugin.
 * A plugin instance is shared by all the stages it serves, as upstream does.
 */
public final class Framework implements FilterRunner {
  private final String profileName;
  private final int percentageOfNodesToScore;
  private final Map<String, Plugin> instances = new LinkedHashMap<>();

  private final PreEnqueuePlugin[] preEnqueue;
  private final QueueSortPlugin queueSort;
  private final PreFilterPlugin[] preFilter;
  private final FilterPlugin[] filter;
  private final PostFilterPlugin[] postFilter;
  private final PreScorePlugin[] preScore;
  private final ScorePlugin[] score;
  private final ScorePlugin.RangeScorer[] rangeScorers;
  private final FilterPlugin.RangeFilter[] rangeFilters;
  private final long[] scoreWeights;
  private final ReservePlugin[] reserve;
  private final PermitPlugin[] permit;
  private final PreBindPlugin[] preBind;
  private final BindPlugin[] bind;
  private final PostBindPlugin[] postBind;
  private final Map<String, List<ClusterEvent>> eventsByPlugin = new HashMap<>();
  private final Parallelizer parallelizer;
  private final Handle handle;
  // Null unless a run asks for per-plugin latencies; then only sampled attempts are timed.
  private LatencyRecorder latencyRecorder;
  // The table rows of a Score run's nodes, reused from cycle to cycle; cycles of a profile run
  // one at a time.
  private int[] tableRows = new int[0];

  public Framework(
      ProfileConfig profile, Registry registry, Handle handle, Parallelizer parallelizer) {
    this.profileName = profile.schedulerName();
    this.percentageOfNodesToScore = profile.percentageOfNodesToScore();
    this.handle = handle;
    this.parallelizer = parallelizer;
    Map<ExtensionPoint, List<PluginRef>> plugins = profile.plugins();
    for (List<PluginRef> refs : plugins.values()) {
      for (PluginRef ref : refs) {
        if (!instances.containsKey(ref.name())) {
          Plugin p;
          try {
            p = registry.create(ref.name(), profile.pluginArgs().get(ref.name()), handle);
          } catch (PluginArgsException e) {
            throw e.inProfile(profileName);
          }
          instances.put(ref.name(), p);
        }
      }
    }
    preEnqueue = build(plugins, ExtensionPoint.PRE_ENQUEUE, PreEnqueuePlugin.class, new PreEnqueuePlugin[0]);
    QueueSortPlugin[] qs = build(plugins, ExtensionPoint.QUEUE_SORT, QueueSortPlugin.class, new QueueSortPlugin[0]);
    if (qs.length != 1) {
      throw new IllegalArgumentException(
          "profile \"" + profileName + "\": exactly one queueSort plugin is required, found " + qs.length);
    }
    queueSort = qs[0];
    preFilter = build(plugins, ExtensionPoint.PRE_FILTER, PreFilterPlugin.class, new PreFilterPlugin[0]);
    filter = build(plugins, ExtensionPoint.FILTER, FilterPlugin.class, new FilterPlugin[0]);
    postFilter = build(plugins, ExtensionPoint.POST_FILTER, PostFilterPlugin.class, new PostFilterPlugin[0]);
    preScore = build(plugins, ExtensionPoint.PRE_SCORE, PreScorePlugin.class, new PreScorePlugin[0]);
    score = build(plugins, ExtensionPoint.SCORE, ScorePlugin.class, new ScorePlugin[0]);
    scoreWeights = new long[score.length];
    rangeFilters = new FilterPlugin.RangeFilter[filter.length];
    for (int i = 0; i < filter.length; i++) {
      rangeFilters[i] = filter[i].rangeFilter();
    }
    rangeScorers = new ScorePlugin.RangeScorer[score.length];
    for (int i = 0; i < score.length; i++) {
      rangeScorers[i] = score[i].rangeScorer();
    }
    List<PluginRef> scoreRefs = plugins.getOrDefault(ExtensionPoint.SCORE, List.of());
    for (int i = 0; i < scoreRefs.size(); i++) {
      Integer w = scoreRefs.get(i).weight();
      scoreWeights[i] = w == null || w == 0 ? 1 : w;
    }
    reserve = build(plugins, ExtensionPoint.RESERVE, ReservePlugin.class, new ReservePlugin[0]);
    permit = build(plugins, ExtensionPoint.PERMIT, PermitPlugin.class, new PermitPlugin[0]);
    preBind = build(plugins, ExtensionPoint.PRE_BIND, PreBindPlugin.class, new PreBindPlugin[0]);
    bind = build(plugins, ExtensionPoint.BIND, BindPlugin.class, new BindPlugin[0]);
    postBind = build(plugins, ExtensionPoint.POST_BIND, PostBindPlugin.class, new PostBindPlugin[0]);
    if (bind.length == 0) {
      throw new IllegalArgumentException(
          "profile \"" + profileName + "\": at least one bind plugin is required");
    }
    if (filter.length > 64 || score.length > 64) {
      throw new IllegalArgumentException(
          "profile \"" + profileName + "\": at most 64 filter and 64 score plugins are supported");
    }
    for (Plugin p : instances.values()) {
      if (p instanceof EnqueueExtensions e) {
        eventsByPlugin.put(p.name(), List.copyOf(e.eventsToRegister()));
      }
    }
  }

  private <T> T[] build(
      Map<ExtensionPoint, List<PluginRef>> plugins, ExtensionPoint point, Class<T> type, T[] empty) {
    List<T> out = new ArrayList<>();
    for (PluginRef ref : plugins.getOrDefault(point, List.of())) {
      Plugin p = instances.get(ref.name());
      if (!type.isInstance(p)) {
        throw new IllegalArgumentException(
            "profile \"" + profileName + "\": plugin \"" + ref.name() + "\" does not extend "
                + point.configName() + " plugin");
      }
      out.add(type.cast(p));
    }
    return out.toArray(empty);
  }

  public String profileName() {
    return profileName;
  }

  public int percentageOfNodesToScore() {
    return percentageOfNodesToScore;
  }

  public Handle handle() {
    return handle;
  }

  public Plugin plugin(String name) {
    return instances.get(name);
  }

  public QueueSortPlugin queueSort() {
    return queueSort;
  }

  public boolean hasFilterPlugins() {
    return filter.length > 0;
  }

  public boolean hasScorePlugins() {
    return score.length > 0;
  }

  public boolean hasPostFilterPlugins() {
    return postFilter.length > 0;
  }

  /** Names of the plugins at a stage, in order (for listings and tests). */
  public List<String> pluginNames(ExtensionPoint point) {
    Plugin[] arr =
        switch (point) {
          case PRE_ENQUEUE -> preEnqueue;
          case QUEUE_SORT -> new Plugin[] {queueSort};
          case PRE_FILTER -> preFilter;
          case FILTER -> filter;
          case POST_FILTER -> postFilter;
          case PRE_SCORE -> preScore;
          case SCORE -> score;
          case RESERVE -> reserve;
          case PERMIT -> permit;
          case PRE_BIND -> preBind;
          case BIND -> bind;
          case POST_BIND -> postBind;
        };
    List<String> names = new ArrayList<>(arr.length);
    for (Plugin p : arr) {
      names.add(p.name());
    }
    return names;
  }

  public long scoreWeight(int scoreIndex) {
    return scoreWeights[scoreIndex];
  }

  /**
   * Whether plugin {@code name} wants to hear of {@code event}. A plugin that does not declare
   * its events is interested in all of them, so no pod is ever stranded.
   */
  public boolean interested(String name, ClusterEvent event) {
    List<ClusterEvent> registered = eventsByPlugin.get(name);
    if (registered == null) {
      return true;
    }
    for (ClusterEvent e : registered) {
      if (e.matches(event)) {
        return true;
      }
    }
    return false;
  }

  // ---- PreEnqueue ----

  public Status runPreEnqueuePlugins(PodInfo pod) {
    for (PreEnqueuePlugin p : preEnqueue) {
      Status s = p.preEnqueue(pod);
      if (!s.isSuccess()) {
        return s.isRejected() || s.code() == Code.PENDING
            ? s.withPlugin(p.name())
            : Status.error("running PreEnqueue plugin \"" + p.name() + "\": " + s.message()).withPlugin(p.name());
      }
    }
    return Status.SUCCESS;
  }

  // ---- PreFilter ----

  /**
   * RunPreFilterPlugins. Returns the merged result; a rejection by a plugin names it. The names of
   * the plugins that narrowed the node set are added to {@code pluginsWithNodes}.
   */
  public PreFilterResult runPreFilterPlugins(
      CycleState state, PodInfo pod, List<NodeInfo> nodes, Set<String> pluginsWithNodes) {
    Set<String> result = null;
    Status returnStatus = Status.SUCCESS;
    Set<String> skipped = null;
    for (PreFilterPlugin p : preFilter) {
      long t0 = startNanos(state);
      PreFilterResult r;
      try {
        r = p.preFilter(state, pod, nodes);
      } catch (StatusException e) {
        r = PreFilterResult.of(e.status());
      }
      stop(state, "PreFilter", p.name(), t0);
      Status s = r.status();
      if (s.isSkip()) {
        if (skipped == null) {
          skipped = new HashSet<>();
        }
        skipped.add(p.name());
        continue;
      }
      if (!s.isSuccess()) {
        s = s.withPlugin(p.name());
        if (s.code() == Code.UNSCHEDULABLE_AND_UNRESOLVABLE) {
          return new PreFilterResult(s, null);
        }
        if (s.code() == Code.UNSCHEDULABLE) {
          returnStatus = s;
          continue;
        }
        return new PreFilterResult(
            Status.error("running PreFilter plugin \"" + p.name() + "\": " + s.message())
                .withPlugin(p.name()),
            null);
      }
      if (!r.allNodes()) {
        pluginsWithNodes.add(p.name());
        if (result == null) {
          result = new HashSet<>(r.nodeNames());
        } else {
          result.retainAll(r.nodeNames());
        }
        if (result.isEmpty()) {
          List<String> names = new ArrayList<>(new TreeSet<>(pluginsWithNodes));
          String msg =
              names.size() == 1
                  ? "node(s) didn't satisfy plugin " + names.get(0)
                  : "node(s) didn't satisfy plugin(s) " + goList(names) + " simultaneously";
          return new PreFilterResult(Status.unresolvable(msg), Set.of());
        }
      }
    }
    if (skipped != null) {
      for (int i = 0; i < filter.length; i++) {
        if (skipped.contains(filter[i].name())) {
          state.setSkipFilter(i);
        }
      }
    }
    return new PreFilterResult(returnStatus, result);
  }

  static String goList(List<String> names) {
    return "[" + String.join(" ", names) + "]";
  }

  @Override
  public Status runPreFilterExtensionAddPod(
      CycleState state, PodInfo podToSchedule, PodInfo podToAdd, NodeInfo node) {
    for (int i = 0; i < preFilter.length; i++) {
      PreFilterPlugin p = preFilter[i];
      PreFilterExtensions ext = p.preFilterExtensions();
      if (ext == null || skippedPreFilter(state, p)) {
        continue;
      }
      Status s = ext.addPod(state, podToSchedule, podToAdd, node);
      if (!s.isSuccess()) {
        return Status.error("running AddPod on PreFilter plugin \"" + p.name() + "\": " + s.message())
            .withPlugin(p.name());
      }
    }
    return Status.SUCCESS;
  }

  @Override
  public Status runPreFilterExtensionRemovePod(
      CycleState state, PodInfo podToSchedule, PodInfo podToRemove, NodeInfo node) {
    for (PreFilterPlugin p : preFilter) {
      PreFilterExtensions ext = p.preFilterExtensions();
      if (ext == null || skippedPreFilter(state, p)) {
        continue;
      }
      Status s = ext.removePod(state, podToSchedule, podToRemove, node);
      if (!s.isSuccess()) {
        return Status.error("running RemovePod on PreFilter plugin \"" + p.name() + "\": " + s.message())
            .withPlugin(p.name());
      }
    }
    return Status.SUCCESS;
  }

  /** Upstream skips the extensions of a PreFilter plugin whose Filter is skipped. */
  private boolean skippedPreFilter(CycleState state, PreFilterPlugin p) {
    for (int i = 0; i < filter.length; i++) {
      if (filter[i].name().equals(p.name())) {
        return state.skipFilter(i);
      }
    }
    return false;
  }

  // ---- Filter ----

  @Override
  public Status runFilterPlugins(CycleState state, PodInfo pod, NodeInfo node) {
    boolean timed = latencyRecorder != null && state.recordPluginMetrics();
    for (int i = 0; i < filter.length; i++) {
      if (state.skipFilter(i)) {
        continue;
      }
      FilterPlugin p = filter[i];
      long t0 = timed ? System.nanoTime() : 0L;
      Status s;
      try {
        s = p.filter(state, pod, node);
      } catch (StatusException e) {
        s = e.status();
      }
      if (timed) {
        stop(state, "Filter", p.name(), t0);
      }
      if (!s.isSuccess()) {
        return wrapFilterStatus(p, s);
      }
    }
    return Status.SUCCESS;
  }

  /**
   * Filters wave positions {@code [from, to)}, position i being node {@code (start + i) mod n}
   * of {@code nodes}, into {@code outcomes[i]}: the same statuses as {@link
   * #runFilterPluginsWithNominatedPods} node by node, except that a node that passes may be
   * left null (one reference store less per node on the hot path) instead of Success. Runs are filtered plugin by plugin, with
   * the plugins' own {@link FilterPlugin.RangeFilter} loops where they have one; nodes with
   * nominated pods, sampled (timed) cycles and plugins without a loop go node by node.
   */
  public void runFilterPluginsOnWave(CycleState state, PodInfo pod, List<NodeInfo> nodes,
      int start, int from, int to, Status[] outcomes) {
    boolean timed = latencyRecorder != null && state.recordPluginMetrics();
    boolean nominated = handle.anyNominatedPods();
    NodeTable table = tableOf(nodes);
    parallelizer.untilRanges(from, to, (lo, hi) -> {
      java.util.Arrays.fill(outcomes, lo, hi, null);
      FilterRun run = new FilterRun(nodes, table, start, lo, hi, outcomes, this::wrapFilterStatus);
      if (timed) {
        for (int i = lo; i < hi; i++) {
          run.setOutcome(i, runFilterPluginsWithNominatedPods(state, pod, run.node(i)));
        }
        return;
      }
      if (nominated) {
        for (int i = lo; i < hi; i++) {
          NodeInfo node = run.node(i);
          if (!handle.nominatedPodsForNode(node.name()).isEmpty()) {
            run.setOutcome(i, runFilterPluginsWithNominatedPods(state, pod, node));
          }
        }
      }
      filterRun(state, pod, run);
    });
  }

  // Every Filter plugin over a run, plugin by plugin. Nodes filtered node by node already hold
  // a status (Success included), so the loops pass them by as not alive.
  private void filterRun(CycleState state, PodInfo pod, FilterRun run) {
    for (int p = 0; p < filter.length; p++) {
      if (state.skipFilter(p)) {
        continue;
      }
      FilterPlugin plugin = filter[p];
      run.setPlugin(plugin);
      FilterPlugin.RangeFilter ranged = rangeFilters[p];
      if (ranged != null) {
        try {
          ranged.filter(state, pod, run);
          continue;
        } catch (StatusException e) {
          // Done again node by node below, which gives each node its own status.
        }
      }
      for (int i = run.from(), to = run.to(); i < to; i++) {
        if (run.alive(i)) {
          Status s;
          try {
            s = plugin.filter(state, pod, run.node(i));
          } catch (StatusException e) {
            s = e.status();
          }
          if (!s.isSuccess()) {
            run.reject(i, s);
          }
        }
      }
    }
  }

  /** The snapshot's rows when they follow {@code nodes}, else null. */
  private NodeTable tableOf(List<NodeInfo> nodes) {
    NodeInfoLister snapshot = handle.snapshot();
    NodeTable table = snapshot == null ? null : snapshot.table();
    return table != null && table.follows(nodes) ? table : null;
  }

  /**
   * The table row of each of {@code nodes}, into {@code rows}; false when the snapshot has no
   * table or one of the nodes is not the snapshot's own (a copy made for preemption, say).
   */
  private boolean rowsOf(NodeTable table, List<NodeInfo> nodes, int[] rows) {
    List<NodeInfo> all = table.nodes();
    int size = all.size();
    for (int i = 0, n = nodes.size(); i < n; i++) {
      NodeInfo node = nodes.get(i);
      int row = node.index();
      if (row < 0 || row >= size || all.get(row) != node) {
        return false;
      }
      rows[i] = row;
    }
    return true;
  }

  /** A filter plugin's non-success status as runFilterPlugins reports it. */
  private Status wrapFilterStatus(FilterPlugin p, Status s) {
    if (!s.isRejected()) {
      return Status.error("running \"" + p.name() + "\" filter plugin: " + s.message())
          .withPlugin(p.name());
    }
    return s.withPlugin(p.name());
  }

  @Override
  public Status runFilterPluginsWithNominatedPods(CycleState state, PodInfo pod, NodeInfo node) {
    List<PodInfo> nominated = handle.nominatedPodsForNode(node.name());
    if (nominated.isEmpty()) {
      return runFilterPlugins(state, pod, node);
    }
    // First pass with the nominated pods of higher or equal priority assumed on the node; if that
    // passes, a second pass without them, since they might never be bound.
    NodeInfo withNominated = null;
    CycleState stateWith = null;
    for (PodInfo np : nominated) {
      if (np.priority() >= pod.priority() && !np.uid().equals(pod.uid())) {
        if (withNominated == null) {
          withNominated = node.copy();
          stateWith = state.copy();
        }
        withNominated.addPod(np);
        Status s = runPreFilterExtensionAddPod(stateWith, pod, np, withNominated);
        if (!s.isSuccess()) {
          return s;
        }
      }
    }
    if (withNominated == null) {
      return runFilterPlugins(state, pod, node);
    }
    Status first = runFilterPlugins(stateWith, pod, withNominated);
    if (!first.isSuccess()) {
      return first;
    }
    return runFilterPlugins(state, pod, node);
  }

  // ---- PostFilter ----

  public PostFilterResult runPostFilterPlugins(CycleState state, PodInfo pod, NodeToStatus statuses) {
    List<String> reasons = new ArrayList<>();
    String rejector = null;
    PostFilterResult last = null;
    for (PostFilterPlugin p : postFilter) {
      long t0 = startNanos(state);
      PostFilterResult r;
      try {
        r = p.postFilter(state, pod, statuses);
      } catch (StatusException e) {
        r = PostFilterResult.of(e.status());
      }
      stop(state, "PostFilter", p.name(), t0);
      Status s = r.status();
      if (s.isSuccess()) {
        return r;
      }
      if (s.code() == Code.UNSCHEDULABLE_AND_UNRESOLVABLE) {
        return new PostFilterResult(s.withPlugin(p.name()), r.nominatedNodeName());
      }
      if (!s.isRejected()) {
        return PostFilterResult.of(Status.error(s.message()).withPlugin(p.name()));
      }
      if (r.nominatedNodeName() != null) {
        last = r;
      }
      reasons.addAll(s.reasons());
      if (rejector == null) {
        rejector = p.name();
      }
    }
    return new PostFilterResult(
        Status.of(Code.UNSCHEDULABLE, reasons).withPlugin(rejector),
        last == null ? null : last.nominatedNodeName());
  }

  // ---- PreScore / Score ----

  public Status runPreScorePlugins(CycleState state, PodInfo pod, List<NodeInfo> nodes) {
    for (PreScorePlugin p : preScore) {
      long t0 = startNanos(state);
      Status s;
      try {
        s = p.preScore(state, pod, nodes);
      } catch (StatusException e) {
        s = e.status();
      }
      stop(state, "PreScore", p.name(), t0);
      if (s.isSkip()) {
        for (int i = 0; i < score.length; i++) {
          if (score[i].name().equals(p.name())) {
            state.setSkipScore(i);
          }
        }
        continue;
      }
      if (!s.isSuccess()) {
        return Status.error("running PreScore plugin \"" + p.name() + "\": " + s.message())
            .withPlugin(p.name());
      }
    }
    return Status.SUCCESS;
  }

  /**
   * RunScorePlugins: raw scores per plugin and node, NormalizeScore per plugin, range check, then
   * weights. Writes the weighted score of plugin {@code p} on node {@code i} to
   * {@code out[p][i]}; returns a non-success status on failure.
   */
  public Status runScorePlugins(CycleState state, PodInfo pod, List<NodeInfo> nodes, long[][] out) {
    int n = nodes.size();
    int pluginCount = score.length;
    boolean timed = latencyRecorder != null && state.recordPluginMetrics();
    ScoreFailures failures = new ScoreFailures();
    NodeInfoLister snapshot = handle.snapshot();
    NodeTable snapshotTable = snapshot == null ? null : snapshot.table();
    int[] rows = null;
    if (snapshotTable != null) {
      if (nodes instanceof NodeSubset subset && snapshotTable.follows(subset.all())) {
        rows = subset.rows();
      } else {
        if (tableRows.length < n) {
          tableRows = new int[Math.max(n, tableRows.length * 2)];
        }
        rows = rowsOf(snapshotTable, nodes, tableRows) ? tableRows : null;
      }
    }
    NodeTable table = rows == null ? null : snapshotTable;
    int[] tableRowsOfNodes = rows;
    // Plugin by plugin over each run of nodes: a plugin's own range scorer calls its score
    // directly. Plugins are pure, so the order of calls does not change any score; a failure is
    // the lowest node's, and at that node the first plugin's, as node by node.
    parallelizer.untilRanges(0, n, (lo, hi) -> {
      ScoreRun run = new ScoreRun(nodes, table, tableRowsOfNodes, lo, hi);
      for (int p = 0; p < pluginCount; p++) {
        if (state.skipScore(p)) {
          continue;
        }
        ScorePlugin.RangeScorer ranged = rangeScorers[p];
        if (ranged != null && !timed) {
          try {
            ranged.score(state, pod, run, out[p]);
            continue;
          } catch (StatusException e) {
            // Found again node by node below, which tells at which node.
          }
        }
        ScorePlugin plugin = score[p];
        for (int i = lo; i < hi; i++) {
          long t0 = timed ? System.nanoTime() : 0L;
          try {
            out[p][i] = plugin.score(state, pod, nodes.get(i));
            if (timed) {
              stop(state, "Score", plugin.name(), t0);
            }
          } catch (StatusException e) {
            failures.add(i, p,
                Status.error("running Score plugin \"" + plugin.name() + "\": " + e.status().message())
                    .withPlugin(plugin.name()));
            break;
          }
        }
      }
    });
    Status failure = failures.first();
    if (failure != null) {
      return failure;
    }
    for (int p = 0; p < pluginCount; p++) {
      if (state.skipScore(p)) {
        continue;
      }
      ScoreExtensions ext = score[p].scoreExtensions();
      if (ext != null) {
        Status s = ext.normalizeScore(state, pod, nodes, out[p]);
        if (!s.isSuccess()) {
          return Status.error("running Normalize on Score plugin \"" + score[p].name() + "\": " + s.message())
              .withPlugin(score[p].name());
        }
      }
      long weight = scoreWeights[p];
      long[] row = out[p];
      for (int i = 0; i < n; i++) {
        long v = row[i];
        if (v > ScorePlugin.MAX_NODE_SCORE || v < ScorePlugin.MIN_NODE_SCORE) {
          return Status.error(
                  "plugin \"" + score[p].name() + "\" returns an invalid score " + v
                      + ", it should in the range of [" + ScorePlugin.MIN_NODE_SCORE + ", "
                      + ScorePlugin.MAX_NODE_SCORE + "] after normalizing")
              .withPlugin(score[p].name());
        }
        row[i] = v * weight;
      }
    }
    return Status.SUCCESS;
  }

  /**
   * The Score failures of one cycle by node index, made only when a plugin fails (a cycle's
   * nodes all scoring is the rule), and the lowest index's kept so the result is a serial run's.
   */
  private static final class ScoreFailures {
    private int index = Integer.MAX_VALUE;
    private int plugin = Integer.MAX_VALUE;
    private Status status;

    synchronized void add(int nodeIndex, int pluginIndex, Status s) {
      if (nodeIndex < index || (nodeIndex == index && pluginIndex < plugin)) {
        index = nodeIndex;
        plugin = pluginIndex;
        status = s;
      }
    }

    synchronized Status first() {
      return status;
    }
  }

  public int scorePluginCount() {
    return score.length;
  }

  public String scorePluginName(int i) {
    return score[i].name();
  }

  // ---- Reserve / Permit / binding ----

  public Status runReservePluginsReserve(CycleState state, PodInfo pod, String nodeName) {
    for (ReservePlugin p : reserve) {
      long t0 = startNanos(state);
      Status s = p.reserve(state, pod, nodeName);
      stop(state, "Reserve", p.name(), t0);
      if (!s.isSuccess()) {
        if (s.isRejected()) {
          return s.withPlugin(p.name());
        }
        return Status.error("running Reserve plugin \"" + p.name() + "\": " + s.message())
            .withPlugin(p.name());
      }
    }
    return Status.SUCCESS;
  }

  /** Unreserve on every Reserve plugin, in reverse order. */
  public void runReservePluginsUnreserve(CycleState state, PodInfo pod, String nodeName) {
    for (int i = reserve.length - 1; i >= 0; i--) {
      long t0 = startNanos(state);
      reserve[i].unreserve(state, pod, nodeName);
      stop(state, "Unreserve", reserve[i].name(), t0);
    }
  }

  /**
   * RunPermitPlugins. Returns Success, a rejection naming the plugin, or Wait — in which case
   * {@code waits} holds each waiting plugin with its timeout (capped at 15 minutes).
   */
  public Status runPermitPlugins(
      CycleState state, PodInfo pod, String nodeName, Map<String, Long> waits) {
    for (PermitPlugin p : permit) {
      long t0 = startNanos(state);
      PermitResult r = p.permit(state, pod, nodeName);
      stop(state, "Permit", p.name(), t0);
      Status s = r.status();
      if (s.isSuccess()) {
        continue;
      }
      if (s.isRejected()) {
        return s.withPlugin(p.name());
      }
      if (s.isWait()) {
        waits.put(p.name(), Math.min(r.timeoutNanos(), PermitResult.MAX_TIMEOUT_NANOS));
        continue;
      }
      return Status.error("running Permit plugin \"" + p.name() + "\": " + s.message())
          .withPlugin(p.name());
    }
    return waits.isEmpty() ? Status.SUCCESS : Status.waiting().withPlugin(waits.keySet().iterator().next());
  }

  public Status runPreBindPlugins(CycleState state, PodInfo pod, String nodeName) {
    for (PreBindPlugin p : preBind) {
      long t0 = startNanos(state);
      Status s = p.preBind(state, pod, nodeName);
      stop(state, "PreBind", p.name(), t0);
      if (s.isSkip()) {
        continue;
      }
      if (!s.isSuccess()) {
        if (s.isRejected()) {
          return s.withPlugin(p.name());
        }
        return Status.error("running PreBind plugin \"" + p.name() + "\": " + s.message())
            .withPlugin(p.name());
      }
    }
    return Status.SUCCESS;
  }

  public Status runBindPlugins(CycleState state, PodInfo pod, String nodeName) {
    Status s = Status.SKIP;
    for (BindPlugin p : bind) {
      long t0 = startNanos(state);
      s = p.bind(state, pod, nodeName);
      stop(state, "Bind", p.name(), t0);
      if (s.isSkip()) {
        continue;
      }
      if (!s.isSuccess()) {
        if (s.isRejected()) {
          return s.withPlugin(p.name());
        }
        return Status.error("running Bind plugin \"" + p.name() + "\": " + s.message())
            .withPlugin(p.name());
      }
      return s;
    }
    return s;
  }

  public void runPostBindPlugins(CycleState state, PodInfo pod, String nodeName) {
    for (PostBindPlugin p : postBind) {
      long t0 = startNanos(state);
      p.postBind(state, pod, nodeName);
      stop(state, "PostBind", p.name(), t0);
    }
  }

  // ---- per-plugin latency ----

  /**
   * Times every plugin call of the attempts whose cycle state asks for plugin metrics (the
   * scheduler samples them, as upstream's pluginMetricsSamplePercent does); null turns timing off.
   * At Filter and Score the recorder is called from the parallelizer's threads.
   */
  public void setLatencyRecorder(LatencyRecorder recorder) {
    this.latencyRecorder = recorder;
  }

  private long startNanos(CycleState state) {
    return latencyRecorder == null || !state.recordPluginMetrics() ? 0L : System.nanoTime();
  }

  private void stop(CycleState state, String point, String plugin, long startNanos) {
    LatencyRecorder r = latencyRecorder;
    if (r != null && state.recordPluginMetrics()) {
      r.record(point, plugin, System.nanoTime() - startNanos);
    }
  }
}
