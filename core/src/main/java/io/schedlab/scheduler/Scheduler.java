package io.schedlab.scheduler;

import io.schedlab.api.Node;
import io.schedlab.api.Pod;
import io.schedlab.config.ProfileConfig;
import io.schedlab.config.SchedulerConfig;
import io.schedlab.framework.ClusterClient;
import io.schedlab.framework.ClusterEvent;
import io.schedlab.framework.CycleState;
import io.schedlab.framework.FilterRunner;
import io.schedlab.framework.Handle;
import io.schedlab.framework.LabelInterner;
import io.schedlab.framework.NodeInfo;
import io.schedlab.framework.NodeSubset;
import io.schedlab.framework.NodeInfoLister;
import io.schedlab.framework.NodeToStatus;
import io.schedlab.framework.ObjectLister;
import io.schedlab.framework.PodInfo;
import io.schedlab.framework.PostFilterResult;
import io.schedlab.framework.PreFilterResult;
import io.schedlab.framework.QueuedPodInfo;
import io.schedlab.framework.Registry;
import io.schedlab.framework.ResourceRegistry;
import io.schedlab.framework.Status;
import io.schedlab.framework.WaitingPod;
import io.schedlab.framework.runtime.Framework;
import io.schedlab.framework.runtime.Parallelizer;
import io.schedlab.queue.SchedulingQueue;
import io.schedlab.sim.EventLoop;
import io.schedlab.store.ClusterStore;
import io.schedlab.store.WatchEvent;
import io.schedlab.store.WatchHandle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * kube-scheduler's scheduleOne loop in virtual time.
 *
 * <p>Implementation note: the scheduler is fed only by the store's watches (nodes and pods), as
 * upstream's informers feed its cache and queue; binding writes back through the store. One
 * scheduling cycle runs per event-loop event; the binding cycle of each pod is a later event, so
 * the next pod's cycle can run before the previous pod is bound, exactly as upstream's
 * asynchronous binding goroutine. Filter and Score run in parallel chunks whose results are
 * consumed in node order, so the outcome equals a serial run. Ties in selectHost are broken by
 * reservoir sampling with a {@link SplittableRandom} seeded from the run's seed.
 */
public final class Scheduler implements AutoCloseable {
  /** Upstream's minFeasibleNodesToFind. */
  public static final int MIN_FEASIBLE_NODES_TO_FIND = 100;
  /** Upstream's minFeasibleNodesPercentageToFind. */
  public static final int MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND = 5;

  /** Knobs that are not part of KubeSchedulerConfiguration. */
  public record Options(long seed, long schedulingCycleNanos, long bindingNanos) {
    public static Options seeded(long seed) {
      return new Options(seed, 0, 0);
    }
  }

  private final SchedulerConfig config;
  private final ClusterStore store;
  private final EventLoop loop;
  private final Options options;
  private final SchedulerListener listener;
  private final ResourceRegistry resources = new ResourceRegistry();
  private final LabelInterner labels = new LabelInterner();
  private final SchedulerCache cache;
  private final Snapshot snapshot = new Snapshot();
  private final Nominator nominator = new Nominator();
  private final Map<String, Framework> profiles = new LinkedHashMap<>();
  private final SchedulingQueue queue;
  private final Parallelizer parallelizer;
  private final SplittableRandom random;
  private final ClusterClient client;
  private final ObjectLister objects;
  private final Map<String, WaitingPodImpl> waitingPods = new LinkedHashMap<>();
  private final List<WatchHandle> watches = new ArrayList<>();
  private int bindingsInFlight;
  private boolean cycleScheduled;
  private int nextStartNodeIndex;
  private long attempts;
  private Status[] filterResults = new Status[0];
  private long[][] scoreRows = new long[0][];
  private io.schedlab.framework.runtime.LatencyRecorder attemptRecorder;
  private String attemptResult = ATTEMPT_SCHEDULED;

  /** Upstream's pluginMetricsSamplePercent: the share of attempts whose plugins are timed. */
  public static final int PLUGIN_METRICS_SAMPLE_PERCENT = 10;

  /**
   * The point under which every attempt's scheduling-cycle wall time is recorded, as upstream's
   * scheduling_attempt_duration_seconds, with its result labels in place of a plugin name.
   */
  public static final String SCHEDULING_ATTEMPT = "SchedulingAttempt";
  public static final String ATTEMPT_SCHEDULED = "scheduled";
  public static final String ATTEMPT_UNSCHEDULABLE = "unschedulable";
  public static final String ATTEMPT_ERROR = "error";

  public Scheduler(
      SchedulerConfig config,
      Registry registry,
      ClusterStore store,
      EventLoop loop,
      Options options,
      SchedulerListener listener) {
    this.config = config;
    this.store = store;
    this.loop = loop;
    this.options = options;
    this.listener = listener == null ? new SchedulerListener() {} : listener;
    this.cache = new SchedulerCache(resources, labels);
    this.parallelizer = new Parallelizer(config.parallelism());
    this.random = new SplittableRandom(options.seed());
    this.client = new StoreClusterClient(store, () -> loop.clock().rfc3339());
    this.objects = new StoreObjectLister(store);
    for (ProfileConfig p : config.profiles()) {
      profiles.put(p.schedulerName(), new Framework(p, registry, new ProfileHandle(), parallelizer));
    }
    for (Framework f : profiles.values()) {
      ((ProfileHandle) f.handle()).framework = f;
    }
    Framework first = profiles.values().iterator().next();
    this.queue =
        new SchedulingQueue(
            loop,
            SchedulingQueue.fromLess(first.queueSort()::less),
            config.podInitialBackoffSeconds() * 1_000_000_000L,
            config.podMaxBackoffSeconds() * 1_000_000_000L,
            pod -> profileFor(pod).runPreEnqueuePlugins(pod),
            (pod, plugin, event) -> profileFor(pod).interested(plugin, event),
            this::wake);
  }

  /** Starts the informers: lists nodes and pods and watches them from then on. */
  public void start() {
    List<Node> nodes = store.listAndWatch(Node.class, this::onNodeEvent);
    for (Node n : nodes) {
      cache.addNode(n);
    }
    List<Pod> pods = store.listAndWatch(Pod.class, this::onPodEvent);
    for (Pod p : pods) {
      onPodAdded(p);
    }
  }

  public ResourceRegistry resources() {
    return resources;
  }

  public LabelInterner labels() {
    return labels;
  }

  public SchedulingQueue queue() {
    return queue;
  }

  public SchedulerCache cache() {
    return cache;
  }

  public Framework profile(String schedulerName) {
    return profiles.get(schedulerName);
  }

  /**
   * Times each plugin call of one attempt in ten (the first, the eleventh, ...) into
   * {@code recorder}, for every profile, and every attempt's whole scheduling cycle under
   * {@link #SCHEDULING_ATTEMPT}; null turns timing off. A recorder that does not {@link
   * io.schedlab.framework.runtime.LatencyRecorder#recordsPluginCalls record plugin calls} gets
   * the attempts only.
   */
  public void setLatencyRecorder(io.schedlab.framework.runtime.LatencyRecorder recorder) {
    attemptRecorder = recorder;
    for (Framework f : profiles.values()) {
      f.setLatencyRecorder(recorder != null && recorder.recordsPluginCalls() ? recorder : null);
    }
  }

  public long attempts() {
    return attempts;
  }

  /** Whether work is pending that will finish on its own: pods to schedule, bind or back off. */
  public boolean busy() {
    return queue.activeSize() > 0
        || queue.backoffSize() > 0
        || queue.inFlightSize() > 0
        || bindingsInFlight > 0
        || !waitingPods.isEmpty()
        || cycleScheduled;
  }

  @Override
  public void close() {
    for (WatchHandle w : watches) {
      w.close();
    }
    parallelizer.close();
  }

  private Framework profileFor(PodInfo pod) {
    Framework f = profiles.get(schedulerNameOf(pod.pod()));
    return f != null ? f : profiles.values().iterator().next();
  }

  private static String schedulerNameOf(Pod pod) {
    String s = pod.spec().schedulerName();
    return s == null || s.isEmpty() ? "default-scheduler" : s;
  }

  private PodInfo compile(Pod pod) {
    return new PodInfo(pod, resources, labels);
  }

  // ---- informer handlers ----

  private void onNodeEvent(WatchEvent<Node> e) {
    switch (e.type()) {
      case ADDED -> {
        cache.addNode(e.object());
        queue.moveAllToActiveOrBackoff(ClusterEvent.NODE_ADD);
      }
      case MODIFIED -> {
        cache.updateNode(e.object());
        int actions = nodeUpdateActions(e.oldObject(), e.object());
        if (actions != 0) {
          queue.moveAllToActiveOrBackoff(new ClusterEvent(ClusterEvent.Resource.NODE, actions));
        }
      }
      case DELETED -> cache.removeNode(e.object());
    }
  }

  static int nodeUpdateActions(Node old, Node now) {
    int a = 0;
    if (!Objects.equals(old.status().allocatable(), now.status().allocatable())) {
      a |= ClusterEvent.UPDATE_NODE_ALLOCATABLE;
    }
    if (!Objects.equals(old.metadata().labels(), now.metadata().labels())) {
      a |= ClusterEvent.UPDATE_NODE_LABEL;
    }
    if (!Objects.equals(old.spec().taints(), now.spec().taints())
        || !Objects.equals(old.spec().unschedulable(), now.spec().unschedulable())) {
      a |= ClusterEvent.UPDATE_NODE_TAINT;
    }
    if (!Objects.equals(conditionStatuses(old), conditionStatuses(now))) {
      a |= ClusterEvent.UPDATE_NODE_CONDITION;
    }
    if (!Objects.equals(old.metadata().annotations(), now.metadata().annotations())) {
      a |= ClusterEvent.UPDATE_NODE_ANNOTATION;
    }
    return a;
  }

  private static Map<String, String> conditionStatuses(Node n) {
    Map<String, String> m = new HashMap<>();
    for (var c : n.status().conditions()) {
      m.put(c.type(), c.status());
    }
    return m;
  }

  private static boolean terminal(Pod p) {
    String phase = p.status().phase();
    return "Succeeded".equals(phase) || "Failed".equals(phase);
  }

  private static boolean assigned(Pod p) {
    return p.spec().nodeName() != null && !p.spec().nodeName().isEmpty();
  }

  private void onPodEvent(WatchEvent<Pod> e) {
    switch (e.type()) {
      case ADDED -> onPodAdded(e.object());
      case MODIFIED -> onPodUpdated(e.oldObject(), e.object());
      case DELETED -> onPodDeleted(e.object());
    }
  }

  private void onPodAdded(Pod p) {
    if (assigned(p)) {
      if (!terminal(p)) {
        PodInfo info = compile(p);
        cache.addPod(info);
        nominator.delete(info.uid());
        queue.moveAllToActiveOrBackoff(ClusterEvent.ASSIGNED_POD_ADD);
      }
      return;
    }
    if (terminal(p)) {
      return;
    }
    PodInfo info = compile(p);
    if (!profiles.containsKey(schedulerNameOf(p))) {
      listener.onIgnored(
          info, "schedulerName \"" + schedulerNameOf(p) + "\" matches no profile of this scheduler");
      return;
    }
    String nominated = p.status().nominatedNodeName();
    if (nominated != null && !nominated.isEmpty()) {
      nominator.add(info, nominated);
    }
    queue.add(info);
  }

  private void onPodUpdated(Pod old, Pod p) {
    if (assigned(p)) {
      String uid = PodInfo.uidOf(p);
      if (terminal(p)) {
        onPodDeleted(p);
        return;
      }
      PodInfo info = compile(p);
      boolean wasKnown = cache.hasPod(uid);
      cache.addPod(info);
      nominator.delete(uid);
      if (!assigned(old)) {
        queue.delete(uid);
      }
      if (!wasKnown || !assigned(old)) {
        queue.moveAllToActiveOrBackoff(ClusterEvent.ASSIGNED_POD_ADD);
      }
      return;
    }
    if (terminal(p) || !profiles.containsKey(schedulerNameOf(p))) {
      return;
    }
    PodInfo info = compile(p);
    updateNomination(old, info);
    boolean mayHelp =
        !Objects.equals(old.spec(), p.spec())
            || !Objects.equals(old.metadata().labels(), p.metadata().labels());
    queue.update(info, x -> mayHelp);
  }

  /**
   * Upstream's UpdateNominatedPod: the nominator follows status.nominatedNodeName (so clearing it,
   * as preemption does for lower-priority pods, drops the nomination) and always holds the latest
   * object. A nomination made in memory survives an update that carries none on either side.
   */
  private void updateNomination(Pod old, PodInfo now) {
    String before = old.status().nominatedNodeName();
    String after = now.pod().status().nominatedNodeName();
    String node = after == null || after.isEmpty() ? null : after;
    if (node == null && (before == null || before.isEmpty())) {
      node = nominator.nodeOf(now.uid());
    }
    if (node == null) {
      nominator.delete(now.uid());
    } else {
      nominator.add(now, node);
    }
  }

  private void onPodDeleted(Pod p) {
    String uid = PodInfo.uidOf(p);
    nominator.delete(uid);
    WaitingPodImpl w = waitingPods.get(uid);
    if (w != null) {
      w.reject("", "pod deleted while waiting");
    }
    if (assigned(p) || cache.hasPod(uid)) {
      cache.removePod(uid);
      queue.moveAllToActiveOrBackoff(ClusterEvent.ASSIGNED_POD_DELETE);
    } else {
      queue.delete(uid);
    }
  }

  // ---- scheduling cycle ----

  private void wake() {
    if (!cycleScheduled) {
      cycleScheduled = true;
      loop.after(options.schedulingCycleNanos(), "scheduler: scheduleOne", this::scheduleOne);
    }
  }

  private void scheduleOne() {
    cycleScheduled = false;
    QueuedPodInfo q = queue.pop();
    if (q == null) {
      return;
    }
    io.schedlab.framework.runtime.LatencyRecorder recorder = attemptRecorder;
    long before = attempts;
    long t0 = recorder == null ? 0L : System.nanoTime();
    attemptResult = ATTEMPT_SCHEDULED;
    try {
      scheduleOne(q);
      if (recorder != null && attempts != before) {
        recorder.record(SCHEDULING_ATTEMPT, attemptResult, System.nanoTime() - t0);
      }
    } finally {
      if (queue.activeSize() > 0) {
        wake();
      }
    }
  }

  private void scheduleOne(QueuedPodInfo q) {
    PodInfo pod = q.pod();
    Pod current = store.get(Pod.class, pod.namespace(), pod.name());
    if (current == null || !Objects.equals(PodInfo.uidOf(current), pod.uid()) || assigned(current)
        || cache.isAssumed(pod.uid())) {
      // Deleted, replaced or bound elsewhere while queued: upstream's skipPodSchedule.
      queue.done(pod.uid());
      return;
    }
    attempts++;
    Framework fwk = profileFor(pod);
    CycleState state = new CycleState();
    // Upstream draws 10 % of cycles at random; counting keeps runs reproducible.
    state.setRecordPluginMetrics((attempts - 1) % (100 / PLUGIN_METRICS_SAMPLE_PERCENT) == 0);
    cache.updateSnapshot(snapshot);

    ScheduleOutcome outcome = schedulePod(fwk, state, pod);
    if (outcome.fitError != null || !outcome.status.isSuccess()) {
      String nominatedNode = null;
      Status status = outcome.status;
      String message;
      if (outcome.fitError != null) {
        FitError fe = outcome.fitError;
        if (fwk.hasPostFilterPlugins()) {
          PostFilterResult r = fwk.runPostFilterPlugins(state, pod, fe.nodeToStatus());
          if (!r.status().isSuccess()) {
            fe.setPostFilterMsg(r.status().message());
          }
          nominatedNode = r.nominatedNodeName();
        }
        message = fe.message();
        status = Status.unschedulable(message);
        q.unschedulablePlugins.clear();
        q.unschedulablePlugins.addAll(fe.unschedulablePlugins());
      } else {
        message = status.message();
        q.unschedulablePlugins.clear();
      }
      handleFailure(fwk, q, status, message, nominatedNode);
      return;
    }

    String host = outcome.host;
    PodInfo assumed = pod.withNodeName(host);
    cache.assumePod(assumed, host);
    listener.onAssumed(assumed, host, loop.nowNanos());

    Status reserve = fwk.runReservePluginsReserve(state, assumed, host);
    if (!reserve.isSuccess()) {
      fwk.runReservePluginsUnreserve(state, assumed, host);
      cache.forgetPod(assumed);
      rejectBy(q, reserve);
      handleFailure(fwk, q, reserve, reserve.message(), null);
      return;
    }
    Map<String, Long> waits = new LinkedHashMap<>();
    Status permit = fwk.runPermitPlugins(state, assumed, host, waits);
    if (!permit.isSuccess() && !permit.isWait()) {
      fwk.runReservePluginsUnreserve(state, assumed, host);
      cache.forgetPod(assumed);
      rejectBy(q, permit);
      handleFailure(fwk, q, permit, permit.message(), null);
      return;
    }
    nominator.delete(pod.uid());
    bindingsInFlight++;
    if (permit.isWait()) {
      waitingPods.put(pod.uid(), new WaitingPodImpl(fwk, state, q, assumed, host, waits));
    } else {
      loop.after(
          options.bindingNanos(), "scheduler: bind " + pod.key(),
          () -> bindingCycle(fwk, state, q, assumed, host));
    }
  }

  private static void rejectBy(QueuedPodInfo q, Status s) {
    q.unschedulablePlugins.clear();
    if (s.isRejected() && s.plugin() != null) {
      q.unschedulablePlugins.add(s.plugin());
    }
  }

  private record ScheduleOutcome(String host, Status status, FitError fitError) {}

  /** schedulePod: find the feasible nodes, score them, pick one. */
  private ScheduleOutcome schedulePod(Framework fwk, CycleState state, PodInfo pod) {
    if (snapshot.size() == 0) {
      return new ScheduleOutcome(null, Status.unschedulable("no nodes available to schedule pods"), null);
    }
    NodeToStatus diagnosis = new NodeToStatus();
    FitError fitError = new FitError(snapshot.size(), diagnosis);
    // Held as snapshot positions, which are also the nodes' table rows for Score.
    NodeSubset feasible = new NodeSubset(
        snapshot.list, numFeasibleNodesToFind(fwk.percentageOfNodesToScore(), snapshot.size()));
    Status s = findNodesThatFitPod(fwk, state, pod, diagnosis, fitError, feasible);
    if (!s.isSuccess()) {
      if (s.isRejected()) {
        return new ScheduleOutcome(null, s, fitError);
      }
      return new ScheduleOutcome(null, s, null);
    }
    if (feasible.isEmpty()) {
      return new ScheduleOutcome(null, Status.unschedulable(), fitError);
    }
    if (feasible.size() == 1) {
      return new ScheduleOutcome(feasible.get(0).name(), Status.SUCCESS, null);
    }
    long[] totals = new long[feasible.size()];
    Status ps = prioritizeNodes(fwk, state, pod, feasible, totals);
    if (!ps.isSuccess()) {
      return new ScheduleOutcome(null, ps, null);
    }
    return new ScheduleOutcome(feasible.get(selectHost(totals)).name(), Status.SUCCESS, null);
  }

  private Status findNodesThatFitPod(
      Framework fwk, CycleState state, PodInfo pod, NodeToStatus diagnosis, FitError fitError,
      NodeSubset feasible) {
    List<NodeInfo> all = snapshot.list;
    java.util.Set<String> pluginsWithNodes = new HashSet<>();
    PreFilterResult pre = fwk.runPreFilterPlugins(state, pod, all, pluginsWithNodes);
    Status ps = pre.status();
    if (!ps.isSuccess()) {
      if (!ps.isRejected()) {
        return ps;
      }
      diagnosis.setAbsentStatus(ps);
      fitError.setPreFilterMsg(ps.message());
      if (ps.plugin() != null) {
        fitError.unschedulablePlugins().add(ps.plugin());
      }
      fitError.unschedulablePlugins().addAll(pluginsWithNodes);
      return ps;
    }

    // A pod nominated by an earlier preemption tries its nominated node first.
    String nominated = pod.pod().status().nominatedNodeName();
    if (nominated != null && !nominated.isEmpty()) {
      NodeInfo n = snapshot.get(nominated);
      if (n != null && (pre.allNodes() || pre.nodeNames().contains(nominated))) {
        Status fs = fwk.runFilterPluginsWithNominatedPods(state, pod, n);
        if (fs.isSuccess()) {
          feasible.add(n);
          return Status.SUCCESS;
        }
        if (!fs.isRejected()) {
          return fs;
        }
      }
    }

    List<NodeInfo> nodes = all;
    if (!pre.allNodes()) {
      // Looked up by name, as upstream does, so the cost follows the names, not the cluster;
      // put in snapshot order so the scan does not depend on the set's iteration order.
      int[] at = new int[pre.nodeNames().size()];
      int found = 0;
      for (String name : pre.nodeNames()) {
        NodeInfo n = snapshot.get(name);
        if (n != null) {
          at[found++] = n.index();
        }
      }
      java.util.Arrays.sort(at, 0, found);
      nodes = new ArrayList<>(found);
      for (int k = 0; k < found; k++) {
        nodes.add(all.get(at[k]));
      }
      List<String> names = new ArrayList<>(new java.util.TreeSet<>(pluginsWithNodes));
      diagnosis.setAbsentStatus(
          Status.unresolvable("node(s) didn't satisfy plugin(s) " + "[" + String.join(" ", names) + "]"));
      fitError.unschedulablePlugins().addAll(pluginsWithNodes);
    }
    return findNodesThatPassFilters(fwk, state, pod, nodes, diagnosis, fitError, feasible);
  }

  /** Upstream's numFeasibleNodesToFind. */
  public static int numFeasibleNodesToFind(int percentageOfNodesToScore, int numAllNodes) {
    if (numAllNodes < MIN_FEASIBLE_NODES_TO_FIND) {
      return numAllNodes;
    }
    int percentage = percentageOfNodesToScore;
    if (percentage == 0) {
      percentage = 50 - numAllNodes / 125;
      if (percentage < MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND) {
        percentage = MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND;
      }
    }
    int numNodes = (int) ((long) numAllNodes * percentage / 100);
    if (numNodes < MIN_FEASIBLE_NODES_TO_FIND) {
      return MIN_FEASIBLE_NODES_TO_FIND;
    }
    return numNodes;
  }

  private int percentageOf(Framework fwk) {
    int p = fwk.percentageOfNodesToScore();
    return p;
  }

  /**
   * Filters nodes starting at the rotating start index until enough feasible nodes are found.
   * Nodes are evaluated in parallel waves, but results are consumed in order and the scan stops
   * exactly where a serial scan would, so feasible nodes, diagnosis and the next start index are
   * those of a serial run.
   */
  private Status findNodesThatPassFilters(
      Framework fwk, CycleState state, PodInfo pod, List<NodeInfo> nodes, NodeToStatus diagnosis,
      FitError fitError, NodeSubset feasible) {
    int n = nodes.size();
    // Over the whole snapshot a node's position is its row; over a PreFilter subset it is not.
    boolean positionsAreRows = nodes == feasible.all();
    if (n == 0) {
      return Status.SUCCESS; // PreFilter named no node the snapshot has
    }
    int numToFind = numFeasibleNodesToFind(percentageOf(fwk), n);
    if (!fwk.hasFilterPlugins()) {
      for (int i = 0; i < numToFind; i++) {
        feasible.add(nodes.get((nextStartNodeIndex + i) % n));
      }
      return Status.SUCCESS;
    }
    if (filterResults.length < n) {
      filterResults = new Status[n];
    }
    // Every wave writes its own slots before reading them, so stale entries are never read.
    Status[] results = filterResults;
    int start = nextStartNodeIndex % n;
    int processed = 0;
    int wave = Math.max(numToFind, 1);
    int from = 0;
    Status error = null;
    scan:
    while (from < n) {
      int to = Math.min(n, from + wave);
      int base = from;
      fwk.runFilterPluginsOnWave(state, pod, nodes, start, base, to, results);
      for (int i = base; i < to; i++) {
        Status s = results[i];
        processed = i + 1;
        int k = (start + i) % n;
        if (s == null || s.isSuccess()) {
          if (positionsAreRows) {
            feasible.addRow(k);
          } else {
            feasible.add(nodes.get(k));
          }
          if (feasible.size() >= numToFind) {
            break scan;
          }
        } else if (s.isRejected()) {
          diagnosis.set(nodes.get(k).name(), s);
          if (s.plugin() != null) {
            fitError.unschedulablePlugins().add(s.plugin());
          }
        } else {
          error = s;
          break scan;
        }
      }
      from = to;
      // Later waves are smaller: most clusters find enough nodes in the first one.
      wave = Math.max(numToFind - feasible.size(), 64);
    }
    if (error != null) {
      return error;
    }
    nextStartNodeIndex = (nextStartNodeIndex + processed) % n;
    return Status.SUCCESS;
  }

  private Status prioritizeNodes(
      Framework fwk, CycleState state, PodInfo pod, List<NodeInfo> feasible, long[] totals) {
    if (!fwk.hasScorePlugins()) {
      java.util.Arrays.fill(totals, 1);
      return Status.SUCCESS;
    }
    Status s = fwk.runPreScorePlugins(state, pod, feasible);
    if (!s.isSuccess()) {
      return s;
    }
    long[][] scores = scoreRows(fwk.scorePluginCount(), feasible.size());
    s = fwk.runScorePlugins(state, pod, feasible, scores);
    if (!s.isSuccess()) {
      return s;
    }
    for (int p = 0; p < scores.length; p++) {
      if (state.skipScore(p)) {
        continue; // its row holds an earlier cycle's scores
      }
      long[] row = scores[p];
      for (int i = 0; i < totals.length; i++) {
        totals[i] += row[i];
      }
    }
    return Status.SUCCESS;
  }

  /**
   * Rows for the score plugins' results, kept from cycle to cycle while the plugin and feasible
   * node counts stay the same (they usually do: numFeasibleNodesToFind of a steady cluster), so
   * a cycle allocates none. Rows are exactly {@code nodes} long because NormalizeScore plugins
   * read whole rows.
   */
  private long[][] scoreRows(int plugins, int nodes) {
    if (scoreRows.length != plugins || (plugins > 0 && scoreRows[0].length != nodes)) {
      scoreRows = new long[plugins][nodes];
    }
    return scoreRows;
  }

  /** The index of a highest total, ties broken uniformly by reservoir sampling (upstream selectHost). */
  int selectHost(long[] totals) {
    int selected = 0;
    long max = totals[0];
    int count = 1;
    for (int i = 1; i < totals.length; i++) {
      if (totals[i] > max) {
        max = totals[i];
        selected = i;
        count = 1;
      } else if (totals[i] == max) {
        count++;
        if (random.nextInt(count) == 0) {
          selected = i;
        }
      }
    }
    return selected;
  }

  // ---- failures ----

  private void handleFailure(
      Framework fwk, QueuedPodInfo q, Status status, String message, String nominatedNode) {
    PodInfo pod = q.pod();
    attemptResult = status.isRejected() ? ATTEMPT_UNSCHEDULABLE : ATTEMPT_ERROR;
    q.lastFailureMessage = message;
    Pod current = store.get(Pod.class, pod.namespace(), pod.name());
    listener.onFailure(pod, status, message, loop.nowNanos());
    if (current == null || !Objects.equals(PodInfo.uidOf(current), pod.uid())) {
      queue.done(pod.uid());
      return;
    }
    if (assigned(current)) {
      queue.done(pod.uid());
      return;
    }
    PodInfo latest = compile(current);
    q.setPod(latest);
    queue.addUnschedulable(q);
    if (nominatedNode != null) {
      nominator.add(latest, nominatedNode);
      client.setNominatedNodeName(current, nominatedNode);
    }
    String reason = status.isRejected() ? "Unschedulable" : "SchedulerError";
    client.setUnschedulableCondition(current, reason, message);
  }

  // ---- binding cycle ----

  private void bindingCycle(Framework fwk, CycleState state, QueuedPodInfo q, PodInfo assumed, String host) {
    bindingsInFlight--;
    Status s = fwk.runPreBindPlugins(state, assumed, host);
    if (s.isSuccess()) {
      s = fwk.runBindPlugins(state, assumed, host);
    }
    if (!s.isSuccess()) {
      handleBindingFailure(fwk, state, q, assumed, host, s);
      return;
    }
    queue.done(assumed.uid());
    fwk.runPostBindPlugins(state, assumed, host);
    listener.onBound(assumed, host, loop.nowNanos());
  }

  private void handleBindingFailure(
      Framework fwk, CycleState state, QueuedPodInfo q, PodInfo assumed, String host, Status s) {
    fwk.runReservePluginsUnreserve(state, assumed, host);
    cache.forgetPod(assumed);
    String uid = assumed.uid();
    queue.moveAllToActiveOrBackoff(ClusterEvent.ASSIGNED_POD_DELETE, p -> !p.uid().equals(uid));
    rejectBy(q, s);
    handleFailure(fwk, q, s, s.message(), null);
  }

  // ---- permit waiting ----

  private final class WaitingPodImpl implements WaitingPod {
    private final Framework fwk;
    private final CycleState state;
    private final QueuedPodInfo q;
    private final PodInfo pod;
    private final String host;
    private final Map<String, io.schedlab.sim.Timer> pending = new LinkedHashMap<>();
    private boolean resolved;

    WaitingPodImpl(Framework fwk, CycleState state, QueuedPodInfo q, PodInfo pod, String host, Map<String, Long> waits) {
      this.fwk = fwk;
      this.state = state;
      this.q = q;
      this.pod = pod;
      this.host = host;
      for (Map.Entry<String, Long> e : waits.entrySet()) {
        String plugin = e.getKey();
        long timeout = e.getValue();
        pending.put(
            plugin,
            loop.after(
                timeout, "permit timeout " + pod.key(),
                () ->
                    reject(
                        plugin,
                        "rejected due to timeout after waiting " + io.schedlab.sim.Durations.format(timeout)
                            + " at plugin " + plugin)));
      }
    }

    @Override
    public PodInfo pod() {
      return pod;
    }

    @Override
    public List<String> pendingPlugins() {
      return List.copyOf(pending.keySet());
    }

    @Override
    public void allow(String pluginName) {
      if (resolved) {
        return;
      }
      io.schedlab.sim.Timer t = pending.remove(pluginName);
      if (t != null) {
        t.cancel();
      }
      if (pending.isEmpty()) {
        resolved = true;
        waitingPods.remove(pod.uid());
        loop.after(options.bindingNanos(), "scheduler: bind " + pod.key(),
            () -> bindingCycle(fwk, state, q, pod, host));
      }
    }

    @Override
    public void reject(String pluginName, String message) {
      if (resolved) {
        return;
      }
      resolved = true;
      for (io.schedlab.sim.Timer t : pending.values()) {
        t.cancel();
      }
      pending.clear();
      waitingPods.remove(pod.uid());
      Status s = Status.unschedulable(message).withPlugin(pluginName.isEmpty() ? null : pluginName);
      // The binding cycle's failure path: it owns the in-flight binding slot.
      loop.after(0, "scheduler: permit rejected " + pod.key(), () -> {
        bindingsInFlight--;
        handleBindingFailure(fwk, state, q, pod, host, s);
      });
    }
  }

  // ---- the handle plugins see ----

  private final class ProfileHandle implements Handle {
    Framework framework;

    @Override
    public NodeInfoLister snapshot() {
      return snapshot;
    }

    @Override
    public ClusterClient client() {
      return client;
    }

    @Override
    public long nowNanos() {
      return loop.nowNanos();
    }

    @Override
    public java.time.Instant now() {
      return loop.clock().instant();
    }

    @Override
    public WaitingPod waitingPod(String uid) {
      return waitingPods.get(uid);
    }

    @Override
    public void iterateWaitingPods(Consumer<WaitingPod> action) {
      for (WaitingPod w : List.copyOf(waitingPods.values())) {
        action.accept(w);
      }
    }

    @Override
    public void activate(List<String> podUids) {
      queue.activate(podUids);
    }

    @Override
    public List<PodInfo> nominatedPodsForNode(String nodeName) {
      return nominator.forNode(nodeName);
    }

    @Override
    public boolean anyNominatedPods() {
      return !nominator.isEmpty();
    }

    @Override
    public ResourceRegistry resources() {
      return resources;
    }

    @Override
    public LabelInterner labels() {
      return labels;
    }

    @Override
    public PodInfo compile(Pod pod) {
      return Scheduler.this.compile(pod);
    }

    @Override
    public int parallelism() {
      return config.parallelism();
    }

    @Override
    public FilterRunner filterRunner() {
      return framework;
    }

    @Override
    public ObjectLister objects() {
      return objects;
    }

    @Override
    public java.util.random.RandomGenerator random() {
      return random;
    }
  }
}
