package io.schedlab.traces;

import java.nio.file.Path;
import java.util.List;

/** A trace format schedlab can read: one implementation per format, one package each. */
public interface TraceFormat {
  /** The name used on the command line, e.g. {@code alibaba-gpu-2023}. */
  String name();

  /** One line for {@code --help}: what the format is and which inputs it takes. */
  String description();

  /**
   * Opens the inputs (files or folders, as the format documents) as one time-ordered stream.
   *
   * @throws TraceFormatException when an input is missing or unreadable
   */
  TraceSource open(List<Path> inputs, TraceOptions options);
}
