package io.schedlab.traces.alibaba2017;

import io.schedlab.traces.text.NodeParams;
import io.schedlab.api.Container;
import io.schedlab.api.ObjectMeta;
import io.schedlab.api.OwnerReference;
import io.schedlab.api.Pod;
import io.schedlab.api.PodSpec;
import io.schedlab.api.PodStatus;
import io.schedlab.api.Quantity;
import io.schedlab.api.ResourceRequirements;
import io.schedlab.traces.TraceEvent;
import io.schedlab.traces.TraceFormatException;
import io.schedlab.traces.alibaba2018.BatchStatus;
import io.schedlab.traces.text.BadRows;
import io.schedlab.traces.text.CsvFile;
import io.schedlab.traces.text.ResourceUnits;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * v2017 batch_task → batch pods, streamed: each row yields {@code number of instances} pods
 * {@code batch/job-<job>-task-<task>-<i>} submitted at the task's create time. The file must be
 * sorted by create time (column 1); negative times (before the trace) count as 0. A finished
 * status (Terminated, Failed, Cancelled, Interrupted) gives the pods a recorded duration and a
 * deletion at the end time; Running/Waiting/Ready pods stay alive.
 */
final class BatchTaskStream implements AutoCloseable {
  static final String NAMESPACE = "batch";
  static final String LABEL_JOB = "alibaba.com/job";
  static final String ANNOTATION_TASK = "alibaba.com/task";
  static final String ANNOTATION_STATUS = "alibaba.com/status";

  private record Task(long create, long end, String job, String task, long instances, BatchStatus status,
      double cpus, double mem) {}

  private final CsvFile csv;
  private final NodeParams settings;
  private final BadRows badRows;
  private long lastCreate = Long.MIN_VALUE;
  private Task current;
  private long index;
  private TraceEvent.PodSubmitted head;

  BatchTaskStream(Path file, NodeParams settings, BadRows badRows) {
    this.csv = CsvFile.open(file, 8);
    this.settings = settings;
    this.badRows = badRows;
  }

  TraceEvent.PodSubmitted peek() {
    if (head == null) {
      head = advance();
    }
    return head;
  }

  /** Takes the next submission; its deletion, if any, is {@link #deletionOf}. */
  TraceEvent.PodSubmitted take() {
    TraceEvent.PodSubmitted e = peek();
    head = null;
    return e;
  }

  /** The deletion a submission of this stream implies, or null. */
  static TraceEvent.PodDeleted deletionOf(TraceEvent.PodSubmitted s) {
    if (s.durationNanos() == TraceEvent.PodSubmitted.UNKNOWN_DURATION) {
      return null;
    }
    BatchStatus status = BatchStatus.parse(s.pod().metadata().annotations().get(ANNOTATION_STATUS));
    return new TraceEvent.PodDeleted(s.timeNanos() + s.durationNanos(), NAMESPACE, s.pod().metadata().name(), status.reason());
  }

  private TraceEvent.PodSubmitted advance() {
    while (current == null || index >= current.instances) {
      current = null;
      index = 0;
      if (!csv.next()) {
        return null;
      }
      try {
        current = parse();
      } catch (TraceFormatException e) {
        badRows.handle(e);
      }
    }
    return submit(current, index++);
  }

  private Task parse() {
    long create = Math.max(0, csv.longValue(0, "task create time"));
    long end = Math.max(0, csv.longValue(1, "task end time"));
    String job = Long.toString(csv.longValue(2, "job id"));
    String task = Long.toString(csv.longValue(3, "task id"));
    long instances = csv.nonNegativeLong(4, "number of instances");
    String statusText = csv.field(5);
    BatchStatus status = BatchStatus.parse(statusText);
    if (status == null) {
      throw csv.expected("status", BatchStatus.expected(), statusText);
    }
    double cpus = csv.doubleOrNaN(6, "number of cpus requested per instance in the task");
    double mem = csv.doubleOrNaN(7, "normalized memory requested per instance in the task");
    if (!Double.isNaN(mem) && mem > 1) {
      throw csv.expected("normalized memory requested per instance in the task", "a number in [0, 1]", csv.field(7));
    }
    if (create < lastCreate) {
      throw csv.error("task create time: expected rows in non-decreasing create-time order (previous row "
          + lastCreate + "), got \"" + create + "\"; sort the file by create time first (sort -t, -k1,1n -s)");
    }
    if (status.reason() != null && end < create) {
      throw csv.expected("task end time", "at least the create time " + create + " for a finished task", csv.field(1));
    }
    lastCreate = create;
    return new Task(create, end, job, task, instances, status, cpus, mem);
  }

  private TraceEvent.PodSubmitted submit(Task t, long i) {
    Map<String, Quantity> requests = new LinkedHashMap<>();
    if (!Double.isNaN(t.cpus) && t.cpus >= 0) {
      requests.put("cpu", ResourceUnits.cpu(t.cpus, 1000));
    }
    if (!Double.isNaN(t.mem) && t.mem >= 0) {
      requests.put("memory", ResourceUnits.memoryBytes(t.mem, 1, settings.memoryGiB()));
    }
    String jobName = "job-" + t.job;
    ObjectMeta meta = ObjectMeta.named(NAMESPACE, jobName + "-task-" + t.task + "-" + i)
        .withLabels(Map.of(LABEL_JOB, t.job))
        .withAnnotations(Map.of(ANNOTATION_TASK, t.task, ANNOTATION_STATUS, t.status.text()))
        .withOwnerReferences(List.of(new OwnerReference("batch/v1", "Job", jobName, null, true, true)));
    Container container = new Container("main", null, null, null, new ResourceRequirements(requests, null), null, null);
    Pod pod = Pod.of(meta, PodSpec.EMPTY.withContainers(List.of(container)), PodStatus.EMPTY);
    long duration = t.status.reason() != null ? (t.end - t.create) * 1_000_000_000L : TraceEvent.PodSubmitted.UNKNOWN_DURATION;
    return new TraceEvent.PodSubmitted(t.create * 1_000_000_000L, pod, duration, Map.of(), List.of());
  }

  @Override
  public void close() {
    csv.close();
  }
}
