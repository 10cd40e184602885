package io.schedlab.node;

import io.schedlab.api.Container;
import io.schedlab.api.ContainerStatus;
import io.schedlab.api.ContainerImage;
import io.schedlab.api.Lease;
import io.schedlab.api.LeaseSpec;
import io.schedlab.api.Node;
import io.schedlab.api.NodeAddress;
import io.schedlab.api.NodeCondition;
import io.schedlab.api.NodeStatus;
import io.schedlab.api.NodeSystemInfo;
import io.schedlab.api.ObjectMeta;
import io.schedlab.api.OwnerReference;
import io.schedlab.api.Pod;
import io.schedlab.api.Quantity;
import io.schedlab.cluster.ClusterComponent;
import io.schedlab.cluster.NodeAgent;
import io.schedlab.cluster.ClusterContext;
import io.schedlab.cluster.SimEvent;
import io.schedlab.framework.ResourceRegistry;
import io.schedlab.sim.Durations;
import io.schedlab.sim.EventLoop;
import io.schedlab.sim.Timer;
import io.schedlab.sim.VirtualClock;
import io.schedlab.store.AlreadyExistsException;
import io.schedlab.store.ClusterStore;
import io.schedlab.store.ConflictException;
import io.schedlab.store.NotFoundException;
import io.schedlab.store.Preconditions;
import io.schedlab.store.WatchEvent;
import io.schedlab.store.WatchHandle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * One node's kubelet and container runtime, on the event loop: registers its Node, keeps its
 * Lease and status fresh, admits the pods bound to it, pulls their images, runs them for the
 * workload's duration, restarts them per restartPolicy with crash-loop back-off, and stops and
 * removes them when they are deleted.
 *
 * <p>Implementation note: the lease renewal and the status check are the hot path (two events
 * per node every ~10 s). The lease write reuses the last stored Lease and changes only renewTime;
 * the status check returns without building a status when nobody else touched the Node since
 * this kubelet last wrote it, no input of the status changed, and the report is not due.
 */
public final class Kubelet implements NodeAgent {
  /** The namespace of node leases. */
  public static final String LEASE_NAMESPACE = "kube-node-lease";
  /** wait.JitterUntil's factor for the lease and status loops. */
  static final double JITTER = 0.04;
  /** Crash-loop back-off: kubelet backOffPeriod 10 s, doubling. */
  static final long BACKOFF_INITIAL = 10 * Durations.SECOND;
  /** Crash-loop back-off cap: MaxContainerBackOff 300 s; an entry idle 2×cap (10 min) resets. */
  static final long BACKOFF_MAX = 300 * Durations.SECOND;
  /** nodeStatusMaxImages default 50. */
  static final int MAX_IMAGES = 50;
  /** The eviction manager's monitoring interval (housekeeping, 10 s). */
  static final long EVICTION_MONITORING_PERIOD = 10 * Durations.SECOND;
  /** Exit code of a container killed by SIGKILL. */
  static final int EXIT_KILLED = 137;

  private static final String TRUE = "True";
  private static final String FALSE = "False";

  private final Node template;
  private final KubeletConfig config;
  private final Ipv4Range internalIps;
  private final Ipv4Range externalIps;
  private final String nodeName;
  private final ResourceRegistry registry = new ResourceRegistry();
  private final Map<String, PodRun> pods = new LinkedHashMap<>();
  private final LinkedHashMap<String, Long> images = new LinkedHashMap<>();
  private final Map<String, Long> pulling = new HashMap<>();
  private final List<Timer> pullTimers = new ArrayList<>();
  private final NodeConditions conditions = new NodeConditions();

  private ClusterContext ctx;
  private ClusterStore store;
  private EventLoop loop;
  private SplittableRandom random;
  private String internalIP;
  private String externalIP;
  private Ipv4Range podIps;
  private List<Pod> staticPods = List.of();

  private boolean running;
  private boolean restarted;
  private boolean partitioned;
  private Timer leaseTimer;
  private Timer statusTimer;
  private Timer evictionTimer;
  private WatchHandle podWatch;
  private Lease lease;
  private Node lastWritten;
  private long lastReportNanos;
  private int imagesVersion;
  private int reportedImagesVersion = -1;
  private long pullFreeAt;

  /**
   * @param template the node to register: name, labels, taints, capacity, images, optional
   *     nodeInfo; its status conditions and addresses are ignored
   * @param internalIps where the node's InternalIP comes from
   * @param externalIps where its ExternalIP comes from, or null for none
   */
  public Kubelet(Node template, KubeletConfig config, Ipv4Range internalIps,
      Ipv4Range externalIps) {
    if (template == null || template.metadata().name() == null
        || template.metadata().name().isEmpty()) {
      throw new IllegalArgumentException("kubelet: expected a node template with metadata.name");
    }
    if (config == null || internalIps == null) {
      throw new IllegalArgumentException("kubelet " + template.metadata().name()
          + ": expected a config and an InternalIP range");
    }
    this.template = template;
    this.config = config;
    this.internalIps = internalIps;
    this.externalIps = externalIps;
    this.nodeName = template.metadata().name();
  }

  public Kubelet(Node template, KubeletConfig config, Ipv4Range internalIps) {
    this(template, config, internalIps, null);
  }

  @Override
  public String name() {
    return "kubelet/" + nodeName;
  }

  public String nodeName() {
    return nodeName;
  }

  public boolean isRunning() {
    return running;
  }

  public boolean isPartitioned() {
    return partitioned;
  }

  /** The images present on the node, in the order they arrived. */
  public List<String> images() {
    return new ArrayList<>(images.keySet());
  }

  @Override
  public void start(ClusterContext context) {
    if (ctx != null) {
      throw new IllegalStateException(name() + ": already started");
    }
    this.ctx = context;
    this.store = context.store();
    this.loop = context.loop();
    this.random = context.random(name());
    this.internalIP = internalIps.next();
    this.externalIP = externalIps == null ? null : externalIps.next();
    for (ContainerImage image : template.status().images()) {
      long size = image.sizeBytes() == null ? 0 : image.sizeBytes();
      for (String n : image.names()) {
        images.put(n, size);
      }
    }
    this.staticPods = StaticPods.load(config.staticPodPath(), nodeName);
    boot();
  }

  // ---------------------------------------------------------------- faults

  /** The kubelet process (and its containers) stops: no lease, no status, nothing runs. */
  public void crash() {
    requireStarted();
    if (!running) {
      return;
    }
    running = false;
    cancel(leaseTimer);
    cancel(statusTimer);
    cancel(evictionTimer);
    for (Timer t : pullTimers) {
      t.cancel();
    }
    pullTimers.clear();
    pulling.clear();
    for (PodRun run : pods.values()) {
      stop(run);
    }
    pods.clear();
    if (podWatch != null) {
      podWatch.close();
      podWatch = null;
    }
    lease = null;
    lastWritten = null;
    ctx.record(SimEvent.of(ctx.now(), SimEvent.Types.FAULT, nodeName, null)
        .with("fault", "kubelet_crash"));
  }

  /** The kubelet starts again: re-registers, re-lists its pods and restarts their containers. */
  public void recover() {
    requireStarted();
    if (running) {
      return;
    }
    ctx.record(SimEvent.of(ctx.now(), SimEvent.Types.FAULT, nodeName, null)
        .with("fault", "kubelet_recover"));
    boot();
  }

  /**
   * Cuts ({@code true}) or heals ({@code false}) the kubelet's link to the API server. Cut off,
   * containers keep running but no lease, status or pod change reaches the store, and no change
   * reaches the kubelet; healed, it re-lists and catches up.
   */
  public void partition(boolean cut) {
    requireStarted();
    if (partitioned == cut) {
      return;
    }
    partitioned = cut;
    ctx.record(SimEvent.of(ctx.now(), SimEvent.Types.FAULT, nodeName, null)
        .with("fault", cut ? "partition" : "partition_healed"));
    if (!cut && running) {
      resync();
    }
  }

  // ---------------------------------------------------------------- boot, lease, status

  private void boot() {
    running = true;
    conditions.reset();
    if (!partitioned) { // else the heal's resync registers and renews
      register();
      renewLease();
    }
    leaseTimer = loop.after(jittered(config.leaseRenewIntervalNanos()), "kubelet-lease",
        this::leaseTick);
    statusTimer = loop.after(jittered(config.nodeStatusUpdateFrequencyNanos()),
        "kubelet-status", this::statusTick);
    evictionTimer = loop.every(EVICTION_MONITORING_PERIOD, "kubelet-eviction",
        this::evictionTick);
    List<Pod> bound = store.listAndWatch(Pod.class, this::isMine, this::onPodEvent);
    if (partitioned) {
      bound = List.of(); // cannot list; the heal's resync catches up
    }
    for (Pod pod : staticPods) {
      PodRun run = new PodRun(pod, true);
      pods.put(run.key, run);
      admit(run);
      ensureMirror(run);
    }
    for (Pod pod : bound) {
      if (!pods.containsKey(pod.key())) {
        addPod(pod, restarted);
      }
    }
    restarted = true;
  }

  private boolean isMine(Pod pod) {
    return nodeName.equals(pod.spec().nodeName());
  }

  private void leaseTick() {
    if (!running) {
      return;
    }
    leaseTimer = loop.after(jittered(config.leaseRenewIntervalNanos()), "kubelet-lease",
        this::leaseTick);
    if (!partitioned) {
      renewLease();
    }
  }

  private void statusTick() {
    if (!running) {
      return;
    }
    statusTimer = loop.after(jittered(config.nodeStatusUpdateFrequencyNanos()),
        "kubelet-status", this::statusTick);
    if (!partitioned) {
      syncNodeStatus();
    }
  }

  private long jittered(long period) {
    return period + (long) (random.nextDouble() * JITTER * period);
  }

  private void renewLease() {
    String now = VirtualClock.rfc3339Micro(loop.clock().epoch(), loop.nowNanos());
    if (lease != null) {
      LeaseSpec s = lease.spec();
      try {
        lease = store.update(lease.withSpec(new LeaseSpec(s.holderIdentity(),
            s.leaseDurationSeconds(), s.acquireTime(), now, s.leaseTransitions())));
        return;
      } catch (ConflictException | NotFoundException e) {
        lease = null; // someone else wrote or removed it: fall back to get-or-create
      }
    }
    Lease stored = store.get(Lease.class, LEASE_NAMESPACE, nodeName);
    LeaseSpec spec = new LeaseSpec(nodeName, config.nodeLeaseDurationSeconds(), null, now, null);
    if (stored != null) {
      lease = store.update(stored.withSpec(spec));
      return;
    }
    Node node = store.get(Node.class, null, nodeName);
    ObjectMeta meta = ObjectMeta.named(LEASE_NAMESPACE, nodeName);
    if (node != null) {
      meta = meta.withOwnerReferences(List.of(
          new OwnerReference("v1", "Node", nodeName, node.metadata().uid(), null, null)));
    }
    try {
      lease = store.create(Lease.of(meta, spec));
    } catch (AlreadyExistsException e) {
      lease = null;
    }
  }

  private void register() {
    Node stored = store.get(Node.class, null, nodeName);
    if (stored == null) {
      Map<String, String> labels = new LinkedHashMap<>();
      labels.put("kubernetes.io/hostname", nodeName);
      labels.put("kubernetes.io/os", nodeInfo().operatingSystem());
      labels.put("kubernetes.io/arch", nodeInfo().architecture());
      labels.putAll(template.metadata().labels());
      ObjectMeta meta = new ObjectMeta(nodeName, null, null, null, null, null, null, null, null,
          labels, template.metadata().annotations(), null, null);
      Node node = Node.of(meta, template.spec(), NodeStatus.EMPTY);
      node = node.withStatus(buildStatus(node, true));
      try {
        lastWritten = store.create(node);
        lastReportNanos = loop.nowNanos();
        reportedImagesVersion = imagesVersion;
        ctx.record(SimEvent.Types.NODE_ADDED, nodeName, null);
        return;
      } catch (AlreadyExistsException e) {
        stored = store.get(Node.class, null, nodeName);
      }
    }
    // Already registered (a restart): the kubelet reconciles and posts its status.
    lastWritten = null;
    syncNodeStatus();
  }

  /** One tryUpdateNodeStatus: compute, and write when changed or when the report is due. */
  private void syncNodeStatus() {
    Node stored = store.get(Node.class, null, nodeName);
    if (stored == null) {
      return; // deleted: upstream's kubelet does not re-register a running node
    }
    long now = loop.nowNanos();
    boolean reportDue = now - lastReportNanos >= config.nodeStatusReportFrequencyNanos();
    boolean pressureChanged = conditions.refresh(config, now);
    if (stored == lastWritten && !pressureChanged && imagesVersion == reportedImagesVersion
        && !reportDue) {
      return;
    }
    NodeStatus next = buildStatus(stored, false);
    if (!reportDue && sameIgnoringHeartbeats(stored.status(), next)) {
      lastWritten = stored;
      reportedImagesVersion = imagesVersion;
      return;
    }
    recordConditionChanges(stored.status(), next);
    lastWritten = store.update(Node.class, null, nodeName, n -> n.withStatus(next));
    lastReportNanos = now;
    reportedImagesVersion = imagesVersion;
  }

  private void recordConditionChanges(NodeStatus before, NodeStatus after) {
    for (NodeCondition c : after.conditions()) {
      NodeCondition old = find(before.conditions(), c.type());
      if (old == null || !c.status().equals(old.status())) {
        ctx.record(SimEvent.of(ctx.now(), SimEvent.Types.NODE_CONDITION, nodeName, null)
            .with("condition", c.type()).with("status", c.status())
            .with("reason", c.reason()));
      }
    }
  }

  private NodeStatus buildStatus(Node current, boolean initial) {
    String now = ctx.loop().clock().rfc3339();
    NodeStatus old = current.status();
    List<NodeCondition> conds = new ArrayList<>(5);
    NodeCondition network = find(old.conditions(), "NetworkUnavailable");
    if (initial) {
      conds.add(new NodeCondition("NetworkUnavailable", FALSE, "RouteCreated",
          "RouteController created a route", now, now));
    } else if (network != null) {
      conds.add(network); // owned by the route controller once set
    }
    conds.add(condition(old, "MemoryPressure", conditions.memory,
        "KubeletHasInsufficientMemory", "kubelet has insufficient memory available",
        "KubeletHasSufficientMemory", "kubelet has sufficient memory available", now));
    conds.add(condition(old, "DiskPressure", conditions.disk,
        "KubeletHasDiskPressure", "kubelet has disk pressure",
        "KubeletHasNoDiskPressure", "kubelet has no disk pressure", now));
    conds.add(condition(old, "PIDPressure", conditions.pid,
        "KubeletHasInsufficientPID", "kubelet has insufficient PID available",
        "KubeletHasSufficientPID", "kubelet has sufficient PID available", now));
    conds.add(condition(old, "Ready", true, "KubeletReady", "kubelet is posting ready status",
        "KubeletNotReady", "", now));
    Map<String, Quantity> capacity = capacity();
    // A template that states allocatable (a recorded node) keeps it: its own kubelet's
    // reservations are already in it.
    Map<String, Quantity> allocatable = template.status().allocatable().isEmpty()
        ? NodeResources.allocatable(capacity, config) : template.status().allocatable();
    return new NodeStatus(capacity, allocatable, conds,
        addresses(), imageList(), nodeInfo(), null);
  }

  private static NodeCondition condition(NodeStatus old, String type, boolean on,
      String onReason, String onMessage, String offReason, String offMessage, String now) {
    String status = on ? TRUE : FALSE;
    NodeCondition prev = find(old.conditions(), type);
    String transition = prev != null && status.equals(prev.status())
        && prev.lastTransitionTime() != null ? prev.lastTransitionTime() : now;
    return new NodeCondition(type, status, on ? onReason : offReason,
        on ? onMessage : offMessage, now, transition);
  }

  private static NodeCondition find(List<NodeCondition> list, String type) {
    for (int i = 0; i < list.size(); i++) {
      if (type.equals(list.get(i).type())) {
        return list.get(i);
      }
    }
    return null;
  }

  private static boolean sameIgnoringHeartbeats(NodeStatus a, NodeStatus b) {
    if (a.conditions().size() != b.conditions().size()) {
      return false;
    }
    for (int i = 0; i < a.conditions().size(); i++) {
      NodeCondition x = a.conditions().get(i);
      NodeCondition y = b.conditions().get(i);
      if (!Objects.equals(x.type(), y.type())
          || !Objects.equals(x.status(), y.status())
          || !Objects.equals(x.reason(), y.reason())
          || !Objects.equals(x.message(), y.message())
          || !Objects.equals(x.lastTransitionTime(), y.lastTransitionTime())) {
        return false;
      }
    }
    return a.capacity().equals(b.capacity()) && a.allocatable().equals(b.allocatable())
        && a.addresses().equals(b.addresses()) && a.images().equals(b.images())
        && a.nodeInfo().equals(b.nodeInfo());
  }

  private Map<String, Quantity> capacity() {
    Map<String, Quantity> cap = new LinkedHashMap<>(
        template.status().capacity());
    cap.putIfAbsent("pods", Quantity.of(config.maxPods(),
        Quantity.Format.DECIMAL_SI));
    return cap;
  }

  private List<NodeAddress> addresses() {
    List<NodeAddress> out = new ArrayList<>(3);
    out.add(new NodeAddress("InternalIP", internalIP));
    if (externalIP != null) {
      out.add(new NodeAddress("ExternalIP", externalIP));
    }
    out.add(new NodeAddress("Hostname", nodeName));
    return out;
  }

  private List<ContainerImage> imageList() {
    List<Map.Entry<String, Long>> entries = new ArrayList<>(images.entrySet());
    // Upstream sorts by size, largest first, and reports at most nodeStatusMaxImages.
    entries.sort((x, y) -> {
      int c = Long.compare(y.getValue(), x.getValue());
      return c != 0 ? c : x.getKey().compareTo(y.getKey());
    });
    List<ContainerImage> out = new ArrayList<>(Math.min(entries.size(), MAX_IMAGES));
    for (int i = 0; i < entries.size() && i < MAX_IMAGES; i++) {
      out.add(new ContainerImage(List.of(entries.get(i).getKey()), entries.get(i).getValue()));
    }
    return out;
  }

  private NodeSystemInfo nodeInfo() {
    NodeSystemInfo t = template.status().nodeInfo();
    return new NodeSystemInfo(
        or(t.machineID(), String.format("%032x", (long) nodeName.hashCode() & 0xffffffffL)),
        or(t.kernelVersion(), "6.8.0-generic"), or(t.osImage(), "Ubuntu 24.04 LTS"),
        or(t.containerRuntimeVersion(), "containerd://2.0.0"),
        or(t.kubeletVersion(), config.kubeletVersion()), or(t.operatingSystem(), "linux"),
        or(t.architecture(), "amd64"));
  }

  private static String or(String a, String b) {
    return a == null || a.isEmpty() ? b : a;
  }

  // ---------------------------------------------------------------- pressure

  /**
   * The kubelet's resource metrics endpoint ({@code /metrics/resource}) as a scrape sees it:
   * {cpu millicores, memory working-set bytes} summed over the running pods' recorded usage, or
   * null when the kubelet cannot answer (stopped, or cut from the network).
   */
  public long[] resourceMetrics() {
    if (!running || partitioned) {
      return null;
    }
    long[] used = usage();
    return new long[] {used[3], used[0]};
  }

  /**
   * Sums the recorded usage of the running pods: {memory, disk, pids, cpu millicores}, the first
   * three indexed as the eviction signals.
   */
  long[] usage() {
    long mem = 0;
    long disk = 0;
    long pids = 0;
    long cpu = 0;
    for (PodRun run : pods.values()) {
      if (run.state == PodRun.RUNNING || run.state == PodRun.TERMINATING) {
        mem += run.memory;
        disk += run.disk;
        pids += run.pids;
        cpu += run.cpu;
      }
    }
    return new long[] {mem, disk, pids, cpu};
  }

  /**
   * One eviction-manager pass with the hard thresholds: when a signal (memory.available,
   * nodefs.available, pid.available) is below its threshold, kill one pod at once (hard eviction
   * has no grace period), ranked as upstream: pods using more than they request first, then lower
   * priority, then the larger excess.
   */
  private void evictionTick() {
    if (!running || pods.isEmpty()) {
      return; // no pod, no usage: nothing to observe
    }
    conditions.sample(this, loop.nowNanos());
    long[] used = usage();
    Map<String, Quantity> cap = template.status().capacity();
    int signal = -1;
    long available = 0;
    long threshold = 0;
    Quantity memCap = cap.get("memory");
    Quantity diskCap = cap.get("ephemeral-storage");
    if (memCap != null && used[0] > 0) {
      available = memCap.value() - NodeConditions.reserved(config, "memory") - used[0];
      threshold = config.evictionHardMemoryBytes();
      signal = available < threshold ? 0 : -1;
    }
    if (signal < 0 && diskCap != null && used[1] > 0) {
      available = diskCap.value() - used[1];
      threshold = NodeResources.percentOf(diskCap.value(), config.evictionHardNodefsPercent());
      signal = available < threshold ? 1 : -1;
    }
    if (signal < 0 && config.evictionHardPidsAvailable() > 0 && used[2] > 0) {
      available = config.pidMax() - used[2];
      threshold = config.evictionHardPidsAvailable();
      signal = available < threshold ? 2 : -1;
    }
    if (signal < 0) {
      return;
    }
    String resource = signal == 0 ? "memory" : signal == 1 ? "ephemeral-storage" : "pids";
    PodRun victim = null;
    for (PodRun run : pods.values()) {
      if (run.state != PodRun.RUNNING || run.isStatic) {
        continue;
      }
      if (victim == null || evictsBefore(run, victim, signal, resource)) {
        victim = run;
      }
    }
    if (victim == null) {
      return;
    }
    boolean bytes = signal < 2;
    String message = "The node was low on resource: " + resource + ". Threshold quantity: "
        + amount(threshold, bytes) + ", available: " + amount(available, bytes) + ". ";
    if (signal < 2) {
      for (Container c : victim.pod.spec().containers()) {
        Quantity request = c.resources().requests().get(resource);
        message += "Container " + c.name() + " was using "
            + amount(usageOf(victim, signal) / Math.max(1, victim.pod.spec().containers().size()),
                true)
            + ", request is " + (request == null ? "0" : request.toString())
            + ", has larger consumption of " + resource + ". ";
      }
    }
    cancel(victim.timer);
    victim.timer = null;
    victim.lastExit = EXIT_KILLED;
    victim.lastStartedAt = victim.containerStartedAt;
    victim.lastFinishedAt = nowText();
    victim.state = PodRun.DONE;
    victim.succeeded = false;
    victim.failReason = "Evicted";
    victim.failMessage = message;
    releaseIp(victim);
    ctx.record(SimEvent.of(ctx.now(), SimEvent.Types.POD_EVICTED, nodeName, victim.key)
        .with("reason", "Evicted").with("resource", resource));
    pushStatus(victim);
  }

  private static String amount(long value, boolean bytes) {
    return bytes ? Quantity.of(value, Quantity.Format.BINARY_SI).toString()
        : Long.toString(value);
  }

  private static long usageOf(PodRun run, int signal) {
    return signal == 0 ? run.memory : signal == 1 ? run.disk : run.pids;
  }

  private boolean evictsBefore(PodRun a, PodRun b, int signal, String resource) {
    if (signal < 2) {
      long excessA = usageOf(a, signal) - requestOf(a, resource);
      long excessB = usageOf(b, signal) - requestOf(b, resource);
      if ((excessA > 0) != (excessB > 0)) {
        return excessA > 0;
      }
      int pa = priorityOf(a);
      int pb = priorityOf(b);
      if (pa != pb) {
        return pa < pb;
      }
      return excessA > excessB;
    }
    int pa = priorityOf(a);
    int pb = priorityOf(b);
    return pa != pb ? pa < pb : a.pids > b.pids;
  }

  private long requestOf(PodRun run, String resource) {
    long[] r = io.schedlab.framework.PodRequests.of(run.pod, registry);
    int i = registry.indexOf(resource);
    return ResourceRegistry.get(r, i);
  }

  private static int priorityOf(PodRun run) {
    Integer p = run.pod.spec().priority();
    return p == null ? 0 : p;
  }

  /** The kubelet's pressure conditions, with the eviction pressure transition period. */
  private static final class NodeConditions {
    boolean memory;
    boolean disk;
    boolean pid;
    long memorySeen = Long.MIN_VALUE;
    long diskSeen = Long.MIN_VALUE;
    long pidSeen = Long.MIN_VALUE;

    void reset() {
      memory = disk = pid = false;
      memorySeen = diskSeen = pidSeen = Long.MIN_VALUE;
    }

    /** The eviction manager's observation: notes which signals are below their threshold. */
    void sample(Kubelet k, long now) {
      long[] used = k.usage();
      Map<String, Quantity> cap = k.template.status().capacity();
      KubeletConfig c = k.config;
      Quantity memCap = cap.get("memory");
      if (memCap != null) {
        long available = memCap.value() - reserved(c, "memory") - used[0];
        if (used[0] > 0 && available < c.evictionHardMemoryBytes()) {
          memorySeen = now;
        }
      }
      Quantity diskCap = cap.get("ephemeral-storage");
      if (diskCap != null) {
        long available = diskCap.value() - used[1];
        if (used[1] > 0
            && available < NodeResources.percentOf(diskCap.value(), c.evictionHardNodefsPercent())) {
          diskSeen = now;
        }
      }
      if (c.evictionHardPidsAvailable() > 0 && used[2] > 0
          && c.pidMax() - used[2] < c.evictionHardPidsAvailable()) {
        pidSeen = now;
      }
    }

    /** Updates the conditions for now; returns whether one changed. */
    boolean refresh(KubeletConfig c, long now) {
      long period = c.evictionPressureTransitionPeriodNanos();
      boolean before = memory;
      boolean beforeDisk = disk;
      boolean beforePid = pid;
      memory = memorySeen != Long.MIN_VALUE && now - memorySeen < Math.max(period, 1);
      disk = diskSeen != Long.MIN_VALUE && now - diskSeen < Math.max(period, 1);
      pid = pidSeen != Long.MIN_VALUE && now - pidSeen < Math.max(period, 1);
      return before != memory || beforeDisk != disk || beforePid != pid;
    }

    private static long reserved(KubeletConfig c, String resource) {
      long r = 0;
      Quantity k = c.kubeReserved().get(resource);
      Quantity s = c.systemReserved().get(resource);
      r += k == null ? 0 : k.value();
      r += s == null ? 0 : s.value();
      return r;
    }
  }

  // ---------------------------------------------------------------- pods: watch and admission

  private void onPodEvent(WatchEvent<Pod> event) {
    if (!running || partitioned) {
      return; // a cut-off kubelet sees nothing; it re-lists on heal
    }
    Pod pod = event.object();
    if (event.type() == WatchEvent.Type.DELETED) {
      podGone(pod);
    } else {
      addPod(pod, false);
    }
  }

  /** Handles a pod the kubelet sees bound to it, new or changed. */
  private void addPod(Pod pod, boolean relisted) {
    PodRun run = pods.get(pod.key());
    if (run != null && run.isStatic) {
      if (pod.metadata().annotations().containsKey(StaticPods.CONFIG_MIRROR)) {
        run.mirror = pod;
      }
      return;
    }
    if (run != null && !run.uid().equals(pod.metadata().uid())) {
      stop(run); // a new pod under an old name
      pods.remove(run.key);
      run = null;
    }
    if (run == null) {
      String phase = pod.status().phase();
      if ("Succeeded".equals(phase) || "Failed".equals(phase)) {
        run = new PodRun(pod, false);
        run.state = PodRun.DONE;
        pods.put(run.key, run);
        if (pod.metadata().deletionTimestamp() != null) {
          removeFromStore(run);
        }
        return;
      }
      run = new PodRun(pod, false);
      pods.put(run.key, run);
      if (relisted && "Running".equals(phase)) {
        // After a restart the runtime has lost the containers: they count as killed.
        run.restartCount = restartCountOf(pod);
        run.hadRun = true;
      }
      admit(run);
      if (pods.get(run.key) == run && pod.metadata().deletionTimestamp() != null) {
        terminate(run);
      }
      return;
    }
    run.pod = pod;
    if (pod.metadata().deletionTimestamp() != null && !run.terminating) {
      terminate(run);
    }
  }

  private static int restartCountOf(Pod pod) {
    List<ContainerStatus> cs = pod.status().containerStatuses();
    return cs.isEmpty() ? 0 : cs.get(0).restartCount();
  }

  private void podGone(Pod pod) {
    PodRun run = pods.get(pod.key());
    if (run == null || !run.uid().equals(pod.metadata().uid())) {
      if (run != null && run.isStatic && run.mirror != null
          && run.mirror.metadata().uid().equals(pod.metadata().uid())) {
        run.mirror = null;
        ensureMirror(run); // upstream's pod sync recreates a static pod's missing mirror
      }
      return;
    }
    stop(run);
    pods.remove(run.key);
  }

  private void admit(PodRun run) {
    List<Pod> active = new ArrayList<>(pods.size());
    for (PodRun other : pods.values()) {
      if (other != run && other.state != PodRun.DONE) {
        active.add(other.pod);
      }
    }
    Node node = store.get(Node.class, null, nodeName);
    if (node == null) {
      node = lastWritten;
    }
    Admission.Rejection rejection = node == null ? null
        : Admission.check(run.pod, node, active, registry);
    if (rejection != null) {
      run.state = PodRun.DONE;
      run.rejection = rejection;
      ctx.record(SimEvent.of(ctx.now(), SimEvent.Types.POD_REJECTED, nodeName, run.key)
          .with("reason", rejection.reason()).with("message", rejection.message()));
      pushStatus(run);
      return;
    }
    run.cpu = WorkloadAnnotations.number(run.pod, WorkloadAnnotations.USAGE_CPU, 0);
    run.memory = WorkloadAnnotations.number(run.pod, WorkloadAnnotations.USAGE_MEMORY, 0);
    run.disk = WorkloadAnnotations.number(run.pod, WorkloadAnnotations.USAGE_EPHEMERAL_STORAGE, 0);
    run.pids = WorkloadAnnotations.number(run.pod, WorkloadAnnotations.USAGE_PIDS, 0);
    run.duration = WorkloadAnnotations.duration(run.pod, WorkloadAnnotations.DURATION,
        WorkloadAnnotations.FOREVER);
    run.exitCode = WorkloadAnnotations.exitCode(run.pod);
    // A restarted kubelet keeps the startTime it posted before.
    String posted = run.hadRun ? run.pod.status().startTime() : null;
    run.startTime = posted != null ? posted : nowText();
    Long deadline = run.pod.spec().activeDeadlineSeconds();
    if (deadline != null && deadline >= 0) {
      // The kubelet's activeDeadlineHandler: counted from status.startTime.
      long started = loop.nowNanos();
      if (posted != null) {
        started = java.time.Duration.between(loop.clock().epoch(),
            java.time.Instant.parse(posted)).toNanos();
      }
      long at = Math.max(loop.nowNanos(), started + deadline * Durations.SECOND);
      run.deadlineTimer = loop.schedule(at, "kubelet-active-deadline",
          () -> deadlineExceeded(run));
    }
    if (run.hadRun) {
      // The containers died with the kubelet: handle as a kill, per restartPolicy.
      run.state = PodRun.RUNNING;
      run.containerStartedAt = run.startTime;
      exited(run, EXIT_KILLED);
      return;
    }
    run.state = PodRun.PULLING;
    pushStatus(run);
    pullAndStart(run);
  }

  // ---------------------------------------------------------------- images

  private void pullAndStart(PodRun run) {
    long now = loop.nowNanos();
    long ready = now;
    for (String image : imagesOf(run.pod)) {
      Long present = images.get(image);
      if (present != null && !pullsAlways(image)) {
        continue; // IfNotPresent
      }
      Long inFlight = pulling.get(image);
      if (inFlight != null) {
        ready = Math.max(ready, inFlight);
        continue;
      }
      // An Always pull of an image already there only asks the registry: no layers move.
      long size = present != null ? present : imageSize(image, run.pod);
      long transfer = present != null ? 0
          : (long) Math.ceil(size * 1e9 / config.imagePullBytesPerSecond());
      long start = config.serializeImagePulls() ? Math.max(now, pullFreeAt) : now;
      long end = start + config.imagePullLatencyNanos() + transfer;
      if (config.serializeImagePulls()) {
        pullFreeAt = end;
      }
      pulling.put(image, end);
      Timer[] self = new Timer[1];
      self[0] = loop.schedule(end, "kubelet-image-pulled", () -> {
        pullTimers.remove(self[0]);
        pulling.remove(image);
        if (images.put(image, size) == null) {
          imagesVersion++;
        }
      });
      pullTimers.add(self[0]);
      ready = Math.max(ready, end);
    }
    run.timer = loop.schedule(ready, "kubelet-start-pod", () -> startContainers(run));
  }

  /**
   * The API server's default imagePullPolicy: Always for the {@code latest} tag, which is also
   * what an image with neither tag nor digest means; IfNotPresent otherwise.
   */
  static boolean pullsAlways(String image) {
    if (image.indexOf('@') >= 0) {
      return false; // pinned by digest: no implied tag
    }
    int colon = image.lastIndexOf(':');
    int slash = image.lastIndexOf('/');
    if (colon <= slash) {
      return true; // no tag: "latest"
    }
    return image.substring(colon + 1).equals("latest");
  }

  private static List<String> imagesOf(Pod pod) {
    List<String> out = new ArrayList<>();
    for (Container c : pod.spec().initContainers()) {
      if (c.image() != null && !out.contains(c.image())) {
        out.add(c.image());
      }
    }
    for (Container c : pod.spec().containers()) {
      if (c.image() != null && !out.contains(c.image())) {
        out.add(c.image());
      }
    }
    return out;
  }

  private long imageSize(String image, Pod pod) {
    Long known = config.imageSizes().get(image);
    if (known != null) {
      return known;
    }
    return WorkloadAnnotations.number(pod, WorkloadAnnotations.IMAGE_SIZE,
        config.defaultImageSizeBytes());
  }

  // ---------------------------------------------------------------- container lifecycle

  private void startContainers(PodRun run) {
    run.timer = null;
    if (run.terminating) {
      finishTermination(run, false);
      return;
    }
    if (run.podIP == null) {
      run.podIP = Boolean.TRUE.equals(run.pod.spec().hostNetwork()) ? internalIP : nextPodIP();
    }
    run.state = PodRun.RUNNING;
    run.containerStartedAt = nowText();
    run.startedNanos = loop.nowNanos();
    ctx.record(SimEvent.of(ctx.now(), SimEvent.Types.POD_STARTED, nodeName, run.key)
        .with("podIP", run.podIP));
    pushStatus(run);
    scheduleExit(run);
  }

  private void scheduleExit(PodRun run) {
    if (run.duration != WorkloadAnnotations.FOREVER) {
      run.exitsAt = loop.nowNanos() + run.duration;
      run.timer = loop.schedule(run.exitsAt, "kubelet-container-exit",
          () -> exited(run, run.exitCode));
    } else {
      run.exitsAt = Long.MAX_VALUE;
    }
  }

  private void exited(PodRun run, int code) {
    run.timer = null;
    run.lastExit = code;
    run.lastStartedAt = run.containerStartedAt;
    run.lastFinishedAt = nowText();
    if (run.terminating) {
      run.state = PodRun.TERMINATING;
      finishTermination(run, true);
      return;
    }
    String policy = run.pod.spec().restartPolicy();
    boolean restart = policy == null || policy.isEmpty() || "Always".equals(policy)
        || ("OnFailure".equals(policy) && code != 0);
    if (!restart) {
      run.state = PodRun.DONE;
      run.succeeded = code == 0;
      releaseIp(run);
      ctx.record(SimEvent.of(ctx.now(),
          code == 0 ? SimEvent.Types.POD_COMPLETED : SimEvent.Types.POD_FAILED, nodeName,
          run.key).with("exitCode", Integer.toString(code)));
      pushStatus(run);
      return;
    }
    long now = loop.nowNanos();
    // flowcontrol.Backoff: in back-off while the entry is fresh (idle ≤ 2×cap) and unexpired.
    boolean fresh = run.backoffUpdated != Long.MIN_VALUE
        && now - run.backoffUpdated <= 2 * BACKOFF_MAX;
    long delay = fresh ? run.backoff : 0;
    run.state = delay > 0 ? PodRun.BACKOFF : PodRun.RUNNING;
    if (delay > 0) {
      run.backoffShown = delay;
      pushStatus(run);
    }
    run.timer = loop.after(delay, "kubelet-restart-container", () -> restart(run));
  }

  private void restart(PodRun run) {
    run.timer = null;
    long now = loop.nowNanos();
    boolean expired = run.backoffUpdated == Long.MIN_VALUE
        || now - run.backoffUpdated > 2 * BACKOFF_MAX;
    run.backoff = expired ? BACKOFF_INITIAL : Math.min(2 * run.backoff, BACKOFF_MAX);
    run.backoffUpdated = now;
    run.restartCount++;
    run.state = PodRun.RUNNING;
    run.containerStartedAt = nowText();
    run.startedNanos = now;
    if (run.podIP == null) {
      run.podIP = Boolean.TRUE.equals(run.pod.spec().hostNetwork()) ? internalIP : nextPodIP();
    }
    ctx.record(SimEvent.of(ctx.now(), SimEvent.Types.POD_RESTARTED, nodeName, run.key)
        .with("restartCount", Integer.toString(run.restartCount)));
    pushStatus(run);
    scheduleExit(run);
  }

  private void deadlineExceeded(PodRun run) {
    run.deadlineTimer = null;
    if (run.state == PodRun.DONE || run.terminating) {
      return;
    }
    cancel(run.timer);
    run.timer = null;
    if (run.state == PodRun.RUNNING) {
      run.lastExit = EXIT_KILLED;
      run.lastStartedAt = run.containerStartedAt;
      run.lastFinishedAt = nowText();
    }
    run.state = PodRun.DONE;
    run.succeeded = false;
    run.failReason = "DeadlineExceeded";
    run.failMessage = "Pod was active on the node longer than the specified deadline";
    releaseIp(run);
    ctx.record(SimEvent.of(ctx.now(), SimEvent.Types.POD_FAILED, nodeName, run.key)
        .with("reason", run.failReason));
    pushStatus(run);
  }

  /** Graceful termination of a pod marked for deletion. */
  private void terminate(PodRun run) {
    run.terminating = true;
    if (run.state == PodRun.DONE) {
      removeFromStore(run);
      return;
    }
    if (run.state != PodRun.RUNNING) {
      // Nothing runs (pulling or backing off): stop at once.
      cancel(run.timer);
      run.timer = null;
      finishTermination(run, false);
      return;
    }
    long now = loop.nowNanos();
    Long grace = run.pod.metadata().deletionGracePeriodSeconds();
    long graceNanos = (grace == null ? PodDeletion.DEFAULT_GRACE_PERIOD_SECONDS : grace)
        * Durations.SECOND;
    long shutdown = WorkloadAnnotations.duration(run.pod, WorkloadAnnotations.SHUTDOWN,
        graceNanos);
    long stopAt = Math.min(now + Math.min(graceNanos, shutdown), run.exitsAt);
    run.state = PodRun.TERMINATING;
    cancel(run.timer);
    boolean natural = stopAt == run.exitsAt;
    run.timer = loop.schedule(stopAt, "kubelet-kill-pod", () -> {
      run.timer = null;
      run.lastExit = natural ? run.exitCode : EXIT_KILLED;
      run.lastStartedAt = run.containerStartedAt;
      run.lastFinishedAt = nowText();
      finishTermination(run, natural);
    });
  }

  private void finishTermination(PodRun run, boolean exitedOnItsOwn) {
    run.state = PodRun.DONE;
    releaseIp(run);
    run.succeeded = exitedOnItsOwn && run.lastExit == 0
        && !"Always".equals(or(run.pod.spec().restartPolicy(), "Always"));
    pushStatus(run);
    removeFromStore(run);
  }

  /** The kubelet's final delete (grace 0) of a pod it has stopped. */
  private void removeFromStore(PodRun run) {
    if (partitioned) {
      run.deletePending = true;
      return;
    }
    run.deletePending = false;
    try {
      store.delete(Pod.class, run.pod.metadata().namespace(), run.pod.metadata().name(),
          new Preconditions(run.uid(), null));
      ctx.record(SimEvent.Types.POD_TERMINATED, nodeName, run.key);
    } catch (NotFoundException | ConflictException e) {
      // already gone, or a new pod took the name
    }
    pods.remove(run.key);
  }

  /** Kills a pod's containers without telling the store (it is gone from there). */
  private void stop(PodRun run) {
    cancel(run.timer);
    cancel(run.deadlineTimer);
    run.timer = null;
    run.deadlineTimer = null;
    run.state = PodRun.DONE;
    releaseIp(run);
  }

  /** The sandbox is torn down: its address goes back to the node's pool. */
  private void releaseIp(PodRun run) {
    if (run.podIP != null && !run.ipReleased && podIps != null
        && !Boolean.TRUE.equals(run.pod.spec().hostNetwork())) {
      podIps.release(run.podIP);
    }
    run.ipReleased = true;
  }

  private static void cancel(Timer t) {
    if (t != null) {
      t.cancel();
    }
  }

  private String nextPodIP() {
    if (podIps == null) {
      Node node = store.get(Node.class, null, nodeName);
      String cidr = node == null ? null : node.spec().podCIDR();
      if (cidr == null || cidr.isEmpty()) {
        // No podCIDR (no IPAM controller): a per-node block of the cluster CIDR, numbered by
        // the node's InternalIP so that nodes do not share one.
        int blocks = 1 << Math.max(0, ctx.settings().nodeCidrMaskSize()
            - prefixOf(ctx.settings().clusterCidr()));
        long index = Ipv4Range.parse(internalIP, "InternalIP") & (blocks - 1);
        cidr = Ipv4Range.subnet(ctx.settings().clusterCidr(), ctx.settings().nodeCidrMaskSize(),
            index);
      }
      podIps = new Ipv4Range(cidr);
    }
    return podIps.next();
  }

  private static int prefixOf(String cidr) {
    return Integer.parseInt(cidr.substring(cidr.indexOf('/') + 1));
  }

  private String nowText() {
    return loop.clock().rfc3339();
  }

  // ---------------------------------------------------------------- status writes

  private void pushStatus(PodRun run) {
    if (partitioned) {
      run.statusDirty = true;
      return;
    }
    run.statusDirty = false;
    Pod target = run.isStatic ? run.mirror : run.pod;
    if (target == null) {
      return;
    }
    try {
      String uid = target.metadata().uid();
      Pod written = store.update(Pod.class, target.metadata().namespace(),
          target.metadata().name(),
          p -> uid.equals(p.metadata().uid()) ? p.withStatus(PodStatuses.of(run, p, this)) : p);
      if (run.isStatic) {
        run.mirror = written;
      } else if (uid.equals(written.metadata().uid())) {
        run.pod = written;
      }
    } catch (NotFoundException e) {
      // gone: the watch reports it
    }
  }

  String internalIP() {
    return internalIP;
  }

  String nowTextForStatus() {
    return nowText();
  }

  // ---------------------------------------------------------------- static pods

  private void ensureMirror(PodRun run) {
    if (partitioned || !running) {
      return;
    }
    Pod existing = store.get(Pod.class, run.pod.metadata().namespace(),
        run.pod.metadata().name());
    if (existing != null) {
      run.mirror = existing;
      pushStatus(run);
      return;
    }
    Node node = store.get(Node.class, null, nodeName);
    Pod mirror = StaticPods.mirror(run.pod, nodeName, node == null ? null : node.metadata().uid());
    mirror = mirror.withStatus(PodStatuses.of(run, mirror, this));
    run.mirror = store.create(mirror);
  }

  // ---------------------------------------------------------------- partition heal

  private void resync() {
    List<Pod> bound = store.list(Pod.class);
    Map<String, Pod> mine = new LinkedHashMap<>();
    for (Pod p : bound) {
      if (isMine(p)) {
        mine.put(p.key(), p);
      }
    }
    for (PodRun run : new ArrayList<>(pods.values())) {
      Pod now = mine.get(run.key);
      if (run.isStatic) {
        if (now == null) {
          run.mirror = null;
          ensureMirror(run);
        } else if (run.statusDirty) {
          run.mirror = now;
          pushStatus(run);
        }
        continue;
      }
      if (now == null || !run.uid().equals(now.metadata().uid())) {
        stop(run); // deleted while cut off
        pods.remove(run.key);
        continue;
      }
      run.pod = now;
      if (run.statusDirty) {
        pushStatus(run);
      }
      if (run.deletePending) {
        removeFromStore(run);
      } else if (now.metadata().deletionTimestamp() != null && !run.terminating) {
        terminate(run);
      }
    }
    for (Pod p : mine.values()) {
      if (!pods.containsKey(p.key())) {
        addPod(p, false);
      }
    }
    register(); // posts status now (and registers, if the kubelet came up while cut off)
    renewLease();
  }

  private void requireStarted() {
    if (ctx == null) {
      throw new IllegalStateException(name() + ": not started");
    }
  }

  @Override
  public String toString() {
    return "Kubelet[" + nodeName + (running ? "" : ", down") + (partitioned ? ", cut off" : "")
        + ", pods=" + pods.size() + "]";
  }

  /** One pod as this kubelet runs it. */
  static final class PodRun {
    static final int PULLING = 0;
    static final int RUNNING = 1;
    static final int BACKOFF = 2;
    static final int TERMINATING = 3;
    static final int DONE = 4;

    final String key;
    final boolean isStatic;
    Pod pod;
    Pod mirror;
    int state = PULLING;
    Admission.Rejection rejection;
    boolean succeeded;
    boolean terminating;
    boolean statusDirty;
    boolean deletePending;
    boolean hadRun;
    boolean ipReleased;
    String failReason;
    String failMessage;
    Timer timer;
    Timer deadlineTimer;
    String startTime;
    String podIP;
    String containerStartedAt;
    long startedNanos;
    long duration = WorkloadAnnotations.FOREVER;
    long exitsAt = Long.MAX_VALUE;
    int exitCode;
    int restartCount;
    int lastExit = -1;
    String lastStartedAt;
    String lastFinishedAt;
    long backoff;
    long backoffShown;
    long backoffUpdated = Long.MIN_VALUE;
    long cpu;
    long memory;
    long disk;
    long pids;

    PodRun(Pod pod, boolean isStatic) {
      this.pod = pod;
      this.isStatic = isStatic;
      this.key = pod.key();
    }

    String uid() {
      String uid = pod.metadata().uid();
      return uid == null ? "" : uid;
    }
  }
}
