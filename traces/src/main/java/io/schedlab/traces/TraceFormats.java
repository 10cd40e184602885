package io.schedlab.traces;

import io.schedlab.traces.alibaba2017.Alibaba2017Format;
import io.schedlab.traces.alibaba2018.Alibaba2018Format;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every trace format schedlab reads, by name. */
public final class TraceFormats {
  private static final Map<String, TraceFormat> ALL = build(List.of(
      new Alibaba2018Format(),
      new Alibaba2017Format()));

  private TraceFormats() {}

  /** The formats in registration order, keyed by {@link TraceFormat#name()}. */
  public static Map<String, TraceFormat> all() {
    return ALL;
  }

  private static Map<String, TraceFormat> build(List<TraceFormat> formats) {
    Map<String, TraceFormat> m = new LinkedHashMap<>();
    for (TraceFormat f : formats) {
      m.put(f.name(), f);
    }
    return java.util.Collections.unmodifiableMap(m);
  }
}
