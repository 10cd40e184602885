package io.schedlab.traces.google2011;

import io.schedlab.traces.TraceFormat;
import io.schedlab.traces.TraceFormatException;
import io.schedlab.traces.TraceOptions;
import io.schedlab.traces.TraceSource;
import io.schedlab.traces.text.InputFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Google ClusterData 2011 ({@code google-2011}). Inputs: the trace folder (its
 * {@code machine_events/}, {@code machine_attributes/}, {@code job_events/}, {@code task_events/}
 * and {@code task_constraints/} subfolders; missing ones are simply absent tables), a table folder,
 * or single part files whose table is named by their parent folder. Part files are
 * {@code *.csv.gz} or plain {@code *.csv}, without a header. See {@link GoogleTraceSource} for
 * the mapping and {@link GoogleTraceSource#PARAM_MACHINE_CPU} for the parameters.
 */
public final class GoogleClusterData2011Format implements TraceFormat {
  public static final String NAME = "google-2011";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "Google ClusterData 2011: folder with machine_events/, machine_attributes/, job_events/,"
        + " task_events/, task_constraints/ part-*.csv(.gz); params machineCpu (cores, default "
        + GoogleTraceSource.DEFAULT_MACHINE_CPU + "), machineMemoryGiB (default "
        + GoogleTraceSource.DEFAULT_MACHINE_MEMORY_GIB + "), maxPods (default "
        + GoogleTraceSource.DEFAULT_MAX_PODS + ")";
  }

  @Override
  public TraceSource open(List<Path> inputs, TraceOptions options) {
    List<GoogleTraceSource.Part> parts = new ArrayList<>();
    for (Path input : inputs) {
      collect(input, parts);
    }
    return new GoogleTraceSource(parts, options, inputs.toString());
  }

  private static void collect(Path input, List<GoogleTraceSource.Part> parts) {
    if (Files.isRegularFile(input)) {
      Path parent = input.toAbsolutePath().getParent();
      Table table = parent == null ? null : Table.byFolder(parent.getFileName().toString());
      if (table == null) {
        table = Table.byFileName(input.getFileName().toString());
      }
      if (table == null) {
        throw new TraceFormatException(input.toString(), 0,
            "table: expected the file in a folder named after its table (" + Table.folderNames()
                + "), got folder \"" + (parent == null ? "" : parent.getFileName()) + "\"");
      }
      parts.add(new GoogleTraceSource.Part(table, input));
      return;
    }
    if (!Files.isDirectory(input)) {
      throw new TraceFormatException(input.toString(), 0, "expected a trace folder or part file, got nothing there");
    }
    Table own = Table.byFolder(input.getFileName() == null ? "" : input.getFileName().toString());
    if (own != null) {
      addParts(own, input, parts);
      return;
    }
    boolean any = false;
    for (Table table : Table.values()) {
      Path folder = input.resolve(table.folder);
      if (Files.isDirectory(folder)) {
        addParts(table, folder, parts);
        any = true;
      }
    }
    if (!any) {
      throw new TraceFormatException(input.toString(), 0,
          "expected subfolders named " + Table.folderNames() + ", found none");
    }
  }

  private static void addParts(Table table, Path folder, List<GoogleTraceSource.Part> parts) {
    for (Path p : InputFiles.inFolder(folder)) {
      if (InputFiles.isCsv(p.getFileName().toString())) {
        parts.add(new GoogleTraceSource.Part(table, p));
      }
    }
  }

  /** The tables read, in the order rows of equal time are applied. */
  enum Table {
    MACHINE_EVENTS("machine_events", 6),
    MACHINE_ATTRIBUTES("machine_attributes", 5),
    JOB_EVENTS("job_events", 8),
    TASK_CONSTRAINTS("task_constraints", 6),
    TASK_EVENTS("task_events", 13);

    final String folder;
    final int fields;

    Table(String folder, int fields) {
      this.folder = folder;
      this.fields = fields;
    }

    static Table byFolder(String name) {
      for (Table t : values()) {
        if (t.folder.equals(name)) {
          return t;
        }
      }
      return null;
    }

    static Table byFileName(String name) {
      for (Table t : values()) {
        if (name.startsWith(t.folder)) {
          return t;
        }
      }
      return null;
    }

    static String folderNames() {
      StringBuilder b = new StringBuilder();
      for (Table t : values()) {
        b.append(b.isEmpty() ? "" : ", ").append(t.folder);
      }
      return b.toString();
    }
  }
}
