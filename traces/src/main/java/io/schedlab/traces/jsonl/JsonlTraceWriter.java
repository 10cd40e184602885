package io.schedlab.traces.jsonl;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.schedlab.api.Node;
import io.schedlab.api.ObjectMeta;
import io.schedlab.api.Pod;
import io.schedlab.api.PodSpec;
import io.schedlab.api.PodStatus;
import io.schedlab.api.Quantity;
import io.schedlab.api.codec.KubeCodec;
import io.schedlab.traces.TraceEvent;
import io.schedlab.traces.TraceHeader;
import io.schedlab.traces.TraceSink;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/**
 * Writes the native trace format (see {@code traces/FORMAT.md}): the header line, then one
 * event per line, streamed.
 *
 * <p>Implementation note: one {@link JsonGenerator} serves the whole output; Pods and Nodes go
 * through the codec's mapper with per-value flushing off, so a write costs no system call.
 */
public final class JsonlTraceWriter implements TraceSink {
  private final JsonGenerator gen;
  private final ObjectWriter metaWriter;
  private final ObjectWriter podSpecWriter;
  private final ObjectWriter podStatusWriter;
  private final ObjectWriter nodeWriter;
  private boolean closed;

  /** Writes to {@code out}, which this writer closes. */
  public JsonlTraceWriter(Writer out, TraceHeader header) {
    ObjectMapper mapper = KubeCodec.jsonMapper().disable(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);
    try {
      this.gen = mapper.getFactory().createGenerator(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    gen.setRootValueSeparator(null);
    this.metaWriter = mapper.writerFor(ObjectMeta.class);
    this.podSpecWriter = mapper.writerFor(PodSpec.class);
    this.podStatusWriter = mapper.writerFor(PodStatus.class);
    this.nodeWriter = mapper.writerFor(Node.class);
    writeHeader(header);
  }

  /** Writes to a file, gzip-compressed when its name ends in {@code .gz}. */
  public static JsonlTraceWriter open(Path path, TraceHeader header) {
    return open(path, header, path.getFileName().toString().endsWith(".gz"));
  }

  /** Writes to a file, gzip-compressed or not whatever its name. */
  public static JsonlTraceWriter open(Path path, TraceHeader header, boolean gzip) {
    try {
      OutputStream out = new BufferedOutputStream(Files.newOutputStream(path), 1 << 16);
      if (gzip) {
        out = new GZIPOutputStream(out, 1 << 16);
      }
      return new JsonlTraceWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), header);
    } catch (IOException e) {
      throw new UncheckedIOException(path + ": cannot write: " + e.getMessage(), e);
    }
  }

  private void writeHeader(TraceHeader header) {
    try {
      gen.writeStartObject();
      gen.writeStringField(JsonlFields.FORMAT, JsonlFields.FORMAT_NAME);
      gen.writeNumberField(JsonlFields.VERSION, TraceHeader.CURRENT_VERSION);
      if (header.format() != null) {
        gen.writeStringField(JsonlFields.FROM, header.format());
      }
      if (header.source() != null) {
        gen.writeStringField(JsonlFields.SOURCE, header.source());
      }
      if (!header.attributes().isEmpty()) {
        gen.writeObjectFieldStart(JsonlFields.ATTRIBUTES);
        for (Map.Entry<String, String> e : header.attributes().entrySet()) {
          gen.writeStringField(e.getKey(), e.getValue());
        }
        gen.writeEndObject();
      }
      gen.writeEndObject();
      gen.writeRaw('\n');
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void write(TraceEvent event) {
    try {
      gen.writeStartObject();
      gen.writeNumberField(JsonlFields.T, event.timeNanos());
      switch (event) {
        case TraceEvent.NodeAdded e -> {
          gen.writeStringField(JsonlFields.TYPE, JsonlFields.NODE_ADDED);
          gen.writeFieldName(JsonlFields.NODE);
          nodeWriter.writeValue(gen, e.node());
        }
        case TraceEvent.NodeUpdated e -> {
          gen.writeStringField(JsonlFields.TYPE, JsonlFields.NODE_UPDATED);
          gen.writeFieldName(JsonlFields.NODE);
          nodeWriter.writeValue(gen, e.node());
        }
        case TraceEvent.NodeRemoved e -> {
          gen.writeStringField(JsonlFields.TYPE, JsonlFields.NODE_REMOVED);
          gen.writeStringField(JsonlFields.NAME, e.nodeName());
        }
        case TraceEvent.PodSubmitted e -> writePodSubmitted(e);
        case TraceEvent.PodDeleted e -> {
          gen.writeStringField(JsonlFields.TYPE, JsonlFields.POD_DELETED);
          if (e.namespace() != null) {
            gen.writeStringField(JsonlFields.NAMESPACE, e.namespace());
          }
          gen.writeStringField(JsonlFields.NAME, e.name());
          gen.writeStringField(JsonlFields.REASON, e.reason().name());
        }
      }
      gen.writeEndObject();
      gen.writeRaw('\n');
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void writePodSubmitted(TraceEvent.PodSubmitted e) throws IOException {
    gen.writeStringField(JsonlFields.TYPE, JsonlFields.POD_SUBMITTED);
    gen.writeFieldName(JsonlFields.POD);
    writePod(e.pod());
    if (e.durationNanos() != TraceEvent.PodSubmitted.UNKNOWN_DURATION) {
      gen.writeNumberField(JsonlFields.DURATION, e.durationNanos());
    }
    Map<String, Quantity> usage = e.usage();
    if (!usage.isEmpty()) {
      gen.writeObjectFieldStart(JsonlFields.USAGE);
      for (Map.Entry<String, Quantity> u : usage.entrySet()) {
        gen.writeStringField(u.getKey(), u.getValue().toString());
      }
      gen.writeEndObject();
    }
    List<String> deps = e.dependsOn();
    if (!deps.isEmpty()) {
      gen.writeArrayFieldStart(JsonlFields.DEPENDS_ON);
      for (int i = 0; i < deps.size(); i++) {
        gen.writeString(deps.get(i));
      }
      gen.writeEndArray();
    }
  }

  /**
   * A Pod as Kubernetes JSON, less what reading restores: the canonical apiVersion and kind and
   * an empty status. Pods are most of a trace, so every byte saved here is parsing time saved.
   */
  private void writePod(Pod pod) throws IOException {
    gen.writeStartObject();
    if (!Pod.API_VERSION.equals(pod.apiVersion())) {
      gen.writeStringField("apiVersion", pod.apiVersion());
    }
    if (!Pod.KIND.equals(pod.kind())) {
      gen.writeStringField("kind", pod.kind());
    }
    if (!pod.metadata().equals(ObjectMeta.EMPTY)) {
      gen.writeFieldName("metadata");
      metaWriter.writeValue(gen, pod.metadata());
    }
    if (!pod.spec().equals(PodSpec.EMPTY)) {
      gen.writeFieldName("spec");
      podSpecWriter.writeValue(gen, pod.spec());
    }
    if (!pod.status().equals(PodStatus.EMPTY)) {
      gen.writeFieldName("status");
      podStatusWriter.writeValue(gen, pod.status());
    }
    gen.writeEndObject();
  }

  /** Pushes buffered lines to the output (the file may still lack a gzip trailer). */
  public void flush() {
    try {
      gen.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      gen.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
