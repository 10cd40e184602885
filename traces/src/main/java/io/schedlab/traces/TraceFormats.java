package io.schedlab.traces;

import io.schedlab.traces.jsonl.JsonlFormat;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every trace format schedlab reads, by name: the one place a new format is registered (add its
 * line to {@link #FORMATS}).
 */
public final class TraceFormats {
  private static final List<TraceFormat> FORMATS = List.of(
      new JsonlFormat()
      // One line per format, e.g. new io.schedlab.traces.alibaba2023.OpenbFormat(),
      );

  private static final Map<String, TraceFormat> BY_NAME = index();

  private TraceFormats() {}

  private static Map<String, TraceFormat> index() {
    Map<String, TraceFormat> m = new LinkedHashMap<>();
    for (TraceFormat f : FORMATS) {
      if (m.put(f.name(), f) != null) {
        throw new IllegalStateException("two trace formats named " + f.name());
      }
    }
    return Collections.unmodifiableMap(m);
  }

  /** All formats, in registration order. */
  public static List<TraceFormat> all() {
    return FORMATS;
  }

  /** The format names, in registration order. */
  public static List<String> names() {
    return new ArrayList<>(BY_NAME.keySet());
  }

  /** The format called {@code name}, or null. */
  public static TraceFormat find(String name) {
    return BY_NAME.get(name);
  }

  /**
   * The format called {@code name}.
   *
   * @throws IllegalArgumentException naming the known formats when there is none by that name
   */
  public static TraceFormat get(String name) {
    TraceFormat f = BY_NAME.get(name);
    if (f == null) {
      throw new IllegalArgumentException(
          "unknown trace format '" + name + "'; expected one of " + String.join(", ", names()));
    }
    return f;
  }
}
