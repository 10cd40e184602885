package io.schedlab.traces.jsonl;

import io.schedlab.traces.TraceFormat;
import io.schedlab.traces.TraceFormatException;
import io.schedlab.traces.TraceOptions;
import io.schedlab.traces.TraceSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The native format, {@code jsonl}. Each input is a trace file ({@code .jsonl}, or gzip'd when
 * the name ends in {@code .gz}) or a folder whose {@code *.jsonl} and {@code *.jsonl.gz} files
 * are taken in name order. Several files are merged by time into one stream, ties in input order.
 */
public final class JsonlFormat implements TraceFormat {
  public static final String NAME = "jsonl";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "schedlab's native trace: JSON Lines with a versioned header (traces/FORMAT.md); "
        + "files or folders of *.jsonl[.gz]";
  }

  @Override
  public TraceSource open(List<Path> inputs, TraceOptions options) {
    List<Path> files = files(inputs);
    if (files.size() == 1) {
      return JsonlTraceReader.open(files.get(0), options);
    }
    List<TraceSource> sources = new ArrayList<>(files.size());
    try {
      for (Path f : files) {
        sources.add(JsonlTraceReader.open(f, options));
      }
    } catch (RuntimeException e) {
      for (TraceSource s : sources) {
        s.close();
      }
      throw e;
    }
    return new MergedTraceSource(sources);
  }

  private static List<Path> files(List<Path> inputs) {
    if (inputs.isEmpty()) {
      throw new TraceFormatException(NAME, 0, "no input; expected a trace file or folder");
    }
    List<Path> files = new ArrayList<>();
    for (Path input : inputs) {
      if (!Files.isDirectory(input)) {
        files.add(input);
        continue;
      }
      try (Stream<Path> list = Files.list(input)) {
        List<Path> found = list
            .filter(p -> {
              String n = p.getFileName().toString();
              return n.endsWith(".jsonl") || n.endsWith(".jsonl.gz");
            })
            .sorted()
            .toList();
        if (found.isEmpty()) {
          throw new TraceFormatException(input.toString(), 0,
              "no *.jsonl or *.jsonl.gz file in this folder");
        }
        files.addAll(found);
      } catch (IOException e) {
        throw new TraceFormatException(input.toString(), 0, "cannot list: " + e.getMessage(), e);
      }
    }
    return files;
  }
}
