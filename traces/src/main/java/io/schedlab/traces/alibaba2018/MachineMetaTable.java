package io.schedlab.traces.alibaba2018;

import io.schedlab.traces.text.Pods;
import io.schedlab.traces.text.NodeParams;
import io.schedlab.api.Node;
import io.schedlab.api.NodeSpec;
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
 * machine_meta → node events. The table is small (one row per machine status change, 17,592 rows
 * for 4034 machines) and sorted by machine id rather than time, so it is read whole and sorted by
 * time; rows with equal times keep the file's order.
 *
 * <p>A machine's first row adds the node; a later row updates it when its capacity, failure
 * domains or status differ from the previous row and is dropped otherwise. The trace has no
 * status that removes a machine, so this table never yields {@code NodeRemoved}.
 */
final class MachineMetaTable {
  static final String LABEL_FD1 = "alibaba.com/failure-domain-1";
  static final String LABEL_FD2 = "alibaba.com/failure-domain-2";
  static final String ANNOTATION_STATUS = "alibaba.com/machine-status";
  static final String STATUS_USING = "USING";

  private record Row(long time, String id, String fd1, String fd2, long cpus, double mem, String status) {}

  private MachineMetaTable() {}

  static List<TraceEvent> read(Path file, NodeParams settings, BadRows badRows) {
    List<Row> rows = badRows.readAll(file, 7, (csv, n) -> parse(csv));
    rows.sort(Comparator.comparingLong(Row::time));
    Map<String, Row> last = new HashMap<>();
    List<TraceEvent> events = new ArrayList<>();
    for (Row row : rows) {
      Row before = last.put(row.id, row);
      long t = row.time * 1_000_000_000L;
      if (before == null) {
        events.add(new TraceEvent.NodeAdded(t, node(row, settings)));
      } else if (!sameNode(before, row)) {
        events.add(new TraceEvent.NodeUpdated(t, node(row, settings)));
      }
    }
    return events;
  }

  private static Row parse(CsvFile csv) {
    String id = csv.nonEmpty(0, "machine_id");
    long time = csv.nonNegativeLong(1, "time_stamp");
    String fd1 = csv.field(2);
    if (!fd1.isEmpty()) {
      csv.longValue(2, "failure_domain_1");
    }
    String fd2 = csv.field(3);
    long cpus = csv.nonNegativeLong(4, "cpu_num");
    double mem = csv.doubleOrNaN(5, "mem_size");
    if (!Double.isNaN(mem) && !Sentinels.validPercent(mem) && mem != -1 && mem != 101) {
      throw csv.expected("mem_size", "a number in [0, 100] (or -1/101 for invalid)", csv.field(5));
    }
    String status = csv.nonEmpty(6, "status");
    return new Row(time, id, fd1, fd2, cpus, mem, status);
  }

  private static boolean sameNode(Row a, Row b) {
    return a.fd1.equals(b.fd1) && a.fd2.equals(b.fd2) && a.cpus == b.cpus
        && Double.compare(a.mem, b.mem) == 0 && a.status.equals(b.status);
  }

  private static Node node(Row row, NodeParams settings) {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("kubernetes.io/hostname", row.id);
    if (!row.fd1.isEmpty()) {
      labels.put(LABEL_FD1, row.fd1);
    }
    if (!row.fd2.isEmpty()) {
      labels.put(LABEL_FD2, row.fd2);
    }
    ObjectMeta meta = ObjectMeta.named(null, row.id).withLabels(labels)
        .withAnnotations(Map.of(ANNOTATION_STATUS, row.status));
    NodeSpec spec = STATUS_USING.equals(row.status) ? NodeSpec.EMPTY : NodeSpec.EMPTY.withUnschedulable(true);
    double memory = Sentinels.validPercent(row.mem) ? row.mem : Double.NaN;
    return Pods.node(meta, spec, settings.capacity(row.cpus, memory, 100));
  }
}
