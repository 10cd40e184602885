package io.schedlab.cli;

import io.schedlab.traces.TraceHeader;
import io.schedlab.traces.TraceSink;
import io.schedlab.traces.jsonl.JsonlTraceWriter;
import java.io.FilterWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Where the trace commands write the native format: standard output, or a file that appears only
 * once it is complete (written beside the target as a hidden {@code .part} file, then moved into
 * place), so a failed run never leaves a half-written trace. A target ending in {@code .gz} is
 * gzipped.
 */
final class TraceOutput {
  /** Writes the events into the sink; returns what the command wants to report (e.g. a count). */
  @FunctionalInterface
  interface Body<R> {
    R write(TraceSink sink);
  }

  private TraceOutput() {}

  static <R> R write(Path out, TraceHeader header, PrintWriter stdout, Body<R> body) {
    return out == null ? toStdout(header, stdout, body) : toFile(out, header, body);
  }

  private static <R> R toStdout(TraceHeader header, PrintWriter stdout, Body<R> body) {
    JsonlTraceWriter writer = new JsonlTraceWriter(new NonClosingWriter(stdout), header);
    R result = body.write(writer);
    writer.close();
    stdout.flush();
    return result;
  }

  private static <R> R toFile(Path out, TraceHeader header, Body<R> body) {
    Path target = out.toAbsolutePath();
    Path dir = target.getParent();
    // A sibling, so the final move is a rename; not createTempFile, whose 0600 mode would stick
    // to the output.
    Path tmp = dir.resolve("." + target.getFileName() + "." + ProcessHandle.current().pid() + ".part");
    if (!Files.isDirectory(dir)) {
      throw new BadInputException(out + ": no such directory: " + dir);
    }
    boolean done = false;
    try {
      R result;
      boolean gzip = target.getFileName().toString().endsWith(".gz");
      try (JsonlTraceWriter writer = JsonlTraceWriter.open(tmp, header, gzip)) {
        result = body.write(writer);
      }
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      done = true;
      return result;
    } catch (IOException e) {
      throw new UncheckedIOException(out + ": cannot write: " + e.getMessage(), e);
    } finally {
      if (!done) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // The run already failed; its message matters more than a leftover .part file.
        }
      }
    }
  }

  /** Standard output stays open for the exit code's sake; the writer's close only flushes it. */
  private static final class NonClosingWriter extends FilterWriter {
    NonClosingWriter(Writer out) {
      super(out);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }
}
