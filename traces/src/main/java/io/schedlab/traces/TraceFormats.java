package io.schedlab.traces;

import io.schedlab.traces.alibaba2020.AlibabaGpu2020Format;
import io.schedlab.traces.alibaba2025.AlibabaGpu2025Format;
import io.schedlab.traces.google2011.GoogleClusterData2011Format;
import io.schedlab.traces.philly.Philly2017Format;
import java.util.LinkedHashMap;
import java.util.Map;

/** Every trace format schedlab reads, by name. */
public final class TraceFormats {
  private TraceFormats() {}

  public static Map<String, TraceFormat> all() {
    Map<String, TraceFormat> formats = new LinkedHashMap<>();
    add(formats, new GoogleClusterData2011Format());
    add(formats, new AlibabaGpu2020Format());
    add(formats, new AlibabaGpu2025Format());
    add(formats, new Philly2017Format());
    return formats;
  }

  private static void add(Map<String, TraceFormat> formats, TraceFormat format) {
    formats.put(format.name(), format);
  }
}
