package io.schedlab.traces.alibaba2025;

import io.schedlab.api.ObjectMeta;
import io.schedlab.api.PodSpec;
import io.schedlab.api.Quantity;
import io.schedlab.traces.TraceEvent;
import io.schedlab.traces.TraceFormat;
import io.schedlab.traces.TraceFormatException;
import io.schedlab.traces.TraceHeader;
import io.schedlab.traces.TraceOptions;
import io.schedlab.traces.TraceSource;
import io.schedlab.traces.text.BadRows;
import io.schedlab.traces.text.CsvFile;
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
import java.util.TreeMap;

/**
 * Alibaba cluster-trace-gpu-v2025 ({@code alibaba-gpu-2025}): {@code disaggregated_DLRM_trace.csv}
 * (with its header), or a folder holding it. The file is 2 MB and not time-ordered, so its
 * events are sorted in memory.
 *
 * <p>Each row is one pod {@code instance_sn} in namespace {@code alibaba-2025}: requests and
 * limits {@code cpu} (vCPUs), {@code memory} (GiB), {@code ephemeral-storage} (disk GiB; the
 * limit is the recorded disk_limit), {@code nvidia.com/gpu} (whole GPUs, only when > 0) and
 * {@code alibabacloud.com/rdma} (percent of one RDMA NIC's bandwidth, only when > 0); labels
 * {@code app} (app_name) and {@code alibabacloud.com/role} (CN or HN); annotation {@code
 * alibabacloud.com/max-instance-per-node} when not −1. It is submitted at creation_time (0 when
 * empty: it existed at the start) and deleted (DELETED) at deletion_time when set; the recorded
 * duration is deletion_time − scheduled_time when both are set. No node list is published.
 */
public final class AlibabaGpu2025Format implements TraceFormat {
  public static final String NAME = "alibaba-gpu-2025";
  public static final String FILE = "disaggregated_DLRM_trace.csv";
  public static final String NAMESPACE = "alibaba-2025";
  static final String HEADER =
      "instance_sn,role,app_name,cpu_request,cpu_limit,gpu_request,gpu_limit,rdma_request,rdma_limit,"
          + "memory_request,memory_limit,disk_request,disk_limit,max_instance_per_node,creation_time,"
          + "scheduled_time,deletion_time";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "Alibaba GPU v2025 (disaggregated DLRM serving): " + FILE + " or its folder; one pod per instance";
  }

  @Override
  public TraceSource open(List<Path> inputs, TraceOptions options) {
    List<TraceEvent> events = new ArrayList<>();
    BadRows bad = new BadRows(options.skipBadRows());
    for (Path input : inputs) {
      Path file = Files.isDirectory(input) ? input.resolve(FILE) : input;
      if (!Files.isRegularFile(file)) {
        throw new TraceFormatException(file.toString(), 0, "expected " + FILE + ", got nothing there");
      }
      try (CsvFile csv = CsvFile.open(file)) {
        if (!csv.next() || !csv.text().strip().equals(HEADER)) {
          throw csv.headerError(HEADER);
        }
        while (csv.next()) {
          Row row = Row.of(csv);
          try {
            read(row, events);
          } catch (TraceFormatException e) {
            bad.handle(e);
          }
        }
      }
    }
    return new ListSource(new TraceHeader(TraceHeader.CURRENT_VERSION, NAME, inputs.toString(), Map.of()), events, bad.count());
  }

  private static void read(Row row, List<TraceEvent> events) {
    row.requireFields(17);
    String name = row.required(0, "instance_sn");
    String role = row.text(1);
    if (!role.equals("CN") && !role.equals("HN")) {
      throw row.expected("role", "CN or HN", role);
    }
    String app = row.required(2, "app_name");
    Map<String, Quantity> requests = new LinkedHashMap<>();
    Map<String, Quantity> limits = new LinkedHashMap<>();
    requests.put("cpu", ResourceUnits.milliCpu(row.decimal(3, "cpu_request")));
    limits.put("cpu", ResourceUnits.milliCpu(row.decimal(4, "cpu_limit")));
    requests.put("memory", ResourceUnits.gib(row.decimal(9, "memory_request")));
    limits.put("memory", ResourceUnits.gib(row.decimal(10, "memory_limit")));
    requests.put("ephemeral-storage", ResourceUnits.gib(row.decimal(11, "disk_request")));
    limits.put("ephemeral-storage", ResourceUnits.gib(row.decimal(12, "disk_limit")));
    putIfPositive(requests, "nvidia.com/gpu", row.nonNegativeLong(5, "gpu_request"));
    putIfPositive(limits, "nvidia.com/gpu", row.nonNegativeLong(6, "gpu_limit"));
    putIfPositive(requests, "alibabacloud.com/rdma", row.nonNegativeLong(7, "rdma_request"));
    putIfPositive(limits, "alibabacloud.com/rdma", row.nonNegativeLong(8, "rdma_limit"));
    long perNode = row.longValue(13, "max_instance_per_node");
    if (perNode < -1 || perNode == 0) {
      throw row.expected("max_instance_per_node", "-1 or a positive integer", row.text(13));
    }
    BigDecimal created = row.optionalDecimal(14, "creation_time");
    BigDecimal scheduled = row.optionalDecimal(15, "scheduled_time");
    BigDecimal deleted = row.optionalDecimal(16, "deletion_time");

    Map<String, String> labels = new TreeMap<>();
    labels.put("app", app);
    labels.put("alibabacloud.com/role", role);
    ObjectMeta meta = ObjectMeta.named(NAMESPACE, name).withLabels(labels);
    if (perNode > 0) {
      meta = meta.withAnnotations(Map.of("alibabacloud.com/max-instance-per-node", Long.toString(perNode)));
    }
    long submit = created == null ? 0 : ResourceUnits.secondsToNanos(created);
    long duration = deleted != null && scheduled != null
        ? ResourceUnits.secondsToNanos(deleted) - ResourceUnits.secondsToNanos(scheduled)
        : TraceEvent.PodSubmitted.UNKNOWN_DURATION;
    if (duration < 0 && duration != TraceEvent.PodSubmitted.UNKNOWN_DURATION) {
      throw row.expected("deletion_time", "a time not before scheduled_time " + row.text(15), row.text(16));
    }
    events.add(new TraceEvent.PodSubmitted(submit, Pods.pod(meta, requests, limits, PodSpec.EMPTY), duration, null, null));
    if (deleted != null) {
      events.add(new TraceEvent.PodDeleted(ResourceUnits.secondsToNanos(deleted), NAMESPACE, name,
          TraceEvent.PodDeleted.Reason.DELETED));
    }
  }

  private static void putIfPositive(Map<String, Quantity> map, String resource, long value) {
    if (value > 0) {
      map.put(resource, Quantity.of(value, Quantity.Format.DECIMAL_SI));
    }
  }
}
