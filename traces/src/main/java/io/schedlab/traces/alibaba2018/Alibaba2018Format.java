package io.schedlab.traces.alibaba2018;

import io.schedlab.traces.text.NodeParams;
import io.schedlab.traces.TraceFormat;
import io.schedlab.traces.TraceFormatException;
import io.schedlab.traces.TraceOptions;
import io.schedlab.traces.TraceSource;
import io.schedlab.traces.text.InputFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Alibaba cluster-trace-v2018: machine_meta, container_meta, batch_task and batch_instance
 * ({@code .csv} or {@code .csv.gz}, no header), given as files or as a folder holding them; the
 * usage tables are not read. See {@code traces/FORMATS-alibaba.md} for the mapping.
 *
 * <p>Parameters: {@code memoryGiB} (memory of a machine whose normalised size is 100, default
 * 512), {@code maxPods} (pods capacity of every node, default 110).
 */
public final class Alibaba2018Format implements TraceFormat {
  public static final String NAME = "alibaba-2018";

  enum Table { MACHINE_META, CONTAINER_META, BATCH_TASK, BATCH_INSTANCE }

  /** The tables found among the inputs; null where absent. */
  record Tables(Path machineMeta, Path containerMeta, Path batchTask, Path batchInstance) {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "Alibaba cluster-trace-v2018: machine_meta, container_meta, batch_task, batch_instance (files or a folder)";
  }

  @Override
  public TraceSource open(List<Path> inputs, TraceOptions options) {
    Tables tables = tables(inputs);
    return new Alibaba2018Source(tables, NodeParams.from(Alibaba2018Format.NAME, options), options.skipBadRows());
  }

  static Tables tables(List<Path> inputs) {
    Path[] found = new Path[Table.values().length];
    for (Path input : inputs) {
      boolean folder = Files.isDirectory(input);
      for (Path file : InputFiles.filesOf(input, "no such file or folder")) {
        Table t = table(file);
        if (t != null) {
          put(found, t, file);
        } else if (!folder) {
          throw new TraceFormatException(file.getFileName().toString(), 0,
              "expected a table named machine_meta, container_meta, batch_task or batch_instance (.csv or .csv.gz)");
        }
      }
    }
    Tables tables = new Tables(found[0], found[1], found[2], found[3]);
    if (tables.batchInstance() != null && tables.batchTask() == null) {
      throw new TraceFormatException(tables.batchInstance().getFileName().toString(), 0,
          "batch_instance needs batch_task too (instances take their requests from their task)");
    }
    if (tables.machineMeta() == null && tables.containerMeta() == null && tables.batchTask() == null) {
      throw new TraceFormatException(String.valueOf(inputs), 0,
          "expected at least one of machine_meta, container_meta, batch_task");
    }
    return tables;
  }

  private static void put(Path[] found, Table t, Path file) {
    if (found[t.ordinal()] != null) {
      throw new TraceFormatException(file.getFileName().toString(), 0,
          "expected one " + t.name().toLowerCase() + " table, got a second besides " + found[t.ordinal()]);
    }
    found[t.ordinal()] = file;
  }

  static Table table(Path file) {
    String name = file.getFileName().toString();
    if (!InputFiles.isCsv(name)) {
      return null;
    }
    for (Table t : Table.values()) {
      if (name.startsWith(t.name().toLowerCase())) {
        return t;
      }
    }
    return null;
  }
}
