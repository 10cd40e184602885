package io.schedlab.benchmarks.perf;

import io.schedlab.api.Namespace;
import io.schedlab.api.NamespaceStatus;
import io.schedlab.api.Node;
import io.schedlab.api.ObjectMeta;
import io.schedlab.api.Pod;
import io.schedlab.api.PodGroup;
import io.schedlab.api.Quantity;
import io.schedlab.config.SchedulerConfig;
import io.schedlab.framework.PodInfo;
import io.schedlab.framework.Registry;
import io.schedlab.plugins.InTreeRegistry;
import io.schedlab.scheduler.Scheduler;
import io.schedlab.scheduler.SchedulerListener;
import io.schedlab.sim.EventLoop;
import io.schedlab.sim.Timer;
import io.schedlab.store.ClusterStore;
import io.schedlab.store.WatchEvent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.SplittableRandom;
import org.HdrHistogram.Histogram;

/**
 * Runs one {@link Workload} through the real scheduler, store and event loop with the default
 * profile (or the workload's own, e.g. Coscheduling for the gang workloads), the way upstream's scheduler_perf harness runs it against an in-process API server.
 *
 * <p>Implementation note: {@link #setUp()} runs every op before the measured one, each to
 * completion (all its pods bound), as upstream waits between ops. {@link #runMeasured()} then
 * creates the measured pods and steps the loop until every one of them is bound; only that phase
 * is timed. Pods are created {@link #POD_SPACING_NANOS} of virtual time apart, which is upstream's
 * client rate (QPS 5000). Scheduling cycles cost no virtual time, so this spacing is what makes
 * virtual time pass during the measured phase: 10,000 measured pods span 2 virtual seconds, in
 * which a churn op (one pod per 200 ms, as upstream) adds about 10 pods. Bindings are counted
 * from the scheduler's listener and only for the awaited namespace, so churn pods never count.
 * Every attempt's wall time during the measured phase goes into an HdrHistogram through the
 * scheduler's latency hook ({@link Scheduler#SCHEDULING_ATTEMPT}); the hook also hands over
 * sampled per-plugin timings, which are dropped.
 */
public final class WorkloadRunner implements AutoCloseable {
  /** Virtual time between two pod creations: upstream's client QPS of 5000. */
  public static final long POD_SPACING_NANOS = 200_000L;

  /** Upstream waits at most 10 minutes for an op's pods to be scheduled. */
  public static final long OP_TIMEOUT_NANOS = 10L * 60 * 1_000_000_000L;

  private static final String HOSTNAME_LABEL = "kubernetes.io/hostname";
  // Upstream's random-name alphabet (no vowels, no 0/1/3), as generateName uses.
  private static final String NAME_ALPHABET = "bcdfghjklmnpqrstvwxz2456789";
  private static final int NAME_SUFFIX_LENGTH = 5;

  private final Workload workload;
  private final EventLoop loop = new EventLoop();
  private final ClusterStore store;
  private final Scheduler scheduler;
  private final SplittableRandom nameRandom;
  private final Set<String> nodeNames = new HashSet<>();
  private final Set<String> namespaces = new HashSet<>();
  private final Histogram attemptNanos = new Histogram(3);
  private String awaitedNamespace;
  private int awaitedBound;
  private int pendingCreations;
  private int evicted;
  private boolean measuring;
  private boolean setUpDone;
  private boolean measuredDone;
  private Timer churn;

  /** A fresh cluster for {@code workload}, seeded for store uids, pod names, node names and tie-breaks. */
  public WorkloadRunner(Workload workload, long seed) {
    this.workload = workload;
    this.store = ClusterStore.simulated(loop, seed);
    this.nameRandom = new SplittableRandom(seed);
    Registry registry = InTreeRegistry.create();
    SchedulerListener listener =
        new SchedulerListener() {
          @Override
          public void onBound(PodInfo pod, String nodeName, long nowNanos) {
            if (pod.namespace().equals(awaitedNamespace)) {
              awaitedBound++;
            }
          }
        };
    this.scheduler =
        new Scheduler(config(workload, registry), registry, store, loop, Scheduler.Options.seeded(seed), listener);
    store.watch(Pod.class, this::onPodEvent);
    scheduler.start();
  }

  /** The workload's bundled profile, or upstream's default one. */
  static SchedulerConfig config(Workload workload, Registry registry) {
    if (workload.profile() == null) {
      return SchedulerConfig.defaults(registry);
    }
    String path = Workload.PROFILES + workload.profile();
    try (java.io.InputStream in = WorkloadRunner.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalArgumentException(
            workload.name() + " profile: expected " + path + " on the classpath, found none");
      }
      String yaml = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      return io.schedlab.config.SchedulerConfigLoader.parse(yaml, path, registry);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(workload.name() + " profile " + path + ": " + e.getMessage(), e);
    }
  }

  /** Sets up {@code workload} with {@code seed}, runs its measured op and closes the cluster. */
  public static WorkloadResult run(Workload workload, long seed) {
    try (WorkloadRunner runner = new WorkloadRunner(workload, seed)) {
      runner.setUp();
      return runner.runMeasured();
    }
  }

  /**
   * Runs every op before the measured one, each to completion.
   *
   * @throws IllegalStateException if an op's pods cannot all be bound, or when called twice
   */
  public void setUp() {
    if (setUpDone) {
      throw new IllegalStateException(workload.name() + ": setUp already ran");
    }
    setUpDone = true;
    for (int i = 0; i < workload.measuredOpIndex(); i++) {
      Op op = workload.ops().get(i);
      switch (op) {
        case Op.CreateNodes c -> createNodes(i, c);
        case Op.CreateNamespaces c -> {
          for (int n = 0; n < c.count(); n++) {
            ensureNamespace(c.prefix() + "-" + n);
          }
          drainDue();
        }
        case Op.CreatePods c -> {
          String ns = workload.namespaceOf(i);
          createPods(podsOf(c, ns), ns, c.count());
          awaitBound("op " + i + " (createPods)", ns, c.count());
        }
        case Op.CreatePodGroups c -> createPodGroups(c);
        case Op.Churn c -> startChurn(i, c);
      }
    }
  }

  /**
   * Creates the measured pods and runs until all are bound; only this is timed.
   *
   * @throws IllegalStateException if not every measured pod was bound, or the measured pods did
   *     not preempt exactly the workload's expected number of victims
   */
  public WorkloadResult runMeasured() {
    if (!setUpDone || measuredDone) {
      throw new IllegalStateException(workload.name() + ": runMeasured needs setUp first and runs once");
    }
    measuredDone = true;
    Op.CreatePods op = workload.measuredOp();
    String ns = workload.measuredNamespace();
    // Rendered before the clock starts: reading a template per pod is the harness's cost.
    IntFunction<Pod> pods = podsOf(op, ns);
    ensureNamespace(ns);
    drainDue();
    long attemptsBefore = scheduler.attempts();
    long virtualStart = loop.nowNanos();
    // Attempt times only: timing every plugin call of one attempt in ten would slow the run
    // being measured.
    scheduler.setLatencyRecorder(
        io.schedlab.framework.runtime.LatencyRecorder.attemptsOnly(this::recordLatency));
    measuring = true;
    long wallStart = System.nanoTime();
    createPods(pods, ns, op.count());
    awaitBound("measured op " + workload.measuredOpIndex(), ns, op.count());
    long wall = System.nanoTime() - wallStart;
    measuring = false;
    scheduler.setLatencyRecorder(null);
    stopChurn();
    if (evicted != workload.evictions()) {
      throw new IllegalStateException(workload.name() + ": expected the measured pods to preempt "
          + workload.evictions() + " pods, they preempted " + evicted);
    }
    if (workload.evictions() > 0) {
      checkPreemptorsAlone(ns);
    }
    return new WorkloadResult(
        workload.name(), op.count(), wall, loop.nowNanos() - virtualStart,
        scheduler.attempts() - attemptsBefore, evicted, attemptNanos);
  }

  /** The store, for checks after a run. */
  public ClusterStore store() {
    return store;
  }

  @Override
  public void close() {
    stopChurn();
    scheduler.close();
  }

  private void recordLatency(String point, String plugin, long nanos) {
    // The hook also receives sampled per-plugin calls; only whole attempts are kept.
    if (measuring && Scheduler.SCHEDULING_ATTEMPT.equals(point)) {
      attemptNanos.recordValue(nanos);
    }
  }

  private void onPodEvent(WatchEvent<Pod> e) {
    if (measuring && e.type() == WatchEvent.Type.DELETED) {
      evicted++;
    }
  }

  private void createNodes(int opIndex, Op.CreateNodes op) {
    Node template = op.template() == null ? Templates.baseNode() : Templates.node(op.template());
    String fixedName = template.metadata().name();
    if (fixedName != null && !fixedName.isEmpty() && op.count() != 1) {
      throw new IllegalArgumentException(workload.name() + ": op " + opIndex + ": node template "
          + op.template() + " has the fixed name " + fixedName + ", expected count 1, got " + op.count());
    }
    String prefix = op.template() == null ? "node-" + opIndex + "-" : template.metadata().generateName();
    Map<String, Quantity> capacity = template.status().capacity();
    // The API server defaults allocatable to capacity; the templates set capacity only.
    Node base = template.status().allocatable().isEmpty()
        ? template.withStatus(template.status().withAllocatable(capacity))
        : template;
    List<String> names = new ArrayList<>(op.count());
    for (int i = 0; i < op.count(); i++) {
      names.add(fixedName != null && !fixedName.isEmpty() ? fixedName : uniqueNodeName(prefix));
    }
    // Upstream labels zones over the node list as the API returns it: sorted by name.
    names.sort(Comparator.naturalOrder());
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i);
      Map<String, String> labels = new LinkedHashMap<>(base.metadata().labels());
      labels.put(HOSTNAME_LABEL, name);
      if (!op.zones().isEmpty()) {
        labels.put(Op.ZONE_LABEL, op.zones().get(i % op.zones().size()));
      }
      ObjectMeta meta = base.metadata().withName(name).withLabels(labels);
      store.create(base.withMetadata(meta));
    }
    drainDue();
  }

  private String uniqueNodeName(String prefix) {
    while (true) {
      StringBuilder b = new StringBuilder(prefix.length() + NAME_SUFFIX_LENGTH).append(prefix);
      for (int k = 0; k < NAME_SUFFIX_LENGTH; k++) {
        b.append(NAME_ALPHABET.charAt(nameRandom.nextInt(NAME_ALPHABET.length())));
      }
      String name = b.toString();
      if (nodeNames.add(name)) {
        return name;
      }
    }
  }

  private static Pod podTemplate(String template) {
    return template == null ? Templates.basePod() : Templates.pod(template);
  }

  /**
   * The op's pods by index, in {@code ns}: one object for a plain template, or each index's own
   * rendering of a gang template, rendered now.
   */
  private static IntFunction<Pod> podsOf(Op.CreatePods op, String ns) {
    if (op.podsPerGroup() == 0) {
      Pod template = podTemplate(op.template());
      Pod pod = template.withMetadata(template.metadata().withNamespace(ns));
      return i -> pod;
    }
    Pod[] pods = new Pod[op.count()];
    for (int i = 0; i < pods.length; i++) {
      Pod p = Templates.rendered(op.template(), Pod.class, i, op.podsPerGroup());
      pods[i] = p.withMetadata(p.metadata().withNamespace(ns));
    }
    return i -> pods[i];
  }

  private void createPodGroups(Op.CreatePodGroups op) {
    ensureNamespace(op.namespace());
    for (int i = 0; i < op.count(); i++) {
      PodGroup g = Templates.rendered(op.template(), PodGroup.class, i, op.podsPerGroup());
      store.create(g.withMetadata(g.metadata().withNamespace(op.namespace())));
    }
    drainDue();
  }

  private void ensureNamespace(String name) {
    if (namespaces.add(name)) {
      store.create(Namespace.of(ObjectMeta.named(null, name), NamespaceStatus.EMPTY));
    }
  }

  /** Schedules {@code count} creations of pods in {@code ns}, spaced as upstream's client. */
  private void createPods(IntFunction<Pod> podAt, String ns, int count) {
    ensureNamespace(ns);
    awaitedNamespace = ns;
    awaitedBound = 0;
    long t = loop.nowNanos();
    pendingCreations += count;
    String label = "create pod in " + ns;
    for (int i = 0; i < count; i++) {
      Pod pod = podAt.apply(i);
      loop.schedule(t, label, () -> {
        pendingCreations--;
        store.create(pod);
      });
      t += POD_SPACING_NANOS;
    }
  }

  /**
   * Steps the loop until {@code count} pods of {@code ns} are bound, or nothing more can happen:
   * no creation pending, the scheduler idle and nothing due now (what is left is the churn or the
   * unschedulable-pods flush), or upstream's 10-minute timeout.
   */
  private void awaitBound(String what, String ns, int count) {
    long deadline = loop.nowNanos() + OP_TIMEOUT_NANOS;
    while (awaitedBound < count) {
      long next = loop.nextEventNanos();
      if (next > deadline) {
        break;
      }
      if (next > loop.nowNanos() && pendingCreations == 0 && !scheduler.busy()) {
        break;
      }
      if (!loop.step()) {
        break;
      }
    }
    if (awaitedBound < count) {
      throw new IllegalStateException(workload.name() + ": " + what + ": " + awaitedBound + " of " + count
          + " pods in " + ns + " bound; the scheduler has nothing more it can do");
    }
  }

  private void drainDue() {
    while (loop.nextEventNanos() <= loop.nowNanos()) {
      loop.step();
    }
  }

  private void startChurn(int opIndex, Op.Churn op) {
    String ns = workload.namespaceOf(opIndex);
    ensureNamespace(ns);
    drainDue();
    Pod template = Templates.pod(op.template());
    Pod pod = template.withMetadata(template.metadata().withNamespace(ns));
    churn = loop.every(op.intervalNanos(), "churn in " + ns, () -> store.create(pod));
  }

  private void stopChurn() {
    if (churn != null) {
      churn.cancel();
      churn = null;
    }
  }

  /** Each preemptor's node must hold no pod but measured ones: its victims went before it bound. */
  private void checkPreemptorsAlone(String ns) {
    Map<String, Integer> others = new HashMap<>();
    Set<String> preemptorNodes = new HashSet<>();
    for (Pod p : store.list(Pod.class)) {
      String node = p.spec().nodeName();
      if (node == null || node.isEmpty()) {
        continue;
      }
      if (ns.equals(p.metadata().namespace())) {
        preemptorNodes.add(node);
      } else {
        others.merge(node, 1, Integer::sum);
      }
    }
    for (String node : preemptorNodes) {
      if (others.containsKey(node)) {
        throw new IllegalStateException(workload.name() + ": node " + node + " holds a preemptor and "
            + others.get(node) + " pods it should have preempted");
      }
    }
  }
}
