package io.schedlab.traces.alibaba2020;

import io.schedlab.api.Affinity;
import io.schedlab.api.NodeAffinity;
import io.schedlab.api.NodeSelector;
import io.schedlab.api.NodeSelectorRequirement;
import io.schedlab.api.NodeSelectorTerm;
import io.schedlab.api.ObjectMeta;
import io.schedlab.api.OwnerReference;
import io.schedlab.api.PodSpec;
import io.schedlab.api.Quantity;
import io.schedlab.traces.TraceEvent;
import io.schedlab.traces.TraceEvent.PodDeleted.Reason;
import io.schedlab.traces.TraceFormat;
import io.schedlab.traces.TraceFormatException;
import io.schedlab.traces.TraceHeader;
import io.schedlab.traces.TraceOptions;
import io.schedlab.traces.TraceSource;
import io.schedlab.traces.text.BadRows;
import io.schedlab.traces.text.CsvFile;
import io.schedlab.traces.text.InputFiles;
import io.schedlab.traces.text.ListSource;
import io.schedlab.traces.text.Pods;
import io.schedlab.traces.text.ResourceUnits;
import io.schedlab.traces.text.Row;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Alibaba PAI GPU trace 2020 ({@code alibaba-gpu-2020}), as far as the shipped files define it.
 * Inputs: a folder holding {@code pai_machine_spec.csv} and/or {@code pai_task_table.csv}, or
 * those files. Rows have no header (one equal to the published header line is skipped).
 *
 * <ul>
 *   <li>{@code pai_machine_spec.csv} ({@code machine,gpu_type,cap_cpu,cap_mem,cap_gpu}) →
 *       NodeAdded at time 0: capacity {@code cpu} (cores), {@code memory} (cap_mem GB, taken as
 *       GiB), {@code pods} = 110 and, for GPU machines, {@code nvidia.com/gpu} = cap_gpu and
 *       {@code alibabacloud.com/gpu-milli} = cap_gpu × 1000; label {@code
 *       alibabacloud.com/gpu-type} = gpu_type ({@code CPU} for machines without GPUs).
 *   <li>{@code pai_task_table.csv} ({@code job_name,task_name,inst_num,status,start_time,
 *       end_time,plan_cpu,plan_mem,plan_gpu,gpu_type}) → inst_num pods {@code
 *       <job>-<task>-<i>} in namespace {@code pai}, submitted at start_time − the time origin:
 *       requests {@code cpu} = plan_cpu / 100 cores, {@code memory} = plan_mem GiB, {@code
 *       alibabacloud.com/gpu-milli} = plan_gpu × 10 (an empty plan leaves the resource out);
 *       a gpu_type (other than empty) becomes required node affinity In [gpu_type] on the
 *       gpu-type label; owner a Job named by job_name; label {@code alibabacloud.com/status}.
 *       Terminated tasks are deleted (FINISHED) at end_time, Failed ones (FAILED); Running and
 *       Waiting ones are not deleted. Rows without start_time never started and are skipped
 *       (counted in the header attribute {@code unstartedRows}).
 *   <li>{@code pai_job_table.csv} ({@code job_name,inst_id,user,status,start_time,end_time}),
 *       when given, is read first and held in memory by job_name: its inst_id and user become
 *       the annotations {@code alibabacloud.com/inst-id} and {@code alibabacloud.com/user} of
 *       the job's pods. The instance, sensor, group-tag and machine-metric tables are not read
 *       (the task table carries the requests and times a replay needs).
 * </ul>
 *
 * <p>Times carry a secret offset; the time origin is the param {@code timeOrigin} (seconds) or,
 * by default, the smallest start_time of the task table, found in a first pass over the file.
 * The task table is not time-ordered, so its events are sorted in memory (the full table has
 * about 1.26 M rows; read it with a heap to match).
 */
public final class AlibabaGpu2020Format implements TraceFormat {
  public static final String NAME = "alibaba-gpu-2020";
  public static final String MACHINE_SPEC = "pai_machine_spec.csv";
  public static final String TASK_TABLE = "pai_task_table.csv";
  public static final String JOB_TABLE = "pai_job_table.csv";
  public static final String NAMESPACE = "pai";
  public static final String GPU_TYPE_LABEL = "alibabacloud.com/gpu-type";
  public static final String GPU_MILLI = "alibabacloud.com/gpu-milli";
  public static final String PARAM_TIME_ORIGIN = "timeOrigin";
  static final String MACHINE_HEADER = "machine,gpu_type,cap_cpu,cap_mem,cap_gpu";
  static final String JOB_HEADER = "job_name,inst_id,user,status,start_time,end_time";
  static final String TASK_HEADER =
      "job_name,task_name,inst_num,status,start_time,end_time,plan_cpu,plan_mem,plan_gpu,gpu_type";
  private static final Set<String> STATUSES = Set.of("Running", "Terminated", "Failed", "Waiting");
  private static final Quantity PODS = Quantity.of(110, Quantity.Format.DECIMAL_SI);
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "Alibaba PAI GPU 2020: pai_machine_spec.csv (nodes), pai_task_table.csv (pods), pai_job_table.csv (users); param timeOrigin (s)";
  }

  @Override
  public TraceSource open(List<Path> inputs, TraceOptions options) {
    List<Path> specs = new ArrayList<>();
    List<Path> tasks = new ArrayList<>();
    List<Path> jobs = new ArrayList<>();
    for (Path input : inputs) {
      if (Files.isDirectory(input)) {
        boolean spec = InputFiles.addIfPresent(input, MACHINE_SPEC, specs);
        boolean task = InputFiles.addIfPresent(input, TASK_TABLE, tasks);
        InputFiles.addIfPresent(input, JOB_TABLE, jobs);
        if (!spec && !task) {
          throw new TraceFormatException(input.toString(), 0, "expected " + MACHINE_SPEC + " or " + TASK_TABLE + ", found neither");
        }
      } else if (!Files.isRegularFile(input)) {
        throw new TraceFormatException(input.toString(), 0, "expected a file or folder, got nothing there");
      } else if (input.getFileName().toString().startsWith("pai_machine_spec")) {
        specs.add(input);
      } else if (input.getFileName().toString().startsWith("pai_task_table")) {
        tasks.add(input);
      } else if (input.getFileName().toString().startsWith("pai_job_table")) {
        jobs.add(input);
      } else {
        throw new TraceFormatException(input.toString(), 0,
            "file: expected pai_machine_spec.csv, pai_task_table.csv or pai_job_table.csv, got \"" + input.getFileName() + "\"");
      }
    }
    Reader reader = new Reader(options);
    List<TraceEvent> events = new ArrayList<>();
    for (Path spec : specs) {
      reader.readFile(spec, MACHINE_HEADER, 5, row -> events.add(reader.machine(row)));
    }
    for (Path job : jobs) {
      reader.readFile(job, JOB_HEADER, 6, reader::job);
    }
    if (!tasks.isEmpty()) {
      String param = options.params().get(PARAM_TIME_ORIGIN);
      BigDecimal origin = null;
      if (param != null) {
        try {
          origin = new BigDecimal(param);
        } catch (NumberFormatException e) {
          throw new TraceFormatException("param " + PARAM_TIME_ORIGIN, 0,
              PARAM_TIME_ORIGIN + ": expected a number of seconds, got \"" + param + "\"");
        }
      } else {
        for (Path task : tasks) {
          origin = minStart(task, origin);
        }
      }
      BigDecimal timeOrigin = origin == null ? BigDecimal.ZERO : origin;
      for (Path task : tasks) {
        reader.readFile(task, TASK_HEADER, 10, row -> reader.task(row, timeOrigin, events));
      }
    }
    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put("unstartedRows", Long.toString(reader.unstarted));
    return new ListSource(new TraceHeader(TraceHeader.CURRENT_VERSION, NAME, inputs.toString(), attributes),
        events, reader.bad.count());
  }

  /** The smallest well-formed start_time, ignoring rows the main pass will report. */
  private static BigDecimal minStart(Path file, BigDecimal min) {
    try (CsvFile csv = CsvFile.open(file)) {
      while (csv.next()) {
        if (csv.size() == 10 && !csv.field(4).isEmpty()) {
          try {
            BigDecimal v = new BigDecimal(csv.field(4));
            if (min == null || v.compareTo(min) < 0) {
              min = v;
            }
          } catch (NumberFormatException e) {
            // the main pass reports it
          }
        }
      }
    }
    return min;
  }

  private static final class Reader {
    final BadRows bad;
    long unstarted;
    final Map<String, String[]> jobs = new java.util.HashMap<>();

    Reader(TraceOptions options) {
      this.bad = new BadRows(options.skipBadRows());
    }

    void readFile(Path path, String header, int fields, java.util.function.Consumer<Row> action) {
      try (CsvFile csv = CsvFile.open(path)) {
        boolean first = true;
        while (csv.next()) {
          if (first && csv.text().strip().equals(header)) {
            first = false;
            continue;
          }
          first = false;
          Row row = Row.of(csv);
          try {
            row.requireFields(fields);
            action.accept(row);
          } catch (TraceFormatException e) {
            bad.handle(e);
          }
        }
      }
    }

    void job(Row row) {
      String job = row.required(0, "job_name");
      String status = row.text(3);
      if (!STATUSES.contains(status)) {
        throw row.expected("status", "Running, Terminated, Failed or Waiting", status);
      }
      row.optionalDecimal(4, "start_time");
      row.optionalDecimal(5, "end_time");
      jobs.put(job, new String[] {row.text(1), row.text(2)});
    }

    TraceEvent machine(Row row) {
      String name = row.required(0, "machine");
      String type = row.required(1, "gpu_type");
      Map<String, Quantity> capacity = new LinkedHashMap<>();
      capacity.put("cpu", ResourceUnits.milliCpu(row.decimal(2, "cap_cpu")));
      capacity.put("memory", ResourceUnits.gib(row.decimal(3, "cap_mem")));
      capacity.put("pods", PODS);
      long gpus = row.nonNegativeLong(4, "cap_gpu");
      if (gpus > 0) {
        capacity.put("nvidia.com/gpu", Quantity.of(gpus, Quantity.Format.DECIMAL_SI));
        capacity.put(GPU_MILLI, Quantity.of(gpus * 1000, Quantity.Format.DECIMAL_SI));
      }
      Map<String, String> labels = new TreeMap<>();
      labels.put("kubernetes.io/hostname", name);
      labels.put(GPU_TYPE_LABEL, type);
      return new TraceEvent.NodeAdded(0, Pods.node(ObjectMeta.named(null, name).withLabels(labels), capacity));
    }

    void task(Row row, BigDecimal origin, List<TraceEvent> events) {
      String job = row.required(0, "job_name");
      String task = row.required(1, "task_name");
      long count = row.nonNegativeLong(2, "inst_num");
      String status = row.text(3);
      if (!STATUSES.contains(status)) {
        throw row.expected("status", "Running, Terminated, Failed or Waiting", status);
      }
      BigDecimal start = row.optionalDecimal(4, "start_time");
      BigDecimal end = row.optionalDecimal(5, "end_time");
      BigDecimal cpu = row.optionalDecimal(6, "plan_cpu");
      BigDecimal memory = row.optionalDecimal(7, "plan_mem");
      BigDecimal gpu = row.optionalDecimal(8, "plan_gpu");
      String gpuType = row.text(9);
      if (start == null) {
        unstarted++;
        return;
      }
      if (start.compareTo(origin) < 0) {
        throw row.expected("start_time", "a time not before the time origin " + origin.toPlainString(), row.text(4));
      }
      if (end != null && end.compareTo(start) < 0) {
        throw row.expected("end_time", "a time not before start_time " + row.text(4), row.text(5));
      }
      Map<String, Quantity> requests = new LinkedHashMap<>();
      if (cpu != null) {
        requests.put("cpu", ResourceUnits.milliCpu(cpu.divide(HUNDRED)));
      }
      if (memory != null) {
        requests.put("memory", ResourceUnits.gib(memory));
      }
      if (gpu != null && gpu.signum() > 0) {
        requests.put(GPU_MILLI, Quantity.of(
            gpu.multiply(BigDecimal.TEN).setScale(0, java.math.RoundingMode.HALF_UP).longValueExact(),
            Quantity.Format.DECIMAL_SI));
      }
      PodSpec spec = PodSpec.EMPTY;
      if (!gpuType.isEmpty()) {
        spec = spec.withAffinity(new Affinity(new NodeAffinity(new NodeSelector(List.of(new NodeSelectorTerm(
            List.of(new NodeSelectorRequirement(GPU_TYPE_LABEL, "In", List.of(gpuType))), null))), null), null, null));
      }
      long submit = ResourceUnits.secondsToNanos(start.subtract(origin));
      Reason reason = status.equals("Terminated") ? Reason.FINISHED : status.equals("Failed") ? Reason.FAILED : null;
      long duration = end != null && reason != null
          ? ResourceUnits.secondsToNanos(end.subtract(start))
          : TraceEvent.PodSubmitted.UNKNOWN_DURATION;
      Map<String, String> labels = new TreeMap<>();
      labels.put("alibabacloud.com/job-name", job);
      labels.put("alibabacloud.com/task-name", task);
      labels.put("alibabacloud.com/status", status);
      String[] jobRow = jobs.get(job);
      Map<String, String> annotations = new TreeMap<>();
      if (jobRow != null) {
        if (!jobRow[0].isEmpty()) {
          annotations.put("alibabacloud.com/inst-id", jobRow[0]);
        }
        if (!jobRow[1].isEmpty()) {
          annotations.put("alibabacloud.com/user", jobRow[1]);
        }
      }
      for (long i = 0; i < count; i++) {
        String name = job + "-" + task + "-" + i;
        ObjectMeta meta = ObjectMeta.named(NAMESPACE, name).withLabels(labels).withAnnotations(annotations)
            .withOwnerReferences(List.of(new OwnerReference("batch/v1", "Job", job, null, true, null)));
        events.add(new TraceEvent.PodSubmitted(submit, Pods.pod(meta, requests, null, spec), duration, null, null));
        if (reason != null && end != null) {
          events.add(new TraceEvent.PodDeleted(ResourceUnits.secondsToNanos(end.subtract(origin)), NAMESPACE, name, reason));
        }
      }
    }
  }
}
