package io.schedlab.traces;

import io.schedlab.traces.alibaba2017.Alibaba2017Format;
import io.schedlab.traces.alibaba2018.Alibaba2018Format;
import io.schedlab.traces.alibaba2020.AlibabaGpu2020Format;
import io.schedlab.traces.alibaba2023.AlibabaGpu2023Format;
import io.schedlab.traces.alibaba2025.AlibabaGpu2025Format;
import io.schedlab.traces.google2011.GoogleClusterData2011Format;
import io.schedlab.traces.kubedump.KubeDumpFormat;
import io.schedlab.traces.philly.Philly2017Format;
import java.util.LinkedHashMap;
import java.util.Map;

/** Every trace format schedlab reads, by its command-line name: the one place a format is listed. */
public final class TraceFormats {
  private TraceFormats() {}

  /** The formats in a fixed order (as listed by {@code --help}). */
  public static Map<String, TraceFormat> all() {
    Map<String, TraceFormat> formats = new LinkedHashMap<>();
    add(formats, new AlibabaGpu2023Format());
    add(formats, new KubeDumpFormat());
    add(formats, new Alibaba2018Format());
    add(formats, new Alibaba2017Format());
    add(formats, new GoogleClusterData2011Format());
    add(formats, new AlibabaGpu2020Format());
    add(formats, new AlibabaGpu2025Format());
    add(formats, new Philly2017Format());
    return formats;
  }

  private static void add(Map<String, TraceFormat> formats, TraceFormat format) {
    if (formats.put(format.name(), format) != null) {
      throw new IllegalStateException("two trace formats named \"" + format.name() + "\"");
    }
  }
}
