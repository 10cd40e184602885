package io.schedlab.traces.google2011;

import io.schedlab.api.Affinity;
import io.schedlab.api.LabelSelector;
import io.schedlab.api.Node;
import io.schedlab.api.NodeAffinity;
import io.schedlab.api.NodeSelector;
import io.schedlab.api.NodeSelectorRequirement;
import io.schedlab.api.NodeSelectorTerm;
import io.schedlab.api.ObjectMeta;
import io.schedlab.api.OwnerReference;
import io.schedlab.api.Pod;
import io.schedlab.api.PodAffinityTerm;
import io.schedlab.api.PodAntiAffinity;
import io.schedlab.api.PodSpec;
import io.schedlab.api.Quantity;
import io.schedlab.traces.TraceEvent;
import io.schedlab.traces.TraceEvent.PodDeleted.Reason;
import io.schedlab.traces.TraceFormatException;
import io.schedlab.traces.TraceHeader;
import io.schedlab.traces.TraceOptions;
import io.schedlab.traces.TraceSource;
import io.schedlab.traces.google2011.GoogleClusterData2011Format.Table;
import io.schedlab.traces.text.BadRows;
import io.schedlab.traces.text.CsvFile;
import io.schedlab.traces.text.Pods;
import io.schedlab.traces.text.ResourceUnits;
import io.schedlab.traces.text.Row;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeMap;

/**
 * Streams Google ClusterData 2011 as trace events.
 *
 * <p>Implementation note: every part file is time-ordered, so the tables are merged with one
 * heap holding the current row of each part (ordered by time, then table — machines, machine
 * attributes, jobs, constraints, tasks — then part); only one row per part is in memory. State
 * kept: the machines (about 12.5k), the jobs between their SUBMIT and end, and the constraints of
 * tasks not yet ended.
 *
 * <p>Mapping:
 * <ul>
 *   <li>Times are microseconds; event time = µs × 1000 ns, so the recorded window starts at 600 s.
 *       0 ("before the window") stays 0; rows at 2^63−1 ("after the window") are dropped and
 *       counted in {@link #afterWindowRows()}.
 *   <li>Normalised CPU and memory are scaled to a machine of {@code machineCpu} cores and
 *       {@code machineMemoryGiB} GiB (the largest machine, value 1.0), rounded half up to the
 *       millicore and the byte. An empty value leaves the resource out.
 *   <li>machine ADD → NodeAdded (node {@code m-<id>}, capacity = allocatable = cpu, memory and
 *       {@code pods = maxPods}; labels {@code kubernetes.io/hostname}, {@code
 *       google.com/machine-id}, {@code google.com/platform}, and one {@code
 *       google.com/attr-<name>} per machine attribute; hashed names and values are made valid
 *       label text by {@link LabelText}); ADD of a known machine and UPDATE →
 *       NodeUpdated (empty fields keep the previous value; UPDATE of an unknown machine adds it);
 *       REMOVE → NodeRemoved (ignored for unknown machines). Attribute rows update the labels
 *       (deleted = 1 removes the label) and give NodeUpdated for present machines.
 *   <li>task SUBMIT → PodSubmitted of pod {@code <job>-<index>} in namespace {@code google}:
 *       {@code spec.priority} = the trace priority (0–11, higher wins, as in Kubernetes);
 *       labels {@code google.com/job-id}, {@code google.com/task-index}, {@code
 *       google.com/priority}, {@code google.com/scheduling-class}; annotations {@code
 *       google.com/user}, {@code google.com/disk-request} (normalised, not scaled) and, when the
 *       job's SUBMIT was seen, {@code google.com/job-name} and {@code google.com/logical-job-name};
 *       owner a {@code batch/v1 Job} named {@code job-<id>}; different-machines restriction 1 →
 *       required pod anti-affinity on {@code kubernetes.io/hostname} against pods with the same
 *       {@code google.com/job-id}.
 *   <li>task_constraints rows (at or before the task's SUBMIT) become one required node
 *       selector term: EQUAL → In [value], NOT_EQUAL → NotIn [value], LESS_THAN → Lt,
 *       GREATER_THAN → Gt, on label {@code google.com/attr-<name>}; an empty value means the
 *       attribute is absent, so EQUAL "" → DoesNotExist and NOT_EQUAL "" → Exists. A task keeps
 *       its constraints for resubmissions until it ends with FINISH, KILL or LOST; a new batch
 *       of constraint rows (a later time) replaces the old one.
 *   <li>EVICT, FAIL, FINISH, KILL, LOST → PodDeleted with reason EVICTED, FAILED, FINISHED,
 *       KILLED, LOST. SCHEDULE and UPDATE_* rows give no event (the binding is the scheduler's).
 * </ul>
 */
public final class GoogleTraceSource implements TraceSource {
  public static final String PARAM_MACHINE_CPU = "machineCpu";
  public static final String PARAM_MACHINE_MEMORY_GIB = "machineMemoryGiB";
  public static final String PARAM_MAX_PODS = "maxPods";
  public static final String DEFAULT_MACHINE_CPU = "32";
  public static final String DEFAULT_MACHINE_MEMORY_GIB = "64";
  public static final String DEFAULT_MAX_PODS = "110";
  public static final String NAMESPACE = "google";
  public static final String ATTRIBUTE_LABEL_PREFIX = "google.com/attr-";
  static final long AFTER_WINDOW = Long.MAX_VALUE;

  /** One part file of one table. */
  public record Part(Table table, Path path) {}

  private final TraceOptions options;
  private final TraceHeader header;
  private final BigDecimal machineCpu;
  private final BigDecimal machineMemoryGiB;
  private final Quantity maxPods;
  private final PriorityQueue<Cursor> heap =
      new PriorityQueue<>((a, b) -> {
        int c = Long.compare(a.time, b.time);
        if (c != 0) {
          return c;
        }
        c = Integer.compare(a.table.ordinal(), b.table.ordinal());
        return c != 0 ? c : Integer.compare(a.order, b.order);
      });
  private final List<Cursor> all = new ArrayList<>();
  private final Map<Long, Machine> machines = new HashMap<>();
  private final Map<Long, String[]> jobs = new HashMap<>();
  private final Map<String, Constraints> constraints = new HashMap<>();
  private final BadRows badRows;
  private long afterWindowRows;

  GoogleTraceSource(List<Part> parts, TraceOptions options, String source) {
    this.options = options;
    this.badRows = new BadRows(options.skipBadRows());
    this.machineCpu = positive(PARAM_MACHINE_CPU, options.param(PARAM_MACHINE_CPU, DEFAULT_MACHINE_CPU));
    this.machineMemoryGiB =
        positive(PARAM_MACHINE_MEMORY_GIB, options.param(PARAM_MACHINE_MEMORY_GIB, DEFAULT_MACHINE_MEMORY_GIB));
    this.maxPods = Quantity.of(
        positive(PARAM_MAX_PODS, options.param(PARAM_MAX_PODS, DEFAULT_MAX_PODS)).longValue(),
        Quantity.Format.DECIMAL_SI);
    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put(PARAM_MACHINE_CPU, machineCpu.toPlainString());
    attributes.put(PARAM_MACHINE_MEMORY_GIB, machineMemoryGiB.toPlainString());
    attributes.put("timeOrigin", "trace time 0 (the recorded window starts at 600 s)");
    this.header = new TraceHeader(TraceHeader.CURRENT_VERSION, GoogleClusterData2011Format.NAME, source, attributes);
    int order = 0;
    try {
      for (Part part : parts) {
        Cursor cursor = new Cursor(part.table(), CsvFile.open(part.path()), order++);
        all.add(cursor);
        if (advance(cursor)) {
          heap.add(cursor);
        }
      }
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  private static BigDecimal positive(String name, String value) {
    try {
      BigDecimal v = new BigDecimal(value);
      if (v.signum() > 0) {
        return v;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new TraceFormatException("param " + name, 0, name + ": expected a positive number, got \"" + value + "\"");
  }

  @Override
  public TraceHeader header() {
    return header;
  }

  @Override
  public long badRows() {
    return badRows.count();
  }

  /** Rows dropped because their time is 2^63−1 (after the recorded window). */
  public long afterWindowRows() {
    return afterWindowRows;
  }

  @Override
  public TraceEvent next() {
    while (!heap.isEmpty()) {
      Cursor cursor = heap.poll();
      Row row = cursor.row;
      long time = cursor.time;
      Table table = cursor.table;
      if (advance(cursor)) {
        heap.add(cursor);
      }
      TraceEvent event;
      try {
        event = apply(table, row, time * 1000L);
      } catch (TraceFormatException e) {
        bad(e);
        continue;
      }
      if (event != null) {
        return event;
      }
    }
    return null;
  }

  private void bad(TraceFormatException e) {
    badRows.handle(e);
  }

  /** Moves the cursor to its next usable row; false at the end of its file. */
  private boolean advance(Cursor cursor) {
    CsvFile csv = cursor.csv;
    while (csv.next()) {
      Row row = Row.of(csv);
      try {
        row.requireFields(cursor.table.fields);
        long time = row.nonNegativeLong(0, "time");
        if (time == AFTER_WINDOW) {
          afterWindowRows++;
          continue;
        }
        if (time < cursor.time) {
          throw row.error("time: expected at least " + cursor.time
              + " (part files are in time order), got \"" + row.text(0) + "\"");
        }
        cursor.time = time;
        cursor.row = row;
        return true;
      } catch (TraceFormatException e) {
        bad(e);
      }
    }
    cursor.row = null;
    return false;
  }

  private TraceEvent apply(Table table, Row row, long nanos) {
    return switch (table) {
      case MACHINE_EVENTS -> machineEvent(row, nanos);
      case MACHINE_ATTRIBUTES -> machineAttribute(row, nanos);
      case JOB_EVENTS -> jobEvent(row);
      case TASK_CONSTRAINTS -> taskConstraint(row);
      case TASK_EVENTS -> taskEvent(row, nanos);
    };
  }

  private TraceEvent machineEvent(Row row, long nanos) {
    long id = row.nonNegativeLong(1, "machine ID");
    int type = row.intInRange(2, "event type", 0, 2);
    BigDecimal cpus = row.optionalDecimal(4, "CPUs");
    BigDecimal memory = row.optionalDecimal(5, "Memory");
    Machine m = machines.get(id);
    if (type == 1) {
      if (m == null || !m.present) {
        return null;
      }
      m.present = false;
      return new TraceEvent.NodeRemoved(nanos, m.name);
    }
    boolean added = m == null || !m.present;
    if (m == null) {
      m = new Machine(id);
      machines.put(id, m);
    }
    if (!row.isEmpty(3)) {
      m.platform = row.text(3);
    }
    if (cpus != null) {
      m.cpus = cpus;
    }
    if (memory != null) {
      m.memory = memory;
    }
    m.present = true;
    Node node = node(m);
    return added ? new TraceEvent.NodeAdded(nanos, node) : new TraceEvent.NodeUpdated(nanos, node);
  }

  private TraceEvent machineAttribute(Row row, long nanos) {
    long id = row.nonNegativeLong(1, "machine ID");
    String name = row.required(2, "attribute name");
    int deleted = row.intInRange(4, "attribute deleted", 0, 1);
    Machine m = machines.computeIfAbsent(id, Machine::new);
    if (deleted == 1) {
      m.attributes.remove(name);
    } else {
      m.attributes.put(name, row.text(3));
    }
    return m.present ? new TraceEvent.NodeUpdated(nanos, node(m)) : null;
  }

  private TraceEvent jobEvent(Row row) {
    long job = row.nonNegativeLong(2, "job ID");
    int type = row.intInRange(3, "event type", 0, 8);
    if (!row.isEmpty(5)) {
      row.intInRange(5, "scheduling class", 0, 3);
    }
    if (type == 0) {
      jobs.put(job, new String[] {row.text(6), row.text(7)});
    } else if (type >= 2 && type <= 6) {
      jobs.remove(job);
    }
    return null;
  }

  private TraceEvent taskConstraint(Row row) {
    long time = Long.parseLong(row.text(0));
    long job = row.nonNegativeLong(1, "job ID");
    long index = row.nonNegativeLong(2, "task index");
    int op = row.intInRange(3, "comparison operator", 0, 3);
    String name = row.required(4, "attribute name");
    String value = row.text(5);
    String key = ATTRIBUTE_LABEL_PREFIX + LabelText.encode(name);
    NodeSelectorRequirement req = switch (op) {
      case 0 -> value.isEmpty()
          ? new NodeSelectorRequirement(key, "DoesNotExist", null)
          : new NodeSelectorRequirement(key, "In", List.of(LabelText.encode(value)));
      case 1 -> value.isEmpty()
          ? new NodeSelectorRequirement(key, "Exists", null)
          : new NodeSelectorRequirement(key, "NotIn", List.of(LabelText.encode(value)));
      default -> {
        try {
          Long.parseLong(value);
        } catch (NumberFormatException e) {
          throw row.expected("attribute value", "an integer for " + (op == 2 ? "LESS_THAN" : "GREATER_THAN"), value);
        }
        yield new NodeSelectorRequirement(key, op == 2 ? "Lt" : "Gt", List.of(value));
      }
    };
    String task = job + "-" + index;
    Constraints c = constraints.get(task);
    if (c == null || c.time != time) {
      c = new Constraints(time);
      constraints.put(task, c);
    }
    c.requirements.add(req);
    return null;
  }

  private TraceEvent taskEvent(Row row, long nanos) {
    long job = row.nonNegativeLong(2, "job ID");
    long index = row.nonNegativeLong(3, "task index");
    if (!row.isEmpty(4)) {
      row.nonNegativeLong(4, "machine ID");
    }
    int type = row.intInRange(5, "event type", 0, 8);
    String name = job + "-" + index;
    return switch (type) {
      case 0 -> submit(row, nanos, job, index, name);
      case 2 -> deleted(nanos, name, Reason.EVICTED, false);
      case 3 -> deleted(nanos, name, Reason.FAILED, false);
      case 4 -> deleted(nanos, name, Reason.FINISHED, true);
      case 5 -> deleted(nanos, name, Reason.KILLED, true);
      case 6 -> deleted(nanos, name, Reason.LOST, true);
      default -> null;
    };
  }

  private TraceEvent deleted(long nanos, String name, Reason reason, boolean last) {
    if (last) {
      constraints.remove(name);
    }
    return new TraceEvent.PodDeleted(nanos, NAMESPACE, name, reason);
  }

  private TraceEvent submit(Row row, long nanos, long job, long index, String name) {
    String schedulingClass = row.isEmpty(7) ? null : Integer.toString(row.intInRange(7, "scheduling class", 0, 3));
    int priority = row.intInRange(8, "priority", 0, 11);
    BigDecimal cpu = row.optionalDecimal(9, "CPU request");
    BigDecimal memory = row.optionalDecimal(10, "memory request");
    BigDecimal disk = row.optionalDecimal(11, "disk space request");
    boolean distinct = !row.isEmpty(12) && row.intInRange(12, "different machines restriction", 0, 1) == 1;

    String jobId = Long.toString(job);
    Map<String, String> labels = new TreeMap<>();
    labels.put("google.com/job-id", jobId);
    labels.put("google.com/task-index", Long.toString(index));
    labels.put("google.com/priority", Integer.toString(priority));
    if (schedulingClass != null) {
      labels.put("google.com/scheduling-class", schedulingClass);
    }
    Map<String, String> annotations = new TreeMap<>();
    if (!row.isEmpty(6)) {
      annotations.put("google.com/user", row.text(6));
    }
    if (disk != null) {
      annotations.put("google.com/disk-request", row.text(11));
    }
    String[] jobNames = jobs.get(job);
    if (jobNames != null) {
      if (!jobNames[0].isEmpty()) {
        annotations.put("google.com/job-name", jobNames[0]);
      }
      if (!jobNames[1].isEmpty()) {
        annotations.put("google.com/logical-job-name", jobNames[1]);
      }
    }
    ObjectMeta meta = ObjectMeta.named(NAMESPACE, name)
        .withLabels(labels)
        .withAnnotations(annotations.isEmpty() ? null : annotations)
        .withOwnerReferences(List.of(new OwnerReference("batch/v1", "Job", "job-" + jobId, null, true, null)));

    Map<String, Quantity> requests = new LinkedHashMap<>();
    if (cpu != null) {
      requests.put("cpu", ResourceUnits.milliCpu(cpu.multiply(machineCpu)));
    }
    if (memory != null) {
      requests.put("memory", ResourceUnits.gib(memory.multiply(machineMemoryGiB)));
    }
    Constraints c = constraints.get(name);
    NodeAffinity nodeAffinity = c == null ? null
        : new NodeAffinity(new NodeSelector(List.of(new NodeSelectorTerm(List.copyOf(c.requirements), null))), null);
    PodAntiAffinity antiAffinity = !distinct ? null
        : new PodAntiAffinity(
            List.of(new PodAffinityTerm(LabelSelector.of(Map.of("google.com/job-id", jobId)), null,
                "kubernetes.io/hostname", null, null, null)),
            null);
    PodSpec spec = PodSpec.EMPTY.withPriority(priority);
    if (nodeAffinity != null || antiAffinity != null) {
      spec = spec.withAffinity(new Affinity(nodeAffinity, null, antiAffinity));
    }
    Pod pod = Pods.pod(meta, requests, null, spec);
    return new TraceEvent.PodSubmitted(nanos, pod);
  }

  private Node node(Machine m) {
    Map<String, String> labels = new TreeMap<>();
    labels.put("kubernetes.io/hostname", m.name);
    labels.put("google.com/machine-id", Long.toString(m.id));
    if (m.platform != null) {
      labels.put("google.com/platform", LabelText.encode(m.platform));
    }
    for (Map.Entry<String, String> a : m.attributes.entrySet()) {
      labels.put(ATTRIBUTE_LABEL_PREFIX + LabelText.encode(a.getKey()), LabelText.encode(a.getValue()));
    }
    Map<String, Quantity> capacity = new LinkedHashMap<>();
    if (m.cpus != null) {
      capacity.put("cpu", ResourceUnits.milliCpu(m.cpus.multiply(machineCpu)));
    }
    if (m.memory != null) {
      capacity.put("memory", ResourceUnits.gib(m.memory.multiply(machineMemoryGiB)));
    }
    capacity.put("pods", maxPods);
    return Pods.node(ObjectMeta.named(null, m.name).withLabels(labels), capacity);
  }

  @Override
  public void close() {
    RuntimeException first = null;
    for (Cursor c : all) {
      try {
        c.csv.close();
      } catch (RuntimeException e) {
        first = first == null ? e : first;
      }
    }
    if (first != null) {
      throw first;
    }
  }

  private static final class Cursor {
    final Table table;
    final CsvFile csv;
    final int order;
    long time;
    Row row;

    Cursor(Table table, CsvFile csv, int order) {
      this.table = table;
      this.csv = csv;
      this.order = order;
    }
  }

  private static final class Machine {
    final long id;
    final String name;
    final Map<String, String> attributes = new TreeMap<>();
    boolean present;
    String platform;
    BigDecimal cpus;
    BigDecimal memory;

    Machine(long id) {
      this.id = id;
      this.name = "m-" + id;
    }
  }

  private static final class Constraints {
    final long time;
    final List<NodeSelectorRequirement> requirements = new ArrayList<>();

    Constraints(long time) {
      this.time = time;
    }
  }
}
