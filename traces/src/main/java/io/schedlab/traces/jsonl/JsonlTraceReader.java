package io.schedlab.traces.jsonl;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.schedlab.api.Node;
import io.schedlab.api.Pod;
import io.schedlab.api.Quantity;
import io.schedlab.api.codec.KubeCodec;
import io.schedlab.traces.TraceEvent;
import io.schedlab.traces.TraceFormatException;
import io.schedlab.traces.TraceHeader;
import io.schedlab.traces.TraceOptions;
import io.schedlab.traces.TraceSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPInputStream;

/**
 * Reads the native trace format (see {@code traces/FORMAT.md}) one line at a time.
 *
 * <p>Implementation note: the caller's thread cuts lines from a growing byte buffer into
 * batches of {@value #BATCH_LINES}; a few batches at a time are parsed ahead on shared daemon
 * threads (parsing, not reading, is the cost: on two cores this nearly doubles events/s), and
 * handed out in file order. A line is parsed by a byte-based Jackson parser, never decoded into
 * a String; the envelope token by token, and only the Pod or Node body through data binding.
 * A line is the unit of failure: a malformed one (or one out of time order, which is checked in
 * order on the caller's thread) is reported with its number or, with {@code skipBadRows},
 * skipped. At most {@value #IN_FLIGHT} batches are held, so memory stays flat.
 */
public final class JsonlTraceReader implements TraceSource {
  private static final int BUFFER = 1 << 16;
  private static final int BATCH_LINES = 256;
  private static final int IN_FLIGHT = 4;
  /** Shared parse threads (daemons), or null on a one-core machine: parse on the caller's. */
  private static final ExecutorService PARSERS = parsers();

  private final String file;
  private final InputStream in;
  private final boolean skipBadRows;
  private final JsonFactory factory;
  private final ObjectReader podReader;
  private final ObjectReader nodeReader;
  private final TraceHeader header;

  private byte[] buf = new byte[BUFFER];
  private int start;
  private int scan;
  private int end;
  private boolean eof;
  private int lineStart;
  private int lineEnd;
  private long lineNo;

  private long lastTime;
  private long badRows;
  private boolean closed;
  private final ArrayDeque<Future<Batch>> inFlight = new ArrayDeque<>();
  private Batch current;
  private int position;

  /** Reads {@code in} (closed by {@link #close()}); {@code file} names it in messages. */
  public JsonlTraceReader(InputStream in, String file, TraceOptions options) {
    this.file = file;
    this.in = in;
    this.skipBadRows = options.skipBadRows();
    ObjectMapper mapper = KubeCodec.jsonMapper().addMixIn(Quantity.class, FastQuantities.Mixin.class);
    this.factory = mapper.getFactory();
    this.podReader = mapper.readerFor(Pod.class);
    this.nodeReader = mapper.readerFor(Node.class);
    this.header = readHeader();
  }

  /** Opens a file, gunzipping it when its name ends in {@code .gz}. */
  public static JsonlTraceReader open(Path path, TraceOptions options) {
    String name = path.toString();
    InputStream in;
    try {
      in = Files.newInputStream(path);
      if (name.endsWith(".gz")) {
        in = new GZIPInputStream(in, BUFFER);
      }
    } catch (NoSuchFileException e) {
      throw new TraceFormatException(name, 0, "no such file", e);
    } catch (IOException e) {
      throw new TraceFormatException(name, 0, "cannot read: " + e.getMessage(), e);
    }
    try {
      return new JsonlTraceReader(in, name, options);
    } catch (RuntimeException e) {
      closeQuietly(in);
      throw e;
    }
  }

  private static ExecutorService parsers() {
    int n = Math.min(Runtime.getRuntime().availableProcessors(), 4);
    if (n < 2) {
      return null;
    }
    AtomicInteger seq = new AtomicInteger();
    return Executors.newFixedThreadPool(n, r -> {
      Thread t = new Thread(r, "schedlab-trace-parser-" + seq.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
  }

  @Override
  public TraceHeader header() {
    return header;
  }

  @Override
  public long badRows() {
    return badRows;
  }

  @Override
  public TraceEvent next() {
    while (true) {
      if (current == null || position == current.count) {
        current = nextBatch();
        position = 0;
        if (current == null) {
          return null;
        }
        continue;
      }
      int i = position++;
      Object result = current.results[i];
      current.results[i] = null;
      TraceFormatException error;
      if (result instanceof TraceEvent event) {
        if (event.timeNanos() >= lastTime) {
          lastTime = event.timeNanos();
          return event;
        }
        error = new TraceFormatException(file, current.lines[i],
            "events out of time order: t=" + event.timeNanos() + " after t=" + lastTime);
      } else {
        error = (TraceFormatException) result;
      }
      if (!skipBadRows) {
        throw error;
      }
      badRows++;
    }
  }

  // ---------------------------------------------------------------- batches

  /** Lines cut from the input, copied out of the read buffer so that another thread may parse them. */
  private final class Batch {
    byte[] data = new byte[BATCH_LINES * 512];
    final int[] offsets = new int[BATCH_LINES + 1];
    final long[] lines = new long[BATCH_LINES];
    final Object[] results = new Object[BATCH_LINES];
    int count;

    void add(byte[] src, int from, int to, long line) {
      int len = to - from;
      int at = offsets[count];
      if (at + len > data.length) {
        data = Arrays.copyOf(data, Math.max(data.length * 2, at + len));
      }
      System.arraycopy(src, from, data, at, len);
      lines[count] = line;
      offsets[++count] = at + len;
    }

    Batch parse() {
      for (int i = 0; i < count; i++) {
        int off = offsets[i];
        try {
          results[i] = parseEvent(data, off, offsets[i + 1] - off);
        } catch (BadLine e) {
          results[i] = new TraceFormatException(file, lines[i], e.getMessage());
        }
      }
      return this;
    }
  }

  private Batch nextBatch() {
    while (inFlight.size() < (PARSERS == null ? 1 : IN_FLIGHT)) {
      Batch b = cutBatch();
      if (b == null) {
        break;
      }
      inFlight.add(PARSERS == null ? CompletableFuture.completedFuture(b.parse()) : PARSERS.submit(b::parse));
    }
    Future<Batch> next = inFlight.poll();
    if (next == null) {
      return null;
    }
    try {
      return next.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TraceFormatException(file, 0, "interrupted while reading", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  private Batch cutBatch() {
    Batch b = null;
    while ((b == null || b.count < BATCH_LINES) && nextLine()) {
      if (isBlank()) {
        continue;
      }
      if (b == null) {
        b = new Batch();
      }
      b.add(buf, lineStart, lineEnd, lineNo);
    }
    return b;
  }

  // ---------------------------------------------------------------- lines

  private boolean nextLine() {
    try {
      while (true) {
        for (int i = scan; i < end; i++) {
          if (buf[i] == '\n') {
            cut(i);
            start = i + 1;
            scan = start;
            return true;
          }
        }
        scan = end;
        if (eof) {
          if (start < end) {
            cut(end);
            start = end;
            scan = end;
            return true;
          }
          return false;
        }
        if (start > 0) {
          System.arraycopy(buf, start, buf, 0, end - start);
          end -= start;
          scan -= start;
          start = 0;
        }
        if (end == buf.length) {
          buf = Arrays.copyOf(buf, buf.length * 2);
        }
        int n = in.read(buf, end, buf.length - end);
        if (n < 0) {
          eof = true;
        } else {
          end += n;
        }
      }
    } catch (IOException e) {
      throw new TraceFormatException(file, lineNo + 1, "cannot read: " + e.getMessage(), e);
    }
  }

  private void cut(int newline) {
    lineNo++;
    lineStart = start;
    lineEnd = newline > start && buf[newline - 1] == '\r' ? newline - 1 : newline;
  }

  private boolean isBlank() {
    for (int i = lineStart; i < lineEnd; i++) {
      byte b = buf[i];
      if (b != ' ' && b != '\t') {
        return false;
      }
    }
    return true;
  }

  // ---------------------------------------------------------------- header

  private TraceHeader readHeader() {
    try {
      return parseHeader();
    } catch (BadLine e) {
      throw new TraceFormatException(file, lineNo, e.getMessage());
    }
  }

  private TraceHeader parseHeader() {
    boolean found = false;
    while (nextLine()) {
      if (!isBlank()) {
        found = true;
        break;
      }
    }
    if (!found) {
      throw new TraceFormatException(file, 0,
          "empty file; expected the header line {\"format\":\"" + JsonlFields.FORMAT_NAME
              + "\",\"version\":" + TraceHeader.CURRENT_VERSION + ",...}");
    }
    String format = null;
    int version = -1;
    String from = null;
    String source = null;
    Map<String, String> attributes = Map.of();
    try (JsonParser p = factory.createParser(buf, lineStart, lineEnd - lineStart)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw notAHeader();
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken value = p.nextToken();
        switch (field) {
          case JsonlFields.FORMAT -> format = value == JsonToken.VALUE_STRING ? p.getText() : null;
          case JsonlFields.VERSION -> {
            if (value != JsonToken.VALUE_NUMBER_INT) {
              throw bad("header: version: expected an integer");
            }
            version = p.getIntValue();
          }
          case JsonlFields.FROM -> from = string(p, "header: " + field);
          case JsonlFields.SOURCE -> source = string(p, "header: " + field);
          case JsonlFields.ATTRIBUTES -> attributes = stringMap(p, "header: " + field);
          default -> p.skipChildren();
        }
      }
    } catch (JsonProcessingException e) {
      throw notAHeader();
    } catch (IOException e) {
      throw bad("cannot read: " + e.getMessage());
    }
    if (!JsonlFields.FORMAT_NAME.equals(format)) {
      throw notAHeader();
    }
    if (version < 0) {
      throw bad("header: missing version");
    }
    if (version != TraceHeader.CURRENT_VERSION) {
      throw bad("trace format version " + version + " is not supported; this schedlab reads version "
          + TraceHeader.CURRENT_VERSION);
    }
    return new TraceHeader(version, from, source, attributes);
  }

  private BadLine notAHeader() {
    return bad("not a schedlab trace: expected the header line {\"format\":\""
        + JsonlFields.FORMAT_NAME + "\",\"version\":" + TraceHeader.CURRENT_VERSION + ",...}");
  }

  // ---------------------------------------------------------------- events

  /** Parses one event line; thread safe (it touches no mutable state of the reader). */
  private TraceEvent parseEvent(byte[] data, int offset, int length) {
    long t = -1;
    String type = null;
    Pod pod = null;
    Node node = null;
    String name = null;
    String namespace = null;
    String reason = null;
    long duration = TraceEvent.PodSubmitted.UNKNOWN_DURATION;
    Map<String, Quantity> usage = null;
    List<String> dependsOn = null;
    String field = null;
    try (JsonParser p = factory.createParser(data, offset, length)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw bad("expected an event object {\"t\":...,\"type\":...}");
      }
      JsonToken token;
      while ((token = p.nextToken()) == JsonToken.FIELD_NAME) {
        field = p.currentName();
        p.nextToken();
        switch (field) {
          case JsonlFields.T -> t = nonNegativeLong(p, field);
          case JsonlFields.TYPE -> type = string(p, field);
          case JsonlFields.POD -> pod = podReader.readValue(p);
          case JsonlFields.NODE -> node = nodeReader.readValue(p);
          case JsonlFields.NAME -> name = string(p, field);
          case JsonlFields.NAMESPACE -> namespace = string(p, field);
          case JsonlFields.REASON -> reason = string(p, field);
          case JsonlFields.DURATION -> duration = nonNegativeLong(p, field);
          case JsonlFields.USAGE -> usage = quantityMap(p, field);
          case JsonlFields.DEPENDS_ON -> dependsOn = stringList(p, field);
          default -> p.skipChildren();
        }
        field = null;
      }
      if (token != JsonToken.END_OBJECT || p.nextToken() != null) {
        throw bad("expected one JSON object on the line");
      }
    } catch (JsonMappingException e) {
      throw bad(field + describePath(e) + ": " + e.getOriginalMessage());
    } catch (JsonProcessingException e) {
      throw bad("malformed JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw bad("cannot read: " + e.getMessage());
    }
    if (t < 0) {
      throw bad("missing \"t\" (event time in nanoseconds)");
    }
    if (type == null) {
      throw bad("missing \"type\"");
    }
    switch (type) {
      case JsonlFields.POD_SUBMITTED -> {
        return new TraceEvent.PodSubmitted(t, require(pod, JsonlFields.POD, type), duration, usage,
            dependsOn);
      }
      case JsonlFields.POD_DELETED -> {
        return new TraceEvent.PodDeleted(t, namespace, require(name, JsonlFields.NAME, type),
            reason(require(reason, JsonlFields.REASON, type)));
      }
      case JsonlFields.NODE_ADDED -> {
        return new TraceEvent.NodeAdded(t, require(node, JsonlFields.NODE, type));
      }
      case JsonlFields.NODE_UPDATED -> {
        return new TraceEvent.NodeUpdated(t, require(node, JsonlFields.NODE, type));
      }
      case JsonlFields.NODE_REMOVED -> {
        return new TraceEvent.NodeRemoved(t, require(name, JsonlFields.NAME, type));
      }
      default -> throw bad("type: unknown event type \"" + type + "\"; expected one of "
          + JsonlFields.NODE_ADDED + ", " + JsonlFields.NODE_UPDATED + ", " + JsonlFields.NODE_REMOVED
          + ", " + JsonlFields.POD_SUBMITTED + ", " + JsonlFields.POD_DELETED);
    }
  }

  private static <T> T require(T value, String field, String type) {
    if (value == null) {
      throw bad(type + ": missing \"" + field + "\"");
    }
    return value;
  }

  private TraceEvent.PodDeleted.Reason reason(String text) {
    TraceEvent.PodDeleted.Reason[] all = TraceEvent.PodDeleted.Reason.values();
    for (TraceEvent.PodDeleted.Reason r : all) {
      if (r.name().equals(text)) {
        return r;
      }
    }
    throw bad("reason: expected one of " + Arrays.toString(all) + ", got \"" + text + "\"");
  }

  private long nonNegativeLong(JsonParser p, String field) throws IOException {
    if (p.currentToken() != JsonToken.VALUE_NUMBER_INT) {
      throw bad(field + ": expected a non-negative integer (nanoseconds), got " + p.getText());
    }
    long v;
    try {
      v = p.getLongValue();
    } catch (JsonProcessingException e) {
      throw bad(field + ": expected a non-negative integer (nanoseconds), got " + p.getText());
    }
    if (v < 0) {
      throw bad(field + ": expected a non-negative integer (nanoseconds), got " + v);
    }
    return v;
  }

  private String string(JsonParser p, String field) throws IOException {
    if (p.currentToken() != JsonToken.VALUE_STRING) {
      throw bad(field + ": expected a string, got " + p.getText());
    }
    return p.getText();
  }

  private Map<String, String> stringMap(JsonParser p, String field) throws IOException {
    if (p.currentToken() != JsonToken.START_OBJECT) {
      throw bad(field + ": expected an object of strings");
    }
    Map<String, String> map = new HashMap<>();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String key = p.currentName();
      p.nextToken();
      map.put(key, string(p, field + "." + key));
    }
    return map;
  }

  private Map<String, Quantity> quantityMap(JsonParser p, String field) throws IOException {
    if (p.currentToken() != JsonToken.START_OBJECT) {
      throw bad(field + ": expected an object of quantities");
    }
    Map<String, Quantity> map = new HashMap<>();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String key = p.currentName();
      JsonToken v = p.nextToken();
      if (v != JsonToken.VALUE_STRING && v != JsonToken.VALUE_NUMBER_INT
          && v != JsonToken.VALUE_NUMBER_FLOAT) {
        throw bad(field + "." + key + ": expected a quantity, got " + p.getText());
      }
      Quantity q = v == JsonToken.VALUE_STRING
          ? FastQuantities.simple(p.getTextCharacters(), p.getTextOffset(), p.getTextLength())
          : null;
      if (q != null) {
        map.put(key, q);
        continue;
      }
      try {
        map.put(key, Quantity.parse(p.getText()));
      } catch (IllegalArgumentException e) {
        throw bad(field + "." + key + ": " + e.getMessage());
      }
    }
    return map;
  }

  private List<String> stringList(JsonParser p, String field) throws IOException {
    if (p.currentToken() != JsonToken.START_ARRAY) {
      throw bad(field + ": expected an array of strings");
    }
    List<String> list = new ArrayList<>();
    while (p.nextToken() != JsonToken.END_ARRAY) {
      list.add(string(p, field + "[" + list.size() + "]"));
    }
    return list;
  }

  private static String describePath(JsonMappingException e) {
    StringBuilder sb = new StringBuilder();
    for (JsonMappingException.Reference r : e.getPath()) {
      if (r.getFieldName() != null) {
        sb.append('.').append(r.getFieldName());
      } else if (r.getIndex() >= 0) {
        sb.append('[').append(r.getIndex()).append(']');
      }
    }
    return sb.toString();
  }

  private static BadLine bad(String message) {
    return new BadLine(message);
  }

  /** What is wrong with a line; the caller adds file and line number. No stack trace: cheap. */
  private static final class BadLine extends RuntimeException {
    BadLine(String message) {
      super(message, null, false, false);
    }
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      // Batches parsed ahead only touch their own copies of the lines; drop them.
      for (Future<Batch> f : inFlight) {
        f.cancel(false);
      }
      inFlight.clear();
      current = null;
      closeQuietly(in);
    }
  }

  private static void closeQuietly(InputStream in) {
    try {
      in.close();
    } catch (IOException ignored) {
      // Nothing was written; a failing close loses nothing.
    }
  }
}
