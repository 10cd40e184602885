package io.schedlab.traces.alibaba2017;

import io.schedlab.traces.text.NodeParams;
import io.schedlab.traces.TraceFormat;
import io.schedlab.traces.TraceFormatException;
import io.schedlab.traces.TraceOptions;
import io.schedlab.traces.TraceSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

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
      List<Path> files;
      if (Files.isDirectory(input)) {
        try (Stream<Path> s = Files.list(input)) {
          files = s.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
          throw new TraceFormatException(input.toString(), 0, "cannot list: " + e.getMessage());
        }
      } else if (Files.isRegularFile(input)) {
        files = List.of(input);
      } else {
        throw new TraceFormatException(input.toString(), 0, "no such file or folder");
      }
      for (Path f : files) {
        String name = f.getFileName().toString();
        boolean csv = name.endsWith(".csv") || name.endsWith(".csv.gz");
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
