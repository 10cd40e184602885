package io.schedlab.cli;

import io.schedlab.traces.TraceFormat;
import io.schedlab.traces.TraceSink;
import java.nio.file.Path;

/**
 * The two places the trace commands reach the native JSON Lines writer and the format registry,
 * which are written on branch tr-native. Until that merge each throws; after it, replace each
 * body with the line in its comment.
 */
final class TraceIo {
  private TraceIo() {}

  /** A writer of the native format to {@code out}, or to standard output for null. */
  static TraceSink jsonlWriter(Path out) {
    Path target = out == null ? Path.of("/dev/stdout") : out;
    // TR-NATIVE: return new io.schedlab.traces.jsonl.JsonlTraceWriter(target);
    throw new BadInputException(target + ": writing the native JSON Lines format needs"
        + " io.schedlab.traces.jsonl.JsonlTraceWriter (branch tr-native), not merged yet");
  }

  /** The registered format named {@code name} (as {@code --from} gives it). */
  static TraceFormat format(String name) {
    // TR-NATIVE: return io.schedlab.traces.TraceFormats.get(name);
    throw new BadInputException("--from " + name + ": the trace format registry"
        + " io.schedlab.traces.TraceFormats (branch tr-native) is not merged yet");
  }
}
