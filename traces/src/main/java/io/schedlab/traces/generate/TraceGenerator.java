package io.schedlab.traces.generate;

import io.schedlab.api.Container;
import io.schedlab.api.KubeObject;
import io.schedlab.api.Node;
import io.schedlab.api.NodeCondition;
import io.schedlab.api.NodeSpec;
import io.schedlab.api.NodeStatus;
import io.schedlab.api.ObjectMeta;
import io.schedlab.api.Pod;
import io.schedlab.api.PodSpec;
import io.schedlab.api.Quantity;
import io.schedlab.api.ResourceRequirements;
import io.schedlab.api.Taint;
import io.schedlab.api.codec.KubeCodec;
import io.schedlab.api.codec.ManifestException;
import io.schedlab.traces.TraceEvent;
import io.schedlab.traces.TraceHeader;
import io.schedlab.traces.TraceSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * Turns a {@link GeneratorSpec} into a streamed trace: every node at time 0 (groups in order),
 * then the workloads' PodSubmitted events merged in time order, each followed by its PodDeleted
 * (reason FINISHED) at submission + duration.
 *
 * <p>Implementation note: nodes and pods are built as they are read. The merge heap holds one
 * next submission per workload plus one pending deletion per running pod, so memory grows with
 * the number of pods alive at once, never with the trace's length. At equal times deletions come
 * before submissions (a finishing pod frees its room first), then the order they were drawn in.
 *
 * <p>Determinism: workload w's arrivals, durations and requests each draw from their own
 * Well19937c seeded from (spec seed, w, purpose), so one seed gives one trace, and editing one
 * workload leaves the others' draws unchanged.
 */
public final class TraceGenerator {
  /** Label on every generated pod naming its workload. */
  public static final String WORKLOAD_LABEL = "schedlab.io/workload";
  static final String HOSTNAME_LABEL = "kubernetes.io/hostname";
  static final String ZONE_LABEL = "topology.kubernetes.io/zone";

  private static final int ARRIVALS = 1;
  private static final int DURATIONS = 2;
  private static final int REQUESTS = 3;

  private final String origin;
  private final long seed;
  private final List<NodePlan> nodes;
  private final List<WorkloadPlan> workloads;

  private TraceGenerator(String origin, long seed, List<NodePlan> nodes, List<WorkloadPlan> workloads) {
    this.origin = origin;
    this.seed = seed;
    this.nodes = nodes;
    this.workloads = workloads;
  }

  /** Reads and checks a spec file; template and fitted paths are relative to its folder. */
  public static TraceGenerator fromFile(Path specFile) {
    GeneratorSpec spec = SpecFiles.readSpec(specFile);
    Path dir = specFile.toAbsolutePath().getParent();
    return of(spec, dir, specFile.toString());
  }

  /**
   * Checks a spec and prepares it.
   *
   * @param baseDir where relative template and fitted paths are resolved
   * @param origin the spec's name in messages (a file name)
   * @throws GeneratorSpecException naming the first field that is wrong
   */
  public static TraceGenerator of(GeneratorSpec spec, Path baseDir, String origin) {
    Check c = new Check(origin);
    if (spec.seed() == null) {
      throw c.fail("seed", "required: a seed makes the trace reproducible");
    }
    if (spec.nodes().isEmpty() && spec.workloads().isEmpty()) {
      throw c.fail("", "expected at least one of nodes and workloads");
    }
    // Names are prefix + index, so two groups (or two workloads in one namespace) with the same
    // prefix would make the same object twice.
    Map<String, String> prefixes = new HashMap<>();
    List<NodePlan> nodes = new ArrayList<>();
    for (int i = 0; i < spec.nodes().size(); i++) {
      String at = "nodes[" + i + "]";
      NodePlan plan = NodePlan.compile(spec.nodes().get(i), at, baseDir, c);
      String clash = prefixes.putIfAbsent(plan.prefix(), at);
      if (clash != null) {
        throw c.fail(at + ".name", "its nodes would be named " + plan.prefix() + "<i> like those of "
            + clash + ": give the group a distinct name");
      }
      nodes.add(plan);
    }
    prefixes.clear();
    List<WorkloadPlan> workloads = new ArrayList<>();
    for (int i = 0; i < spec.workloads().size(); i++) {
      String at = "workloads[" + i + "]";
      WorkloadPlan plan = WorkloadPlan.compile(spec.workloads().get(i), at, i, baseDir, c);
      String key = plan.namespace() + "/" + plan.prefix();
      String clash = prefixes.putIfAbsent(key, at);
      if (clash != null) {
        throw c.fail(at + ".namespace", "its pods would be named " + key + "<i> like those of " + clash
            + ": give it another namespace (or, without a template generateName, another name)");
      }
      workloads.add(plan);
    }
    return new TraceGenerator(origin, spec.seed(), nodes, workloads);
  }

  public long seed() {
    return seed;
  }

  /** A fresh stream of the trace; every call gives the same events. */
  public TraceSource open() {
    return new Stream();
  }

  // ------------------------------------------------------------------ validation helper

  static final class Check {
    final String origin;

    Check(String origin) {
      this.origin = origin;
    }

    GeneratorSpecException fail(String field, String message) {
      return new GeneratorSpecException(origin, field, message);
    }

    double positive(Double v, String field) {
      if (v == null) {
        throw fail(field, "required: a positive number");
      }
      if (!(v > 0) || v.isInfinite()) {
        throw fail(field, "expected a positive number, got " + v);
      }
      return v;
    }

    double nonNegative(Double v, String field, double fallback) {
      if (v == null) {
        return fallback;
      }
      if (!(v >= 0) || v.isInfinite()) {
        throw fail(field, "expected a non-negative number, got " + v);
      }
      return v;
    }

    double finite(Double v, String field, double fallback) {
      if (v == null) {
        return fallback;
      }
      if (!Double.isFinite(v)) {
        throw fail(field, "expected a finite number, got " + v);
      }
      return v;
    }
  }

  // ------------------------------------------------------------------ nodes

  private record NodePlan(String prefix, int count, Node base, List<String> zones) {
    static NodePlan compile(GeneratorSpec.NodeGroup g, String at, Path baseDir, Check c) {
      if (g.count() == null) {
        throw c.fail(at + ".count", "required: the number of nodes in the group");
      }
      if (g.count() < 0) {
        throw c.fail(at + ".count", "expected a non-negative integer, got " + g.count());
      }
      Node base = g.template() == null
          ? Node.of(ObjectMeta.EMPTY, NodeSpec.EMPTY, NodeStatus.EMPTY)
          : readTemplate(baseDir, g.template(), Node.class, at + ".template", c);
      String prefix = g.name() != null ? g.name() + "-"
          : base.metadata().generateName() != null ? base.metadata().generateName()
          : "node-";
      if (g.name() != null && g.name().isEmpty()) {
        throw c.fail(at + ".name", "expected a non-empty name");
      }
      Map<String, Quantity> capacity = !isEmpty(g.capacity()) ? g.capacity()
          : !base.status().capacity().isEmpty() ? base.status().capacity()
          : g.template() == null && isEmpty(g.allocatable()) ? schedulerPerfBaseNode()
          : Map.of();
      Map<String, Quantity> allocatable = !isEmpty(g.allocatable()) ? g.allocatable()
          : !base.status().allocatable().isEmpty() && isEmpty(g.capacity()) ? base.status().allocatable()
          : capacity;
      if (capacity.isEmpty() && allocatable.isEmpty()) {
        throw c.fail(at + ".capacity", "the node has no capacity: give capacity or a template with one");
      }
      checkQuantities(capacity, at + ".capacity", c);
      checkQuantities(allocatable, at + ".allocatable", c);
      Map<String, String> labels = new LinkedHashMap<>(base.metadata().labels());
      if (g.labels() != null) {
        labels.putAll(g.labels());
      }
      List<Taint> taints = new ArrayList<>(base.spec().taints());
      if (g.taints() != null) {
        for (int i = 0; i < g.taints().size(); i++) {
          Taint t = g.taints().get(i);
          if (t == null || t.key() == null || t.key().isEmpty()) {
            throw c.fail(at + ".taints[" + i + "].key", "required");
          }
          if (!Taint.NO_SCHEDULE.equals(t.effect()) && !Taint.PREFER_NO_SCHEDULE.equals(t.effect())
              && !Taint.NO_EXECUTE.equals(t.effect())) {
            throw c.fail(at + ".taints[" + i + "].effect",
                "expected NoSchedule, PreferNoSchedule or NoExecute, got " + t.effect());
          }
          taints.add(t);
        }
      }
      List<NodeCondition> conditions = base.status().conditions().isEmpty()
          ? List.of(new NodeCondition("Ready", "True", null, null, null, null))
          : base.status().conditions();
      List<String> zones = g.zones() == null ? List.of() : List.copyOf(g.zones());
      Node node = base
          .withMetadata(base.metadata().withLabels(labels))
          .withSpec(base.spec().withTaints(taints))
          .withStatus(base.status().withCapacity(capacity).withAllocatable(allocatable)
              .withConditions(conditions));
      if (node.status().phase() == null) {
        NodeStatus s = node.status();
        node = node.withStatus(new NodeStatus(s.capacity(), s.allocatable(), s.conditions(),
            s.addresses(), s.images(), s.nodeInfo(), "Running"));
      }
      return new NodePlan(prefix, g.count(), node, zones);
    }

    Node node(int i) {
      String name = prefix + i;
      Map<String, String> labels = new LinkedHashMap<>(base.metadata().labels());
      labels.put(HOSTNAME_LABEL, name);
      if (!zones.isEmpty()) {
        labels.put(ZONE_LABEL, zones.get(i % zones.size()));
      }
      ObjectMeta meta = base.metadata().withName(name).withLabels(labels);
      return base.withMetadata(new ObjectMeta(name, null, meta.namespace(), meta.uid(), null,
          null, null, null, null, labels, meta.annotations(), meta.ownerReferences(), meta.finalizers()));
    }
  }

  /** scheduler_perf's makeBaseNode: what createNodes makes without a template. */
  private static Map<String, Quantity> schedulerPerfBaseNode() {
    Map<String, Quantity> m = new LinkedHashMap<>();
    m.put("pods", Quantity.parse("110"));
    m.put("cpu", Quantity.parse("4"));
    m.put("memory", Quantity.parse("32Gi"));
    return m;
  }

  private static boolean isEmpty(Map<?, ?> m) {
    return m == null || m.isEmpty();
  }

  private static void checkQuantities(Map<String, Quantity> m, String at, Check c) {
    for (Map.Entry<String, Quantity> e : m.entrySet()) {
      if (e.getValue() == null) {
        throw c.fail(at + "." + e.getKey(), "expected a quantity such as 500m or 2Gi");
      }
      if (e.getValue().signum() < 0) {
        throw c.fail(at + "." + e.getKey(), "expected a non-negative quantity, got " + e.getValue());
      }
    }
  }

  private static <T extends KubeObject> T readTemplate(Path baseDir, String file, Class<T> type, String at, Check c) {
    Path p = baseDir == null ? Path.of(file) : baseDir.resolve(file);
    List<KubeObject> objects;
    try {
      objects = KubeCodec.readAll(p);
    } catch (ManifestException e) {
      throw c.fail(at, e.getMessage());
    }
    if (objects.size() != 1 || !type.isInstance(objects.get(0))) {
      throw c.fail(at, p + ": expected exactly one " + type.getSimpleName() + " manifest");
    }
    return type.cast(objects.get(0));
  }

  // ------------------------------------------------------------------ workloads

  private record WorkloadPlan(
      int index,
      String name,
      String namespace,
      String prefix,
      Pod base,
      long limit,
      long startNanos,
      long endNanos,
      GeneratorSpec.Arrival arrival,
      double startSeconds,
      GeneratorSpec.Duration duration,
      FitDocument.DurationFit fittedDuration,
      Map<String, Quantity> fixed,
      Map<String, EmpiricalQuantities> sampled) {

    static WorkloadPlan compile(GeneratorSpec.Workload w, String at, int index, Path baseDir, Check c) {
      String name = w.name() == null ? "workload-" + index : w.name();
      if (name.isEmpty()) {
        throw c.fail(at + ".name", "expected a non-empty name");
      }
      if (w.template() != null && w.podTemplate() != null) {
        throw c.fail(at + ".podTemplate", "give template or podTemplate, not both");
      }
      Pod base = w.podTemplate() != null ? w.podTemplate()
          : w.template() != null ? readTemplate(baseDir, w.template(), Pod.class, at + ".template", c)
          : null;
      if (w.count() != null && w.count() < 0) {
        throw c.fail(at + ".count", "expected a non-negative integer, got " + w.count());
      }
      double start = c.nonNegative(w.start(), at + ".start", 0);
      Double horizon = w.horizon();
      if (horizon != null) {
        c.positive(horizon, at + ".horizon");
      }
      FitDocument fit = null;
      if (w.fitted() != null) {
        Path p = baseDir == null ? Path.of(w.fitted()) : baseDir.resolve(w.fitted());
        try {
          fit = SpecFiles.readFit(p);
        } catch (GeneratorSpecException e) {
          throw c.fail(at + ".fitted", e.getMessage());
        }
      }
      GeneratorSpec.Arrival arrival = w.arrival();
      if (arrival == null && fit != null && fit.arrivals() != null && fit.arrivals().rate() != null) {
        arrival = new GeneratorSpec.Arrival("poisson", fit.arrivals().rate(), null, null, null, null, null, null, null);
      }
      boolean batch = arrival == null || "batch".equals(arrival.process());
      if (w.count() == null && (horizon == null || batch)) {
        throw c.fail(at + ".count", batch
            ? "required: pods arriving all at once need a count"
            : "required unless horizon is set");
      }
      // Build one of each now so a bad parameter fails here, naming its field, not mid-stream.
      arrivals(arrival, start, Seeds.generator(0), at + ".arrival", c);
      GeneratorSpec.Duration duration = w.duration();
      FitDocument.DurationFit fittedDuration = duration == null && fit != null ? fit.duration() : null;
      durations(duration, fittedDuration, Seeds.generator(0), at + ".duration", c);

      Map<String, Quantity> fixed = w.requests() == null ? new LinkedHashMap<>() : new LinkedHashMap<>(w.requests());
      checkQuantities(fixed, at + ".requests", c);
      Map<String, EmpiricalQuantities> sampled = new LinkedHashMap<>();
      if (fit != null && fit.requests() != null) {
        for (Map.Entry<String, GeneratorSpec.Empirical> e : fit.requests().entrySet()) {
          if (!fixed.containsKey(e.getKey())) {
            sampled.put(e.getKey(), empirical(e.getValue(), at + ".fitted: requests." + e.getKey(), c));
          }
        }
      }
      if (w.requestDistribution() != null) {
        for (Map.Entry<String, GeneratorSpec.Empirical> e : w.requestDistribution().entrySet()) {
          sampled.put(e.getKey(), empirical(e.getValue(), at + ".requestDistribution." + e.getKey(), c));
        }
      }
      for (String k : sampled.keySet()) {
        fixed.remove(k);
      }
      Pod pod = basePod(base, name, w, fixed);
      String namespace = w.namespace() != null ? w.namespace()
          : pod.metadata().namespace() != null ? pod.metadata().namespace()
          : "default";
      long startNanos = ArrivalProcess.toNanos(start);
      long endNanos = horizon == null ? Long.MAX_VALUE : ArrivalProcess.toNanos(start + horizon);
      long limit = w.count() == null ? Long.MAX_VALUE : w.count();
      String gen = pod.metadata().generateName();
      String prefix = gen != null && !gen.isEmpty() && pod.metadata().name() == null ? gen : name + "-";
      return new WorkloadPlan(index, name, namespace, prefix, pod, limit, startNanos, endNanos, arrival, start,
          duration, fittedDuration, fixed, sampled);
    }

    private static EmpiricalQuantities empirical(GeneratorSpec.Empirical e, String at, Check c) {
      if (e == null || e.values() == null || e.counts() == null) {
        throw c.fail(at, "expected values and counts");
      }
      for (int i = 0; i < e.values().size(); i++) {
        Quantity q = e.values().get(i);
        if (q == null || q.signum() < 0) {
          throw c.fail(at + ".values[" + i + "]", "expected a non-negative quantity, got " + q);
        }
      }
      try {
        return new EmpiricalQuantities(e.values(), e.counts());
      } catch (IllegalArgumentException x) {
        throw c.fail(at, x.getMessage());
      }
    }

    /** The template with the workload's labels, priority and fixed requests applied. */
    private static Pod basePod(Pod template, String name, GeneratorSpec.Workload w, Map<String, Quantity> fixed) {
      Pod pod = template != null ? template
          : Pod.of(ObjectMeta.EMPTY, PodSpec.EMPTY.withContainers(
              List.of(new Container("main", "registry.k8s.io/pause:3.10", null, null, null, null, null))),
              null);
      if (pod.spec().containers().isEmpty()) {
        pod = pod.withSpec(pod.spec().withContainers(
            List.of(new Container("main", "registry.k8s.io/pause:3.10", null, null, null, null, null))));
      }
      Map<String, String> labels = new LinkedHashMap<>(pod.metadata().labels());
      if (w.labels() != null) {
        labels.putAll(w.labels());
      }
      labels.put(WORKLOAD_LABEL, name);
      pod = pod.withMetadata(pod.metadata().withLabels(labels));
      if (w.priority() != null) {
        pod = pod.withSpec(pod.spec().withPriority(w.priority()));
      }
      return fixed.isEmpty() ? pod : withRequests(pod, fixed);
    }

    Stream.WorkloadStream stream(long seed) {
      Check c = new Check("");
      ArrivalProcess a = arrivals(arrival, startSeconds, Seeds.generator(seed, index, ARRIVALS), "", c);
      DurationDistribution d = durations(duration, fittedDuration, Seeds.generator(seed, index, DURATIONS), "", c);
      return new Stream.WorkloadStream(this, a, d, Seeds.generator(seed, index, REQUESTS));
    }
  }

  /** Requests of the first container set to {@code requests} (other resources kept). */
  static Pod withRequests(Pod pod, Map<String, Quantity> requests) {
    List<Container> containers = new ArrayList<>(pod.spec().containers());
    Container first = containers.get(0);
    Map<String, Quantity> req = new LinkedHashMap<>(first.resources().requests());
    req.putAll(requests);
    containers.set(0, first.withResources(new ResourceRequirements(req, first.resources().limits())));
    return pod.withSpec(pod.spec().withContainers(containers));
  }

  static ArrivalProcess arrivals(GeneratorSpec.Arrival a, double start, RandomGenerator r, String at, Check c) {
    if (a == null) {
      return new BatchArrivals(ArrivalProcess.toNanos(start));
    }
    String process = a.process();
    if (process == null) {
      throw c.fail(at + ".process", "required: one of poisson, mmpp, diurnal, batch");
    }
    try {
      return switch (process) {
        case "batch" -> new BatchArrivals(ArrivalProcess.toNanos(start));
        case "poisson" -> new PoissonArrivals(c.positive(a.rate(), at + ".rate"), start, r);
        case "diurnal" -> {
          double base = c.positive(a.base(), at + ".base");
          double amplitude = c.nonNegative(a.amplitude(), at + ".amplitude", 0);
          if (amplitude > base) {
            throw c.fail(at + ".amplitude", "expected at most base (" + base + ") so the rate stays non-negative, got " + amplitude);
          }
          yield new DiurnalArrivals(base, amplitude, c.positive(a.period(), at + ".period"),
              c.finite(a.phase(), at + ".phase", 0), start, r);
        }
        case "mmpp" -> {
          if (a.rates() == null || a.rates().isEmpty()) {
            throw c.fail(at + ".rates", "required: one arrival rate per state");
          }
          int n = a.rates().size();
          double[] rates = new double[n];
          for (int i = 0; i < n; i++) {
            rates[i] = c.nonNegative(a.rates().get(i), at + ".rates[" + i + "]", Double.NaN);
            if (Double.isNaN(rates[i])) {
              throw c.fail(at + ".rates[" + i + "]", "expected a non-negative number");
            }
          }
          if (a.switching() == null || a.switching().size() != n) {
            throw c.fail(at + ".switching", "required: a " + n + "x" + n + " matrix of switching rates per second");
          }
          double[][] sw = new double[n][n];
          for (int i = 0; i < n; i++) {
            List<Double> row = a.switching().get(i);
            if (row == null || row.size() != n) {
              throw c.fail(at + ".switching[" + i + "]", "expected " + n + " rates");
            }
            for (int j = 0; j < n; j++) {
              sw[i][j] = c.nonNegative(row.get(j), at + ".switching[" + i + "][" + j + "]", 0);
            }
          }
          int initial = a.initialState() == null ? 0 : a.initialState();
          if (initial < 0 || initial >= n) {
            throw c.fail(at + ".initialState", "expected a state index in [0, " + (n - 1) + "], got " + initial);
          }
          yield new MmppArrivals(rates, sw, initial, start, r);
        }
        default -> throw c.fail(at + ".process", "expected one of poisson, mmpp, diurnal, batch, got " + process);
      };
    } catch (IllegalArgumentException e) {
      throw c.fail(at, e.getMessage());
    }
  }

  static DurationDistribution durations(
      GeneratorSpec.Duration d, FitDocument.DurationFit fitted, RandomGenerator r, String at, Check c) {
    if (d == null) {
      if (fitted != null && fitted.mu() != null && fitted.sigma() != null && fitted.sigma() > 0) {
        return DurationDistribution.lognormal(fitted.mu(), fitted.sigma(), r);
      }
      return null;
    }
    String kind = d.distribution();
    if (kind == null) {
      throw c.fail(at + ".distribution", "required: one of lognormal, weibull, pareto, exponential, constant");
    }
    if ("lognormal".equals(kind) && d.mu() == null) {
      throw c.fail(at + ".mu", "required: the mean of ln(seconds)");
    }
    DurationDistribution dist = switch (kind) {
      case "lognormal" -> DurationDistribution.lognormal(
          c.finite(d.mu(), at + ".mu", Double.NaN), c.positive(d.sigma(), at + ".sigma"), r);
      case "weibull" -> DurationDistribution.weibull(
          c.positive(d.shape(), at + ".shape"), c.positive(d.scale(), at + ".scale"), r);
      case "pareto" -> DurationDistribution.pareto(
          c.positive(d.scale(), at + ".scale"), c.positive(d.shape(), at + ".shape"), r);
      case "exponential" -> DurationDistribution.exponential(c.positive(d.mean(), at + ".mean"), r);
      case "constant" -> DurationDistribution.constant(c.positive(d.seconds(), at + ".seconds"));
      default -> throw c.fail(at + ".distribution",
          "expected one of lognormal, weibull, pareto, exponential, constant, got " + kind);
    };
    if (d.max() != null) {
      dist = dist.cappedAt(c.positive(d.max(), at + ".max"));
    }
    return dist;
  }

  // ------------------------------------------------------------------ the stream

  private final class Stream implements TraceSource {
    private final TraceHeader header;
    private final PriorityQueue<Pending> heap = new PriorityQueue<>();
    private int nodeGroup;
    private int nodeIndex;
    private long seq;

    Stream() {
      Map<String, String> attrs = new LinkedHashMap<>();
      attrs.put("seed", Long.toString(seed));
      header = new TraceHeader(TraceHeader.CURRENT_VERSION, "generator", origin, attrs);
      for (WorkloadPlan w : workloads) {
        WorkloadStream s = w.stream(seed);
        push(s);
      }
    }

    @Override
    public TraceHeader header() {
      return header;
    }

    @Override
    public TraceEvent next() {
      while (nodeGroup < nodes.size()) {
        NodePlan g = nodes.get(nodeGroup);
        if (nodeIndex < g.count()) {
          return new TraceEvent.NodeAdded(0, g.node(nodeIndex++));
        }
        nodeGroup++;
        nodeIndex = 0;
      }
      Pending p = heap.poll();
      if (p == null) {
        return null;
      }
      if (p.stream != null) {
        TraceEvent.PodSubmitted sub = (TraceEvent.PodSubmitted) p.event;
        if (sub.durationNanos() != TraceEvent.PodSubmitted.UNKNOWN_DURATION) {
          long end = saturatingAdd(sub.timeNanos(), sub.durationNanos());
          heap.add(new Pending(end, 0, seq++, new TraceEvent.PodDeleted(end,
              sub.pod().metadata().namespace(), sub.pod().metadata().name(),
              TraceEvent.PodDeleted.Reason.FINISHED), null));
        }
        push(p.stream);
      }
      return p.event;
    }

    private void push(WorkloadStream s) {
      TraceEvent.PodSubmitted e = s.next();
      if (e != null) {
        heap.add(new Pending(e.timeNanos(), 1, seq++, e, s));
      }
    }

    @Override
    public void close() {
      heap.clear();
    }

    static final class WorkloadStream {
      private final WorkloadPlan plan;
      private final ArrivalProcess arrivals;
      private final DurationDistribution durations;
      private final RandomGenerator requests;
      private final String prefix;
      private long emitted;
      private boolean done;

      WorkloadStream(WorkloadPlan plan, ArrivalProcess arrivals, DurationDistribution durations, RandomGenerator requests) {
        this.plan = plan;
        this.arrivals = arrivals;
        this.durations = durations;
        this.requests = requests;
        this.prefix = plan.prefix();
      }

      TraceEvent.PodSubmitted next() {
        if (done || emitted >= plan.limit()) {
          done = true;
          return null;
        }
        long t = arrivals.nextNanos();
        if (t > plan.endNanos() || t == Long.MAX_VALUE) {
          done = true;
          return null;
        }
        Pod pod = plan.base();
        if (!plan.sampled().isEmpty()) {
          Map<String, Quantity> drawn = new LinkedHashMap<>();
          for (Map.Entry<String, EmpiricalQuantities> e : plan.sampled().entrySet()) {
            drawn.put(e.getKey(), e.getValue().sample(requests));
          }
          pod = withRequests(pod, drawn);
        }
        String name = prefix + emitted;
        ObjectMeta m = pod.metadata();
        pod = pod.withMetadata(new ObjectMeta(name, null, plan.namespace(), m.uid(), null, null, null,
            null, null, m.labels(), m.annotations(), m.ownerReferences(), m.finalizers()));
        long duration = durations == null ? TraceEvent.PodSubmitted.UNKNOWN_DURATION : durations.sampleNanos();
        emitted++;
        return new TraceEvent.PodSubmitted(t, pod, duration, Map.of(), List.of());
      }
    }
  }

  private static long saturatingAdd(long a, long b) {
    long r = a + b;
    return ((a ^ r) & (b ^ r)) < 0 ? Long.MAX_VALUE : r;
  }

  private record Pending(long time, int kind, long seq, TraceEvent event, Stream.WorkloadStream stream)
      implements Comparable<Pending> {
    @Override
    public int compareTo(Pending o) {
      int c = Long.compare(time, o.time);
      if (c != 0) {
        return c;
      }
      c = Integer.compare(kind, o.kind);
      return c != 0 ? c : Long.compare(seq, o.seq);
    }
  }
}
