package io.schedlab.traces.alibaba2023;

import static io.schedlab.traces.alibaba2023.AlibabaGpu2023Format.GPU_COUNT;
import static io.schedlab.traces.alibaba2023.AlibabaGpu2023Format.GPU_MILLI;
import static io.schedlab.traces.alibaba2023.AlibabaGpu2023Format.GPU_MODEL;

import io.schedlab.api.Affinity;
import io.schedlab.api.Container;
import io.schedlab.api.Node;
import io.schedlab.api.NodeAffinity;
import io.schedlab.api.NodeSelector;
import io.schedlab.api.NodeSelectorRequirement;
import io.schedlab.api.NodeSelectorTerm;
import io.schedlab.api.ObjectMeta;
import io.schedlab.api.Pod;
import io.schedlab.api.PodSpec;
import io.schedlab.api.Quantity;
import io.schedlab.api.ResourceRequirements;
import io.schedlab.traces.TraceEvent;
import io.schedlab.traces.TraceEvent.NodeAdded;
import io.schedlab.traces.TraceEvent.PodDeleted;
import io.schedlab.traces.TraceEvent.PodSubmitted;
import io.schedlab.traces.TraceFormatException;
import io.schedlab.traces.TraceHeader;
import io.schedlab.traces.TraceOptions;
import io.schedlab.traces.TraceSource;
import io.schedlab.traces.text.Pods;
import io.schedlab.traces.text.BadRows;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Reads an openb node list and pod list as described in {@link AlibabaGpu2023Format}.
 *
 * <p>Implementation note: the node list is streamed line by line; the pod list (≤ 1 MB) is
 * parsed into one row array when the nodes are done, then two index-sorted views (by creation
 * and by deletion time) are merged. Pod objects are built only when their event is returned.
 */
final class AlibabaGpu2023Source implements TraceSource {
  static final String NODE_HEADER = "sn,cpu_milli,memory_mib,gpu,model";
  static final String POD_HEADER =
      "name,cpu_milli,memory_mib,num_gpu,gpu_milli,gpu_spec,qos,pod_phase,"
          + "creation_time,deletion_time,scheduled_time";
  static final String POD_HEADER_SHORT = "name,cpu_milli,memory_mib,num_gpu,gpu_milli";

  private static final long NANOS_PER_SECOND = 1_000_000_000L;
  private static final long MIB = 1L << 20;
  private static final long NO_TIME = -1;

  private final TraceHeader header;
  private final String nodeFile;
  private final String podFile;
  private final Path podPath;
  private BufferedReader nodeReader;
  private long nodeLine = 1;
  private final BadRows badRows;

  private PodRow[] bySubmission;
  private PodRow[] byDeletion;
  private int nextSubmission;
  private int nextDeletion;
  private boolean closed;

  private AlibabaGpu2023Source(TraceHeader header, boolean skipBadRows, Path nodePath,
      BufferedReader nodeReader, Path podPath) {
    this.header = header;
    this.badRows = new BadRows(skipBadRows);
    this.nodeFile = nodePath == null ? null : nodePath.toString();
    this.nodeReader = nodeReader;
    this.podPath = podPath;
    this.podFile = podPath == null ? null : podPath.toString();
  }

  static AlibabaGpu2023Source open(List<Path> inputs, TraceOptions options) {
    if (inputs.isEmpty()) {
      throw new TraceFormatException(AlibabaGpu2023Format.NAME, 0,
          "expected a node list CSV and/or a pod list CSV, got no input");
    }
    Path nodePath = null;
    Path podPath = null;
    for (Path input : inputs) {
      String h = firstLine(input);
      if (h.equals(NODE_HEADER)) {
        if (nodePath != null) {
          throw new TraceFormatException(input.toString(), 1,
              "expected at most one node list, got a second one after " + nodePath);
        }
        nodePath = input;
      } else if (h.equals(POD_HEADER) || h.equals(POD_HEADER_SHORT)) {
        if (podPath != null) {
          throw new TraceFormatException(input.toString(), 1,
              "expected at most one pod list, got a second one after " + podPath);
        }
        podPath = input;
      } else {
        throw new TraceFormatException(input.toString(), 1, "header: expected \"" + NODE_HEADER
            + "\", \"" + POD_HEADER + "\" or \"" + POD_HEADER_SHORT + "\", got \"" + h + "\"");
      }
    }
    Map<String, String> attributes = new LinkedHashMap<>();
    if (nodePath != null) {
      attributes.put("nodeList", nodePath.toString());
    }
    if (podPath != null) {
      attributes.put("podList", podPath.toString());
    }
    List<String> names = new ArrayList<>();
    for (Path input : inputs) {
      names.add(input.toString());
    }
    TraceHeader header = new TraceHeader(TraceHeader.CURRENT_VERSION, AlibabaGpu2023Format.NAME,
        String.join(",", names), attributes);
    BufferedReader nodeReader = null;
    if (nodePath != null) {
      nodeReader = reader(nodePath);
      try {
        nodeReader.readLine();
      } catch (IOException e) {
        throw ioError(nodePath, e);
      }
    }
    return new AlibabaGpu2023Source(header, options.skipBadRows(), nodePath, nodeReader, podPath);
  }

  @Override
  public TraceHeader header() {
    return header;
  }

  @Override
  public long badRows() {
    return badRows.count();
  }

  @Override
  public TraceEvent next() {
    if (closed) {
      return null;
    }
    if (nodeReader != null) {
      TraceEvent node = nextNode();
      if (node != null) {
        return node;
      }
    }
    if (bySubmission == null) {
      loadPods();
    }
    boolean haveSubmission = nextSubmission < bySubmission.length;
    boolean haveDeletion = nextDeletion < byDeletion.length;
    if (haveSubmission
        && (!haveDeletion
            || bySubmission[nextSubmission].creation <= byDeletion[nextDeletion].deletion)) {
      PodRow row = bySubmission[nextSubmission++];
      return new PodSubmitted(row.creation * NANOS_PER_SECOND, row.toPod(),
          row.durationNanos(), Map.of(), List.of());
    }
    if (haveDeletion) {
      PodRow row = byDeletion[nextDeletion++];
      return new PodDeleted(row.deletion * NANOS_PER_SECOND, AlibabaGpu2023Format.NAMESPACE,
          row.name, row.deletionReason());
    }
    return null;
  }

  @Override
  public void close() {
    closed = true;
    closeNodes();
  }

  private TraceEvent nextNode() {
    try {
      String line;
      while ((line = nodeReader.readLine()) != null) {
        nodeLine++;
        if (line.isEmpty()) {
          continue;
        }
        try {
          return new NodeAdded(0, parseNode(line));
        } catch (BadField e) {
          badRows.handle(new TraceFormatException(nodeFile, nodeLine, e.getMessage()));
        }
      }
    } catch (IOException e) {
      throw new TraceFormatException(nodeFile, nodeLine, "cannot read: " + e.getMessage());
    }
    closeNodes();
    return null;
  }

  private void closeNodes() {
    if (nodeReader != null) {
      try {
        nodeReader.close();
      } catch (IOException ignored) {
        // Nothing left to read from it; a failing close loses nothing.
      }
      nodeReader = null;
    }
  }

  static Node parseNode(String line) {
    String[] f = line.split(",", -1);
    if (f.length != 5) {
      throw new BadField("row: expected 5 columns, got " + f.length);
    }
    String sn = required(f[0], "sn");
    long cpuMilli = nonNegative(f[1], "cpu_milli");
    long memoryMib = mebibytes(f[2], "memory_mib");
    long gpus = nonNegative(f[3], "gpu");
    String model = f[4];
    Map<String, Quantity> capacity = new LinkedHashMap<>();
    capacity.put("cpu", Quantity.ofMilli(cpuMilli));
    capacity.put("memory", Quantity.of(memoryMib * MIB, Quantity.Format.BINARY_SI));
    capacity.put("pods", Quantity.of(AlibabaGpu2023Format.NODE_POD_CAPACITY,
        Quantity.Format.DECIMAL_SI));
    if (gpus > 0) {
      capacity.put(GPU_COUNT, Quantity.of(gpus, Quantity.Format.DECIMAL_SI));
      capacity.put(GPU_MILLI, Quantity.of(gpus * 1000, Quantity.Format.DECIMAL_SI));
    }
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("beta.kubernetes.io/os", "linux");
    labels.put("kubernetes.io/hostname", sn);
    labels.put("kubernetes.io/os", "linux");
    if (!model.isEmpty()) {
      labels.put(GPU_MODEL, model);
    }
    return Pods.node(ObjectMeta.named(null, sn).withLabels(labels), capacity);
  }

  private void loadPods() {
    List<PodRow> rows = new ArrayList<>();
    if (podPath != null) {
      long lineNo = 1;
      try (BufferedReader r = reader(podPath)) {
        boolean shortForm = r.readLine().endsWith(POD_HEADER_SHORT);
        String line;
        while ((line = r.readLine()) != null) {
          lineNo++;
          if (line.isEmpty()) {
            continue;
          }
          try {
            rows.add(PodRow.parse(line, shortForm));
          } catch (BadField e) {
            badRows.handle(new TraceFormatException(podFile, lineNo, e.getMessage()));
          }
        }
      } catch (IOException e) {
        throw new TraceFormatException(podFile, lineNo, "cannot read: " + e.getMessage());
      }
    }
    // Arrays.sort on objects is a stable merge sort: ties keep file order.
    bySubmission = rows.toArray(new PodRow[0]);
    Arrays.sort(bySubmission, Comparator.comparingLong(PodRow::creation));
    List<PodRow> deleted = new ArrayList<>();
    for (PodRow row : rows) {
      if (row.deletion != NO_TIME) {
        deleted.add(row);
      }
    }
    byDeletion = deleted.toArray(new PodRow[0]);
    Arrays.sort(byDeletion, Comparator.comparingLong(row -> row.deletion));
  }

  /** One pod list row, as read; times in seconds, {@link #NO_TIME} when absent. */
  private record PodRow(String name, long cpuMilli, long memoryMib, long numGpu, long gpuMilli,
      String gpuSpec, String qos, String phase, long creation, long deletion, long scheduled) {

    static PodRow parse(String line, boolean shortForm) {
      String[] f = line.split(",", -1);
      int expected = shortForm ? 5 : 11;
      if (f.length != expected) {
        throw new BadField("row: expected " + expected + " columns, got " + f.length);
      }
      String name = required(f[0], "name");
      long cpu = nonNegative(f[1], "cpu_milli");
      long memory = mebibytes(f[2], "memory_mib");
      long numGpu = nonNegative(f[3], "num_gpu");
      long gpuMilli = nonNegative(f[4], "gpu_milli");
      if (gpuMilli > 1000) {
        throw new BadField("gpu_milli: expected an integer from 0 to 1000, got \"" + f[4] + "\"");
      }
      if (shortForm) {
        return new PodRow(name, cpu, memory, numGpu, gpuMilli, "", "", "", 0, NO_TIME, NO_TIME);
      }
      long creation = nonNegative(f[8], "creation_time");
      long deletion = f[9].isEmpty() ? NO_TIME : nonNegative(f[9], "deletion_time");
      long scheduled = f[10].isEmpty() ? NO_TIME : nonNegative(f[10], "scheduled_time");
      if (scheduled != NO_TIME && scheduled < creation) {
        throw new BadField("scheduled_time: expected at least creation_time " + creation
            + ", got \"" + f[10] + "\"");
      }
      if (deletion != NO_TIME && deletion < Math.max(creation, scheduled)) {
        throw new BadField("deletion_time: expected at least "
            + (scheduled > creation ? "scheduled_time " + scheduled : "creation_time " + creation)
            + ", got \"" + f[9] + "\"");
      }
      return new PodRow(name, cpu, memory, numGpu, gpuMilli, f[5], f[6], f[7], creation,
          deletion, scheduled);
    }

    long durationNanos() {
      if (deletion == NO_TIME) {
        return PodSubmitted.UNKNOWN_DURATION;
      }
      long start = scheduled != NO_TIME ? scheduled : creation;
      return (deletion - start) * NANOS_PER_SECOND;
    }

    PodDeleted.Reason deletionReason() {
      return switch (phase) {
        case "Succeeded" -> PodDeleted.Reason.FINISHED;
        case "Failed" -> PodDeleted.Reason.FAILED;
        default -> PodDeleted.Reason.DELETED;
      };
    }

    Pod toPod() {
      Map<String, Quantity> requests = new LinkedHashMap<>();
      requests.put("cpu", Quantity.ofMilli(cpuMilli));
      requests.put("memory", Quantity.of(memoryMib * MIB, Quantity.Format.BINARY_SI));
      Map<String, Quantity> limits = Map.of();
      Map<String, String> annotations = new LinkedHashMap<>();
      if (numGpu > 0) {
        Quantity gpu = Quantity.of(numGpu * gpuMilli, Quantity.Format.DECIMAL_SI);
        requests.put(GPU_MILLI, gpu);
        limits = Map.of(GPU_MILLI, gpu);
        annotations.put(GPU_COUNT, Long.toString(numGpu));
        annotations.put(GPU_MILLI, Long.toString(gpuMilli));
      }
      if (!gpuSpec.isEmpty()) {
        annotations.put(GPU_MODEL, gpuSpec);
      }
      if (!phase.isEmpty()) {
        annotations.put(AlibabaGpu2023Format.PHASE_ANNOTATION, phase);
      }
      Map<String, String> labels =
          qos.isEmpty() ? Map.of() : Map.of(AlibabaGpu2023Format.QOS_LABEL, qos);
      Container main = new Container("main", null, null, null,
          new ResourceRequirements(requests, limits), null, null);
      PodSpec spec = PodSpec.EMPTY.withContainers(List.of(main));
      if (!gpuSpec.isEmpty()) {
        List<String> models = List.copyOf(new LinkedHashSet<>(Arrays.asList(gpuSpec.split("\\|"))));
        NodeSelectorRequirement in = new NodeSelectorRequirement(GPU_MODEL, "In", models);
        NodeSelector required =
            new NodeSelector(List.of(new NodeSelectorTerm(List.of(in), null)));
        spec = spec.withAffinity(new Affinity(new NodeAffinity(required, null), null, null));
      }
      ObjectMeta meta = ObjectMeta.named(AlibabaGpu2023Format.NAMESPACE, name)
          .withLabels(labels)
          .withAnnotations(annotations);
      return Pod.of(meta, spec, null);
    }
  }

  /** A malformed field; becomes a {@link TraceFormatException} with the file and line. */
  private static final class BadField extends RuntimeException {
    BadField(String message) {
      super(message, null, false, false);
    }
  }

  private static String required(String value, String column) {
    if (value.isEmpty()) {
      throw new BadField(column + ": expected a value, got an empty field");
    }
    return value;
  }

  private static long nonNegative(String value, String column) {
    long v = 0;
    int n = value.length();
    if (n == 0 || n > 18) {
      throw badInteger(value, column);
    }
    for (int i = 0; i < n; i++) {
      char c = value.charAt(i);
      if (c < '0' || c > '9') {
        throw badInteger(value, column);
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }

  private static long mebibytes(String value, String column) {
    long v = nonNegative(value, column);
    if (v > Long.MAX_VALUE / MIB) {
      throw new BadField(column + ": expected at most " + (Long.MAX_VALUE / MIB) + " MiB, got \""
          + value + "\"");
    }
    return v;
  }

  private static BadField badInteger(String value, String column) {
    return new BadField(column + ": expected a non-negative integer, got \"" + value + "\"");
  }

  private static String firstLine(Path input) {
    if (!Files.isRegularFile(input)) {
      throw new TraceFormatException(input.toString(), 0, "expected a CSV file, got "
          + (Files.exists(input) ? "a folder" : "nothing (no such file)"));
    }
    try (BufferedReader r = reader(input)) {
      String line = r.readLine();
      if (line == null) {
        throw new TraceFormatException(input.toString(), 1, "header: expected a header line, "
            + "got an empty file");
      }
      return line.startsWith("\uFEFF") ? line.substring(1) : line;
    } catch (IOException e) {
      throw ioError(input, e);
    }
  }

  private static BufferedReader reader(Path path) {
    try {
      return Files.newBufferedReader(path, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw ioError(path, e);
    }
  }

  private static TraceFormatException ioError(Path path, IOException e) {
    return new TraceFormatException(path.toString(), 0, "cannot read: " + e.getMessage());
  }
}
