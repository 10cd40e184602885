package io.schedlab.traces.alibaba2017;

import io.schedlab.traces.text.Pods;
import io.schedlab.traces.text.NodeParams;
import io.schedlab.api.Node;
import io.schedlab.api.ObjectMeta;
import io.schedlab.traces.TraceEvent;
import io.schedlab.traces.text.BadRows;
import io.schedlab.traces.text.CsvFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * server_event → node events. The table is small (one row per machine event, 1352 rows) and not
 * quite in time order, so it is read whole and sorted by time, equal times keeping file order.
 *
 * <ul>
 *   <li>{@code add}: the node joins (or, if already known, is replaced and made schedulable):
 *       cpu = number of cpus, memory = normalised memory × memoryGiB, pods = maxPods; the
 *       normalised disk is kept as an annotation.
 *   <li>{@code softerror} / {@code harderror}: the source says new work must not go there while
 *       running work may stay, so the node is updated to unschedulable with the event and its
 *       detail as annotations. Its capacity is kept (these rows carry 0,0,0). The trace has no
 *       recovery event; only a later {@code add} makes the node schedulable again.
 *   <li>{@code remove}: the node leaves.
 * </ul>
 */
final class ServerEventTable {
  static final String ANNOTATION_EVENT = "alibaba.com/machine-event";
  static final String ANNOTATION_DETAIL = "alibaba.com/machine-event-detail";
  static final String ANNOTATION_DISK = "alibaba.com/normalized-disk";

  private record Row(long time, String id, String type, String detail, long cpus, double mem, double disk) {}

  private ServerEventTable() {}

  static List<TraceEvent> read(Path file, NodeParams settings, BadRows badRows) {
    List<Row> rows = badRows.readAll(file, 7, (csv, n) -> parse(csv));
    rows.sort(Comparator.comparingLong(Row::time));
    Map<String, Node> nodes = new HashMap<>();
    List<TraceEvent> events = new ArrayList<>();
    for (Row row : rows) {
      long t = row.time * 1_000_000_000L;
      Node before = nodes.get(row.id);
      switch (row.type) {
        case "add" -> {
          Node node = added(row, settings);
          nodes.put(row.id, node);
          events.add(before == null ? new TraceEvent.NodeAdded(t, node) : new TraceEvent.NodeUpdated(t, node));
        }
        case "remove" -> {
          if (before != null) {
            nodes.remove(row.id);
            events.add(new TraceEvent.NodeRemoved(t, row.id));
          }
        }
        default -> {
          if (before != null) {
            Map<String, String> annotations = new LinkedHashMap<>(before.metadata().annotations());
            annotations.put(ANNOTATION_EVENT, row.type);
            if (row.detail.isEmpty()) {
              annotations.remove(ANNOTATION_DETAIL);
            } else {
              annotations.put(ANNOTATION_DETAIL, row.detail);
            }
            Node node = before.withMetadata(before.metadata().withAnnotations(annotations))
                .withSpec(before.spec().withUnschedulable(true));
            nodes.put(row.id, node);
            events.add(new TraceEvent.NodeUpdated(t, node));
          }
        }
      }
    }
    return events;
  }

  private static Row parse(CsvFile csv) {
    long time = Math.max(0, csv.longValue(0, "timestamp"));
    String id = Long.toString(csv.nonNegativeLong(1, "machine id"));
    String type = csv.field(2);
    if (!type.equals("add") && !type.equals("remove") && !type.equals("softerror") && !type.equals("harderror")) {
      throw csv.expected("event type", "one of add, remove, softerror, harderror", type);
    }
    String detail = csv.field(3);
    long cpus = 0;
    double mem = Double.NaN;
    double disk = Double.NaN;
    if (type.equals("add")) {
      cpus = csv.nonNegativeLong(4, "number of cpus");
      mem = csv.doubleOrNaN(5, "normalized memory");
      if (!Double.isNaN(mem) && (mem < 0 || mem > 1)) {
        throw csv.expected("normalized memory", "a number in [0, 1]", csv.field(5));
      }
      disk = csv.doubleOrNaN(6, "normalized disk space");
    }
    return new Row(time, id, type, detail, cpus, mem, disk);
  }

  private static Node added(Row row, NodeParams settings) {
    Map<String, String> annotations = new LinkedHashMap<>();
    annotations.put(ANNOTATION_EVENT, row.type);
    if (!Double.isNaN(row.disk)) {
      annotations.put(ANNOTATION_DISK, Double.toString(row.disk));
    }
    ObjectMeta meta = ObjectMeta.named(null, row.id)
        .withLabels(Map.of("kubernetes.io/hostname", row.id))
        .withAnnotations(annotations);
    return Pods.node(meta, settings.capacity(row.cpus, row.mem, 1));
  }
}
