package io.schedlab.traces.philly;

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
import io.schedlab.traces.text.InputFiles;
import io.schedlab.traces.text.Pods;
import io.schedlab.traces.text.ResourceUnits;
import io.schedlab.traces.text.Row;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Microsoft Philly 2017 ({@code philly-2017}), as far as the shipped files define it. Inputs: a
 * folder holding {@code cluster_machine_list} and/or {@code philly_runtime.csv}, or those files.
 * Everything happens at time 0 and is streamed: the machine list first, then the run times.
 *
 * <ul>
 *   <li>{@code cluster_machine_list} (header {@code machineId, number of GPUs, single GPU mem})
 *       → NodeAdded per row: node named by machineId, capacity {@code nvidia.com/gpu} = the GPU
 *       count and {@code pods} = 110, label {@code philly/gpu-memory} (e.g. {@code 12GB}). The
 *       trace gives no CPU or memory, so nodes have none.
 *   <li>{@code philly_runtime.csv} (header {@code runtime}, seconds) → one PodSubmitted per row,
 *       pod {@code job-<row>} in namespace {@code philly} with the run time as recorded duration
 *       and no requests: the file is a run-time distribution only (no GPUs, users or times).
 * </ul>
 */
public final class Philly2017Format implements TraceFormat {
  public static final String NAME = "philly-2017";
  public static final String MACHINE_LIST = "cluster_machine_list";
  public static final String RUNTIMES = "philly_runtime.csv";
  public static final String NAMESPACE = "philly";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "Microsoft Philly 2017: cluster_machine_list (GPU nodes) and philly_runtime.csv (job run times)";
  }

  @Override
  public TraceSource open(List<Path> inputs, TraceOptions options) {
    List<Path> machineLists = new ArrayList<>();
    List<Path> runtimes = new ArrayList<>();
    for (Path input : inputs) {
      if (Files.isDirectory(input)) {
        boolean machineList = InputFiles.addIfPresent(input, MACHINE_LIST, machineLists);
        boolean runtime = InputFiles.addIfPresent(input, RUNTIMES, runtimes);
        if (!machineList && !runtime) {
          throw new TraceFormatException(input.toString(), 0, "expected " + MACHINE_LIST + " or " + RUNTIMES + ", found neither");
        }
      } else if (!Files.isRegularFile(input)) {
        throw new TraceFormatException(input.toString(), 0, "expected a file or folder, got nothing there");
      } else if (input.getFileName().toString().startsWith(MACHINE_LIST)) {
        machineLists.add(input);
      } else if (input.getFileName().toString().contains("runtime")) {
        runtimes.add(input);
      } else {
        throw new TraceFormatException(input.toString(), 0,
            "file: expected " + MACHINE_LIST + " or a *runtime*.csv, got \"" + input.getFileName() + "\"");
      }
    }
    List<Path> files = new ArrayList<>(machineLists);
    files.addAll(runtimes);
    return new Source(files, machineLists.size(), options, inputs.toString());
  }

  private static final class Source implements TraceSource {
    private static final Quantity PODS = Quantity.of(110, Quantity.Format.DECIMAL_SI);
    private final List<Path> files;
    private final int machineLists;
    private final TraceHeader header;
    private int fileIndex = -1;
    private CsvFile csv;
    private long runtimeRow;
    private final BadRows bad;

    Source(List<Path> files, int machineLists, TraceOptions options, String source) {
      this.files = files;
      this.machineLists = machineLists;
      this.bad = new BadRows(options.skipBadRows());
      this.header = new TraceHeader(TraceHeader.CURRENT_VERSION, NAME, source, Map.of());
    }

    @Override
    public TraceHeader header() {
      return header;
    }

    @Override
    public long badRows() {
      return bad.count();
    }

    @Override
    public TraceEvent next() {
      while (true) {
        if (csv == null) {
          if (++fileIndex >= files.size()) {
            return null;
          }
          csv = CsvFile.open(files.get(fileIndex));
          String expected = fileIndex < machineLists ? "machineId, number of GPUs, single GPU mem" : "runtime";
          if (!csv.next() || !String.join(", ", csv.fields()).equals(expected)) {
            throw csv.headerError(expected);
          }
        }
        if (!csv.next()) {
          csv.close();
          csv = null;
          continue;
        }
        Row row = Row.of(csv);
        try {
          return fileIndex < machineLists ? machine(row) : runtime(row);
        } catch (TraceFormatException e) {
          bad.handle(e);
        }
      }
    }

    private TraceEvent machine(Row row) {
      row.requireFields(3);
      String name = row.required(0, "machineId");
      long gpus = row.nonNegativeLong(1, "number of GPUs");
      String memory = row.text(2);
      if (!memory.matches("[0-9]+GB")) {
        throw row.expected("single GPU mem", "a size like 12GB", memory);
      }
      Map<String, String> labels = new TreeMap<>();
      labels.put("kubernetes.io/hostname", name);
      labels.put("philly/gpu-memory", memory);
      Map<String, Quantity> capacity = new LinkedHashMap<>();
      capacity.put("nvidia.com/gpu", Quantity.of(gpus, Quantity.Format.DECIMAL_SI));
      capacity.put("pods", PODS);
      return new TraceEvent.NodeAdded(0, Pods.node(ObjectMeta.named(null, name).withLabels(labels), capacity));
    }

    private TraceEvent runtime(Row row) {
      row.requireFields(1);
      long duration = ResourceUnits.secondsToNanos(row.decimal(0, "runtime"));
      String name = "job-" + runtimeRow++;
      return new TraceEvent.PodSubmitted(0,
          Pods.pod(ObjectMeta.named(NAMESPACE, name), null, null, PodSpec.EMPTY), duration, null, null);
    }

    @Override
    public void close() {
      if (csv != null) {
        csv.close();
        csv = null;
      }
    }
  }
}
