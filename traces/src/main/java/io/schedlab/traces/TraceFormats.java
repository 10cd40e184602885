package io.schedlab.traces;

import io.schedlab.traces.alibaba2017.Alibaba2017Format;
import io.schedlab.traces.alibaba2018.Alibaba2018Format;
import io.schedlab.traces.alibaba2020.AlibabaGpu2020Format;
import io.schedlab.traces.alibaba2023.AlibabaGpu2023Format;
import io.schedlab.traces.alibaba2025.AlibabaGpu2025Format;
import io.schedlab.traces.google2011.GoogleClusterData2011Format;
import io.schedlab.traces.jsonl.JsonlFormat;
import io.schedlab.traces.kubedump.KubeDumpFormat;
import io.schedlab.traces.philly.Philly2017Format;
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
      new JsonlFormat(),
      new AlibabaGpu2023Format(),
      new KubeDumpFormat(),
      new Alibaba2018Format(),
      new Alibaba2017Format(),
      new GoogleClusterData2011Format(),
      new AlibabaGpu2020Format(),
      new AlibabaGpu2025Format(),
      new Philly2017Format());

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
