package io.schedlab.traces.alibaba2017;

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
 * Alibaba cluster-trace-v2017: server_event and batch_task ({@code .csv} or {@code .csv.gz}, no
 * header), given as files or as a folder holding them; other tables are not read.
 *
 * <p>Parameters: {@code memoryGiB} (what normalised memory 1.0 stands for, default 512),
 * {@code maxPods} (pods capacity of every node, default 110).
 */
public final class Alibaba2017Format implements TraceFormat {
  public static final String NAME = "alibaba-2017";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "Alibaba cluster-trace-v2017: server_event, batch_task (files or a folder)";
  }

  @Override
  public TraceSource open(List<Path> inputs, TraceOptions options) {
    Path serverEvent = null;
    Path batchTask = null;
    for (Path input : inputs) {
      for (Path f : InputFiles.filesOf(input, "no such file or folder")) {
        String name = f.getFileName().toString();
        boolean csv = InputFiles.isCsv(name);
        if (csv && name.startsWith("server_event")) {
          serverEvent = only(serverEvent, f);
        } else if (csv && name.startsWith("batch_task")) {
          batchTask = only(batchTask, f);
        } else if (!Files.isDirectory(input)) {
          throw new TraceFormatException(name, 0, "expected a table named server_event or batch_task (.csv or .csv.gz)");
        }
      }
    }
    if (serverEvent == null && batchTask == null) {
      throw new TraceFormatException(String.valueOf(inputs), 0, "expected server_event and/or batch_task");
    }
    return new Alibaba2017Source(serverEvent, batchTask, NodeParams.from(Alibaba2017Format.NAME, options), options.skipBadRows());
  }

  private static Path only(Path before, Path file) {
    if (before != null) {
      throw new TraceFormatException(file.getFileName().toString(), 0,
          "expected one table of this kind, got a second besides " + before);
    }
    return file;
  }
}
