package io.schedlab.traces.alibaba2018;

import io.schedlab.traces.text.NodeParams;
import io.schedlab.api.Container;
import io.schedlab.api.ObjectMeta;
import io.schedlab.api.Pod;
import io.schedlab.api.PodSpec;
import io.schedlab.api.PodStatus;
import io.schedlab.api.Quantity;
import io.schedlab.api.ResourceRequirements;
import io.schedlab.traces.TraceEvent;
import io.schedlab.traces.text.BadRows;
import io.schedlab.traces.text.CsvFile;
import io.schedlab.traces.text.ResourceUnits;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * container_meta → online-service pods. The table (2.4 MB compressed in the full trace) repeats a
 * container's row at each status change and is not in time order, so it is read whole and
 * sorted; a container's events are then derived from its rows in time order:
 *
 * <ul>
 *   <li>a row of a container not currently live, with a status other than {@code stopped}, submits
 *       the pod (requests and limits from that row);
 *   <li>a {@code stopped} row of a live container deletes it ({@code DELETED}) and gives the
 *       submission its recorded duration;
 *   <li>other rows (status or size changes of a live container) yield nothing.
 * </ul>
 */
final class ContainerMetaTable {
  static final String NAMESPACE = "online";
  static final String LABEL_APP_DU = "alibaba.com/app-du";
  static final String ANNOTATION_MACHINE = "alibaba.com/recorded-machine";
  static final String ANNOTATION_STATUS = "alibaba.com/container-status";
  static final String STOPPED = "stopped";

  private record Row(long time, String id, String machine, String appDu, String status,
      double cpuRequest, double cpuLimit, double mem, int order) {}

  private ContainerMetaTable() {}

  static List<TraceEvent> read(Path file, NodeParams settings, BadRows badRows) {
    List<Row> rows = badRows.readAll(file, 8, ContainerMetaTable::parse);
    rows.sort(Comparator.comparing(Row::id).thenComparingLong(Row::time).thenComparingInt(Row::order));
    List<Timed> events = new ArrayList<>();
    int liveSubmission = -1;
    String current = null;
    for (Row row : rows) {
      if (!row.id.equals(current)) {
        current = row.id;
        liveSubmission = -1;
      }
      long t = row.time * 1_000_000_000L;
      boolean stopped = STOPPED.equals(row.status);
      if (liveSubmission < 0 && !stopped) {
        liveSubmission = events.size();
        events.add(new Timed(new TraceEvent.PodSubmitted(t, pod(row, settings)), row.order));
      } else if (liveSubmission >= 0 && stopped) {
        TraceEvent.PodSubmitted s = (TraceEvent.PodSubmitted) events.get(liveSubmission).event;
        events.set(liveSubmission, new Timed(new TraceEvent.PodSubmitted(
            s.timeNanos(), s.pod(), t - s.timeNanos(), s.usage(), s.dependsOn()), events.get(liveSubmission).order));
        events.add(new Timed(new TraceEvent.PodDeleted(t, NAMESPACE, row.id, TraceEvent.PodDeleted.Reason.DELETED), row.order));
        liveSubmission = -1;
      }
    }
    events.sort(Comparator.comparingLong((Timed e) -> e.event.timeNanos()).thenComparingInt(e -> e.order));
    List<TraceEvent> out = new ArrayList<>(events.size());
    for (Timed e : events) {
      out.add(e.event);
    }
    return out;
  }

  private record Timed(TraceEvent event, int order) {}

  private static Row parse(CsvFile csv, int order) {
    String id = csv.nonEmpty(0, "container_id");
    String machine = csv.field(1);
    long time = csv.nonNegativeLong(2, "time_stamp");
    String appDu = csv.field(3);
    String status = csv.nonEmpty(4, "status");
    double cpuRequest = csv.doubleOrNaN(5, "cpu_request");
    double cpuLimit = csv.doubleOrNaN(6, "cpu_limit");
    double mem = csv.doubleOrNaN(7, "mem_size");
    return new Row(time, id, machine, appDu, status, cpuRequest, cpuLimit, mem, order);
  }

  private static Pod pod(Row row, NodeParams settings) {
    Map<String, Quantity> requests = new LinkedHashMap<>();
    Map<String, Quantity> limits = new LinkedHashMap<>();
    if (Sentinels.validCpu(row.cpuRequest)) {
      requests.put("cpu", ResourceUnits.cpu(row.cpuRequest, 10));
    }
    if (Sentinels.validCpu(row.cpuLimit)) {
      limits.put("cpu", ResourceUnits.cpu(row.cpuLimit, 10));
    }
    if (Sentinels.validPercent(row.mem)) {
      Quantity memory = ResourceUnits.memoryBytes(row.mem, 100, settings.memoryGiB());
      requests.put("memory", memory);
      limits.put("memory", memory);
    }
    Map<String, String> labels = row.appDu.isEmpty() ? Map.of() : Map.of(LABEL_APP_DU, row.appDu);
    Map<String, String> annotations = new LinkedHashMap<>();
    annotations.put(ANNOTATION_STATUS, row.status);
    if (!row.machine.isEmpty()) {
      annotations.put(ANNOTATION_MACHINE, row.machine);
    }
    ObjectMeta meta = ObjectMeta.named(NAMESPACE, row.id).withLabels(labels).withAnnotations(annotations);
    Container container = new Container("main", null, null, null, new ResourceRequirements(requests, limits), null, null);
    return Pod.of(meta, PodSpec.EMPTY.withContainers(List.of(container)), PodStatus.EMPTY);
  }
}
