package io.schedlab.traces.alibaba2018;

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
import io.schedlab.traces.text.BadRows;
import io.schedlab.traces.text.CsvFile;
import io.schedlab.traces.text.ResourceUnits;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * batch_task (+ batch_instance) → batch pods, streamed. Both tables must be sorted by start_time
 * (column 6); a row earlier than the one before is a bad row naming the file and line.
 *
 * <p>With batch_instance, each instance row is one pod, its requests taken from its task's
 * batch_task row (plan_cpu, plan_mem). The task rows are read only as far as the instances need
 * them and dropped once the instance stream has passed the task's end_time, so memory holds the
 * tasks alive at the current time. Without batch_instance, each task row yields instance_num pods.
 *
 * <p>Pod {@code batch/<job>-<task>-<k>} is the k-th (0-based) instance of the task in the order
 * read (task-only input: k = 0 … instance_num − 1). A DAG task's pods depend on every pod of its
 * predecessor tasks read so far (task-only input: all instance_num of them). To name those pods
 * after the predecessor task has ended, the stream keeps, for every DAG task it has seen, its name
 * and instance count: a few dozen bytes per DAG task for the whole trace.
 *
 * <p>Deletions (at end_time, for finished statuses) go to the caller's queue when their submission
 * is taken.
 */
final class BatchStream implements AutoCloseable {
  static final String NAMESPACE = "batch";
  static final String LABEL_JOB = "alibaba.com/job";
  static final String ANNOTATION_TASK = "alibaba.com/task";
  static final String ANNOTATION_TASK_TYPE = "alibaba.com/task-type";
  static final String ANNOTATION_STATUS = "alibaba.com/status";
  static final String ANNOTATION_INSTANCE = "alibaba.com/instance-name";
  static final String ANNOTATION_MACHINE = "alibaba.com/recorded-machine";
  static final String ANNOTATION_SEQ = "alibaba.com/seq-no";
  static final String ANNOTATION_TOTAL_SEQ = "alibaba.com/total-seq-no";
  private static final String SORT_HINT = "; sort the file by start_time first (sort -t, -k6,6n -s)";

  /** A batch_task row, kept while instances may still refer to it. */
  private static final class Task {
    final String job;
    final String name;
    final TaskName dag;
    final String type;
    final BatchStatus status;
    final long start;
    final long end;
    final long instanceNum;
    final double plannedCpu;
    final double plannedMem;
    int instancesSeen;

    Task(String job, String name, String type, BatchStatus status, long start, long end,
        long instanceNum, double plannedCpu, double plannedMem) {
      this.job = job;
      this.name = name;
      this.dag = TaskName.parse(name);
      this.type = type;
      this.status = status;
      this.start = start;
      this.end = end;
      this.instanceNum = instanceNum;
      this.plannedCpu = plannedCpu;
      this.plannedMem = plannedMem;
    }
  }

  /** What the DAG needs of a task after its row is gone. */
  private static final class DagTask {
    final String name;
    long pods;

    DagTask(String name) {
      this.name = name;
    }
  }

  private final CsvFile tasks;
  private final CsvFile instances;
  private final NodeParams settings;
  private final BadRows badRows;
  private final PriorityQueue<Deletion> deletions;
  private final Map<String, Task> liveTasks = new HashMap<>();
  private final PriorityQueue<Task> taskEnds = new PriorityQueue<>((a, b) -> Long.compare(a.end, b.end));
  private final Map<String, Map<Integer, DagTask>> dags = new HashMap<>();
  private long lastTaskStart = Long.MIN_VALUE;
  private long lastInstanceStart = Long.MIN_VALUE;
  private boolean tasksDone;
  private Task current;
  private long currentIndex;
  private TraceEvent.PodSubmitted head;
  private TraceEvent.PodDeleted headDeletion;
  private long deletionSeq;

  /** A pending deletion, ordered by time then by the order it was queued. */
  record Deletion(TraceEvent.PodDeleted event, long seq) implements Comparable<Deletion> {
    @Override
    public int compareTo(Deletion o) {
      int c = Long.compare(event.timeNanos(), o.event.timeNanos());
      return c != 0 ? c : Long.compare(seq, o.seq);
    }
  }

  BatchStream(Path taskFile, Path instanceFile, NodeParams settings, BadRows badRows,
      PriorityQueue<Deletion> deletions) {
    this.settings = settings;
    this.badRows = badRows;
    this.deletions = deletions;
    this.tasks = CsvFile.open(taskFile, 9);
    this.instances = instanceFile == null ? null : CsvFile.open(instanceFile, 14);
  }

  /** The next submission without taking it, or null at the end. */
  TraceEvent.PodSubmitted peek() {
    if (head == null) {
      head = instances == null ? nextFromTasks() : nextFromInstances();
    }
    return head;
  }

  /** Takes the next submission and queues its deletion. */
  TraceEvent.PodSubmitted take() {
    TraceEvent.PodSubmitted e = peek();
    if (headDeletion != null) {
      deletions.add(new Deletion(headDeletion, deletionSeq++));
    }
    head = null;
    headDeletion = null;
    return e;
  }

  private TraceEvent.PodSubmitted nextFromTasks() {
    while (current == null || currentIndex >= current.instanceNum) {
      current = readTask();
      currentIndex = 0;
      if (current == null) {
        return null;
      }
      if (current.dag.inDag()) {
        dag(current).pods = current.instanceNum;
      }
    }
    long k = currentIndex++;
    return submit(current, k, current.start, current.end, current.status, null, Map.of());
  }

  private TraceEvent.PodSubmitted nextFromInstances() {
    while (instances.next()) {
      try {
        return instance();
      } catch (TraceFormatException e) {
        badRows.handle(e);
      }
    }
    return null;
  }

  private TraceEvent.PodSubmitted instance() {
    String instanceName = instances.nonEmpty(0, "instance_name");
    String taskName = instances.nonEmpty(1, "task_name");
    String job = instances.nonEmpty(2, "job_name");
    BatchStatus status = status(instances, 4);
    long start = instances.nonNegativeLong(5, "start_time");
    long end = instances.nonNegativeLong(6, "end_time");
    checkTimes(instances, lastInstanceStart, start, end);
    String machine = instances.field(7);
    String seq = instances.field(8);
    String totalSeq = instances.field(9);
    double cpuAvg = instances.doubleOrNaN(10, "cpu_avg");
    instances.doubleOrNaN(11, "cpu_max");
    double memAvg = instances.doubleOrNaN(12, "mem_avg");
    instances.doubleOrNaN(13, "mem_max");
    Task task = task(job, taskName, start);
    lastInstanceStart = start;
    long k = task.instancesSeen++;
    if (task.dag.inDag()) {
      dag(task).pods = task.instancesSeen;
    }
    Map<String, Quantity> usage = new LinkedHashMap<>();
    if (Sentinels.validCpu(cpuAvg)) {
      usage.put("cpu", ResourceUnits.cpu(cpuAvg, 10));
    }
    if (Sentinels.validPercent(memAvg)) {
      usage.put("memory", ResourceUnits.memoryBytes(memAvg, 100, settings.memoryGiB()));
    }
    Map<String, String> extra = new LinkedHashMap<>();
    extra.put(ANNOTATION_INSTANCE, instanceName);
    if (!machine.isEmpty()) {
      extra.put(ANNOTATION_MACHINE, machine);
    }
    if (!seq.isEmpty()) {
      extra.put(ANNOTATION_SEQ, seq);
    }
    if (!totalSeq.isEmpty()) {
      extra.put(ANNOTATION_TOTAL_SEQ, totalSeq);
    }
    return submit(task, k, start, end, status, extra, usage);
  }

  /** The task an instance belongs to, reading batch_task ahead as far as needed. */
  private Task task(String job, String name, long instanceStart) {
    while (!taskEnds.isEmpty() && taskEnds.peek().end < instanceStart) {
      Task gone = taskEnds.poll();
      liveTasks.remove(key(gone.job, gone.name), gone);
    }
    String key = key(job, name);
    Task task = liveTasks.get(key);
    while (task == null && !tasksDone) {
      readTask();
      task = liveTasks.get(key);
    }
    if (task == null || (task.end > 0 && task.end < instanceStart)) {
      throw instances.error("task_name: expected a batch_task row for job " + job + " task " + name
          + " that has not ended before start_time " + instanceStart + ", found none");
    }
    return task;
  }

  /** The next good batch_task row (also registered for instances), or null at the end. */
  private Task readTask() {
    while (!tasksDone) {
      if (!tasks.next()) {
        tasksDone = true;
        return null;
      }
      try {
        Task t = parseTask();
        if (instances != null) {
          liveTasks.put(key(t.job, t.name), t);
          if (t.end > 0) {
            taskEnds.add(t);
          }
        }
        return t;
      } catch (TraceFormatException e) {
        badRows.handle(e);
      }
    }
    return null;
  }

  private Task parseTask() {
    String name = tasks.nonEmpty(0, "task_name");
    long instanceNum = tasks.nonNegativeLong(1, "instance_num");
    String job = tasks.nonEmpty(2, "job_name");
    String type = tasks.field(3);
    BatchStatus status = status(tasks, 4);
    long start = tasks.nonNegativeLong(5, "start_time");
    long end = tasks.nonNegativeLong(6, "end_time");
    checkTimes(tasks, lastTaskStart, start, end);
    double cpu = tasks.doubleOrNaN(7, "plan_cpu");
    double mem = tasks.doubleOrNaN(8, "plan_mem");
    lastTaskStart = start;
    return new Task(job, name, type, status, start, end, instanceNum, cpu, mem);
  }

  /** Rows come in start_time order and end (when they do, end_time not 0) no earlier. */
  private static void checkTimes(CsvFile csv, long lastStart, long start, long end) {
    if (start < lastStart) {
      throw csv.error("start_time: expected rows in non-decreasing start_time order (previous row "
          + lastStart + "), got \"" + start + "\"" + SORT_HINT);
    }
    if (end != 0 && end < start) {
      throw csv.expected("end_time", "0 or at least start_time " + start, csv.field(6));
    }
  }

  private static BatchStatus status(CsvFile csv, int index) {
    String text = csv.field(index);
    BatchStatus s = BatchStatus.parse(text);
    if (s == null) {
      throw csv.expected("status", BatchStatus.expected(), text);
    }
    return s;
  }

  private DagTask dag(Task task) {
    return dags.computeIfAbsent(task.job, j -> new HashMap<>())
        .computeIfAbsent(task.dag.number(), n -> new DagTask(task.name));
  }

  private TraceEvent.PodSubmitted submit(Task task, long k, long start, long end, BatchStatus status,
      Map<String, String> extra, Map<String, Quantity> usage) {
    String name = podName(task.job, task.name, k);
    Map<String, Quantity> requests = new LinkedHashMap<>();
    if (Sentinels.validCpu(task.plannedCpu)) {
      requests.put("cpu", ResourceUnits.cpu(task.plannedCpu, 10));
    }
    if (Sentinels.validPercent(task.plannedMem)) {
      requests.put("memory", ResourceUnits.memoryBytes(task.plannedMem, 100, settings.memoryGiB()));
    }
    Map<String, String> annotations = new LinkedHashMap<>();
    annotations.put(ANNOTATION_TASK, task.name);
    if (!task.type.isEmpty()) {
      annotations.put(ANNOTATION_TASK_TYPE, task.type);
    }
    annotations.put(ANNOTATION_STATUS, status.text());
    if (extra != null) {
      annotations.putAll(extra);
    }
    ObjectMeta meta = ObjectMeta.named(NAMESPACE, name)
        .withLabels(Map.of(LABEL_JOB, task.job))
        .withAnnotations(annotations)
        .withOwnerReferences(List.of(new OwnerReference("batch/v1", "Job", task.job, null, true, true)));
    Container container = new Container("main", null, null, null, new ResourceRequirements(requests, null), null, null);
    Pod pod = Pod.of(meta, PodSpec.EMPTY.withContainers(List.of(container)), PodStatus.EMPTY);
    boolean ended = status.reason() != null && end > 0;
    long t = start * 1_000_000_000L;
    long duration = ended ? (end - start) * 1_000_000_000L : TraceEvent.PodSubmitted.UNKNOWN_DURATION;
    headDeletion = ended ? new TraceEvent.PodDeleted(end * 1_000_000_000L, NAMESPACE, name, status.reason()) : null;
    return new TraceEvent.PodSubmitted(t, pod, duration, usage, dependsOn(task));
  }

  private List<String> dependsOn(Task task) {
    int[] deps = task.dag.dependsOn();
    if (deps.length == 0) {
      return List.of();
    }
    Map<Integer, DagTask> job = dags.get(task.job);
    List<String> keys = new ArrayList<>();
    for (int d : deps) {
      DagTask before = job == null ? null : job.get(d);
      if (before == null) {
        continue;
      }
      for (long j = 0; j < before.pods; j++) {
        keys.add(NAMESPACE + "/" + podName(task.job, before.name, j));
      }
    }
    return keys;
  }

  /** How many batch_task rows are held for instances still to come (bounded by tasks alive). */
  int liveTaskCount() {
    return liveTasks.size();
  }

  static String podName(String job, String task, long k) {
    return job + "-" + task + "-" + k;
  }

  private static String key(String job, String task) {
    return job + '\u0000' + task;
  }

  @Override
  public void close() {
    tasks.close();
    if (instances != null) {
      instances.close();
    }
  }
}
