package io.schedlab.traces;

import io.schedlab.traces.alibaba2023.AlibabaGpu2023Format;
import io.schedlab.traces.kubedump.KubeDumpFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/** Every trace format schedlab reads, by its command-line name. */
public final class TraceFormats {
  private TraceFormats() {}

  /** The formats in a fixed order (as listed by {@code --help}). */
  public static Map<String, TraceFormat> all() {
    Map<String, TraceFormat> formats = new LinkedHashMap<>();
    add(formats, new AlibabaGpu2023Format());
    add(formats, new KubeDumpFormat());
    return formats;
  }

  private static void add(Map<String, TraceFormat> formats, TraceFormat format) {
    formats.put(format.name(), format);
  }
}
